import { describe, expect, it } from "vitest";
import { EnqueueEmailSchema } from "./enqueue-email.ts";

const valid = {
  to: "ap@example.com",
  subject: "Your statement",
  text: "Hello",
  category: "portal.statement",
};

describe("EnqueueEmailSchema", () => {
  it("accepts a plain message and trims the address", () => {
    expect(EnqueueEmailSchema.parse({ ...valid, to: " ap@example.com " }).to).toBe("ap@example.com");
  });

  it("keeps document references to attach, in the e-mail's language, none by default", () => {
    expect(EnqueueEmailSchema.parse(valid).attachments).toEqual([]);
    const ref = {
      kind: "card-receipt",
      id: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f",
      filename: "receipt-CARD-1.pdf",
    };
    expect(EnqueueEmailSchema.parse({ ...valid, attachments: [ref] }).attachments).toEqual([
      { ...ref, locale: "en" },
    ]);
  });

  it.each([
    ["an address without a domain", { to: "ap@" }],
    ["two addresses", { to: "a@example.com, b@example.com" }],
    ["a subject with a line break", { subject: "Hi\r\nBcc: victim@example.com" }],
    ["an empty subject", { subject: "   " }],
    ["an empty body", { text: "" }],
    ["an upper-case category", { category: "Portal.Statement" }],
    [
      "an attachment whose file name is a path",
      {
        attachments: [
          { kind: "card-receipt", id: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f", filename: "../x.pdf" },
        ],
      },
    ],
    ["an attachment of an unknown kind", { attachments: [{ kind: "invoice", id: "x", filename: "x.pdf" }] }],
  ])("rejects %s", (_name, change) => {
    expect(EnqueueEmailSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
