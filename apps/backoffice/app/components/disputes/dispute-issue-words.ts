import type { TFunction } from "i18next";

interface Issue {
  code: string;
  path?: readonly PropertyKey[];
  origin?: string;
  maximum?: unknown;
}

/** The dispute page's fields whose schema issues have words of their own (dispute:issues.*). */
const DISPUTE_FIELDS = [
  "body",
  "attachments",
  "visibility",
  "note",
  "outcome",
  "rootCause",
  "explanation",
  "creditAmount",
];

/**
 * A dispute form's field errors in the page's language (the schema's own messages are English),
 * the same in the browser and from the server: by the field the issue is on (`<ns>:issues.<field>`
 * for the `fields` with words of their own), a length by its limit.
 */
export const issueWordsFor =
  (t: TFunction, ns: string, fields: readonly string[]) => (issues: readonly Issue[]) =>
    issues.map((issue) => {
      if (issue.code === "too_big") {
        const key = issue.origin === "array" ? "dispute:issues.tooManyFiles" : "dispute:issues.tooLong";
        return t(key, { maximum: String(issue.maximum) });
      }
      const field = String(issue.path?.[0] ?? "");
      return fields.includes(field) ? t(`${ns}:issues.${field}`) : t("dispute:issues.invalid");
    });

/** The dispute page's field errors. */
export const disputeIssueWords = (t: TFunction) => issueWordsFor(t, "dispute", DISPUTE_FIELDS);

/** Logging a dispute: its field errors. */
export const raiseIssueWords = (t: TFunction) =>
  issueWordsFor(t, "dispute-new", [
    "channel",
    "contactEmail",
    "scope",
    "line",
    "amount",
    "reason",
    "description",
  ]);

const DEADLINE_WORDS: Record<string, string> = { too_small: "atLeast", too_big: "atMost" };

/** The dispute matrix's field errors; a deadline by what is wrong with it. */
export const matrixIssueWords = (t: TFunction) => {
  const words = issueWordsFor(t, "dispute-matrix", [
    "reason",
    "currency",
    "amount",
    "date",
    "code",
    "name",
    "email",
  ]);
  return (issues: readonly Issue[]) =>
    issues.flatMap((issue) =>
      issue.path?.[0] === "deadlineDays"
        ? [t(`dispute-matrix:issues.deadlineDays.${DEADLINE_WORDS[issue.code] ?? "number"}`)]
        : words([issue]),
    );
};
