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

  it.each([
    ["an address without a domain", { to: "ap@" }],
    ["two addresses", { to: "a@example.com, b@example.com" }],
    ["a subject with a line break", { subject: "Hi\r\nBcc: victim@example.com" }],
    ["an empty subject", { subject: "   " }],
    ["an empty body", { text: "" }],
    ["an upper-case category", { category: "Portal.Statement" }],
  ])("rejects %s", (_name, change) => {
    expect(EnqueueEmailSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
