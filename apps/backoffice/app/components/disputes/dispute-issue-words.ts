import type { TFunction } from "i18next";

interface Issue {
  code: string;
  path?: readonly PropertyKey[];
  origin?: string;
  maximum?: unknown;
}

/** The dispute page's fields whose schema issues have words of their own (dispute:issues.*). */
const FIELD_WORDS = new Set([
  "body",
  "attachments",
  "visibility",
  "note",
  "outcome",
  "rootCause",
  "explanation",
  "creditAmount",
]);

/**
 * The dispute page's field errors in the page's language (the schema's own messages are English),
 * the same in the browser and from the server: by the field the issue is on, a length by its limit.
 */
export const disputeIssueWords = (t: TFunction) => (issues: readonly Issue[]) =>
  issues.map((issue) => {
    if (issue.code === "too_big") {
      const key = issue.origin === "array" ? "dispute:issues.tooManyFiles" : "dispute:issues.tooLong";
      return t(key, { maximum: String(issue.maximum) });
    }
    const field = String(issue.path?.[0] ?? "");
    return t(`dispute:issues.${FIELD_WORDS.has(field) ? field : "invalid"}`);
  });
