import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import type { $ZodIssue } from "zod/v4/core";
import { disputeFieldWords, disputeRefusalWords } from "./dispute-form-words";

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
const issue = (path: string, code: string) =>
  ({ path: [path], code, message: "English" }) as unknown as $ZodIssue;

describe("disputeFieldWords", () => {
  const words = disputeFieldWords(t);

  it("words each field's issue by the field, never with the schema's English", () => {
    expect(words([issue("body", "too_small")])).toEqual(["disputes:detail.writeMessage"]);
    expect(words([issue("files", "too_small")])).toEqual(["disputes:detail.chooseFiles"]);
    expect(words([issue("files", "too_big")])).toEqual(["disputes:problems.tooManyFiles"]);
    expect(words([issue("note", "too_big")])).toEqual(["disputes:problems.invalid"]);
    expect(words([issue("line", "custom")])).toEqual(["disputes:raise.chooseLines"]);
    expect(words([issue("reason", "invalid_value")])).toEqual(["disputes:raise.chooseReason"]);
  });
});

describe("disputeRefusalWords", () => {
  const words = disputeRefusalWords(t, (minor, currency) => `${currency} ${minor}`);

  it("uses the command's problem key with its values", () => {
    expect(
      words({ code: "CONFLICT", reason: null, values: { problem: "alreadyDisputed", disputeNumber: 12 } }),
    ).toBe('disputes:problems.alreadyDisputed {"example":"","label":"D-12","available":""}');
    expect(
      words({
        code: "VALIDATION",
        reason: null,
        values: { problem: "aboveOpen", available: "1250", currency: "EUR" },
      }),
    ).toBe('disputes:problems.aboveOpen {"example":"","label":"","available":"EUR 1250"}');
    // An amount typed another way: the form expected, as the domain gives it for the language.
    expect(
      words({
        code: "VALIDATION",
        reason: "amount-format",
        values: { problem: "amountFormat", example: "1.000,00" },
      }),
    ).toBe('disputes:problems.amountFormat {"example":"1.000,00","label":"","available":""}');
  });

  it("falls back on the code: closed, invalid, failed; an unknown intent failed", () => {
    expect(words({ code: "INVALID_STATE", reason: null, values: {} })).toMatch(/^disputes:problems\.closed /);
    expect(words({ code: "VALIDATION", reason: null, values: { problem: "other" } })).toMatch(
      /^disputes:problems\.invalid /,
    );
    expect(words({ code: "CONFLICT", reason: null, values: {} })).toMatch(/^disputes:problems\.failed /);
    expect(words({ code: "VALIDATION", reason: "unknown-intent", values: {} })).toBe(
      "disputes:problems.failed",
    );
  });
});
