import type { TFunction } from "i18next";
import type { $ZodIssue } from "zod/v4/core";

/** A users page field's problems as translation keys (under users:invite.errors for the invitation). */
function issueKeys(issues: $ZodIssue[]): string[] {
  const name = issues[0]?.path[0];
  if (name === "name")
    return [
      issues.some((i) => i.code === "too_big")
        ? "users:invite.errors.nameTooLong"
        : "users:invite.errors.name",
    ];
  if (name === "role") return ["users:invite.errors.role"];
  if (name === "email") return ["users:invite.errors.email"];
  // The hidden fields (ids, intent) are never typed: a bad one is a bad request.
  return ["errors:400.body"];
}

/**
 * The users page's field errors in the visitor's language, from the schema's issues: the action
 * and the page's `useForm` word them alike.
 */
export const usersFieldWords = (t: TFunction) => (issues: $ZodIssue[]) =>
  issueKeys(issues).map((key) => t(key));
