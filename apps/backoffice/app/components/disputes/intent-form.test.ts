import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  DisputeMatrixFormSchema,
  DisputePageFormSchema,
  StaffRaiseDisputeFormSchema,
  staffRaiseDisputeInput,
} from "@settle/domain/disputes/staff-dispute-forms";
import { describe, expect, it } from "vitest";
import { doneFor, replyFor } from "./intent-form.ts";

function form(values: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of values) data.append(k, v);
  return data;
}

describe("the dispute pages' forms in the browser", () => {
  it("derive their fields' constraints from the schemas the actions parse with", () => {
    for (const schema of [DisputePageFormSchema, StaffRaiseDisputeFormSchema, DisputeMatrixFormSchema]) {
      expect(() => getZodConstraint(schema)).not.toThrow();
    }
  });

  it("refuse an unknown outcome on its field instead of choosing one", () => {
    const submission = parseWithZod(
      form([
        ["intent", "resolve"],
        ["outcome", "MAYBE"],
        ["rootCause", "OTHER"],
        ["explanation", "x"],
      ]),
      { schema: DisputePageFormSchema },
    );
    expect(submission.reply().error).toEqual({ outcome: ["Choose an outcome."] });
  });

  it("turn ticked lines and their amounts into the dispute's lines (empty: the whole line)", () => {
    const submission = parseWithZod(
      form([
        ["customerId", "c"],
        ["invoiceId", "i"],
        ["idempotencyKey", "staff-dispute-1"],
        ["channel", "PHONE"],
        ["scope", "LINES"],
        ["line", "1"],
        ["line", "3"],
        ["lineAmount.1", "5.00"],
        ["lineAmount.2", "9.00"],
        ["lineAmount.3", ""],
        ["reason", "TAX"],
        ["description", "Wrong rate."],
      ]),
      { schema: StaffRaiseDisputeFormSchema },
    );
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    expect(staffRaiseDisputeInput(submission.value, []).lines).toEqual([
      { lineNo: 1, amount: "5.00" },
      { lineNo: 3, amount: undefined },
    ]);
  });

  it("give a reply to the form that posted its intent, and a success message to the one that did it", () => {
    const refused = { reply: { status: "error" as const, initialValue: { intent: "reassign" } }, done: null };
    expect(replyFor(refused, "reassign")).toBe(refused.reply);
    expect(replyFor(refused, "reply", "note")).toBeUndefined();
    const done = {
      reply: { status: "success" as const },
      done: { intent: "note", message: "Internal note added." },
    };
    expect(doneFor(done, "reply", "note")).toBe("Internal note added.");
    expect(doneFor(done, "withdraw")).toBeUndefined();
    expect(replyFor(done, "note")).toBe(done.reply);
  });
});
