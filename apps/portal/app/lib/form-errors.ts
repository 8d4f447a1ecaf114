import type { $ZodIssue } from "zod/v4/core";

/**
 * Conform's `formatError` for the sign-in forms: each field's problems become translation keys
 * (in the auth namespace) instead of the domain schema's English messages, in the browser and on
 * the server alike. Pages pass them through `t`.
 */
export function signInErrorKeys(issues: $ZodIssue[]): string[] {
  const field = issues[0]?.path[0];
  if (field === "code") return ["auth:errors.codeFormat"];
  if (issues.some((issue) => issue.code === "invalid_type")) return ["auth:errors.emailRequired"];
  if (issues.some((issue) => issue.code === "too_big")) return ["auth:errors.emailTooLong"];
  return ["auth:errors.emailInvalid"];
}

/** Whole minutes to wait, rounded up, for rate-limit messages. */
export const minutesToWait = (seconds: number | undefined) => Math.max(1, Math.ceil((seconds ?? 60) / 60));
