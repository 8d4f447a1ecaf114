import type { TFunction } from "i18next";
import type { $ZodIssue } from "zod/v4/core";

/** Fields whose problem has its own words under payment-plans:errors. */
const FIELD_KEYS = new Set(["name", "confirm", "payBy", "message"]);

/**
 * The answer forms' field errors in the payer's language, from the schema's issues: the action and
 * the page's `useForm` word them alike. An unknown answer reads as the generic "check what you entered".
 */
export const planFieldWords = (t: TFunction) => (issues: $ZodIssue[]) => {
  const field = String(issues[0]?.path[0] ?? "");
  if (field === "answer") return [t("errors:400.body")];
  return [t(`payment-plans:errors.${FIELD_KEYS.has(field) ? field : "invalid"}`)];
};
