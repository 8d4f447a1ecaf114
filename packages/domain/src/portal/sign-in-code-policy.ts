import { createHash } from "node:crypto";
import { z } from "zod";
import type { RateLimitRule } from "../auth/rate-limit.ts";
import { PortalEmailSchema } from "./sign-in-forms.ts";

/**
 * Server-side rules of portal sign-in by e-mailed one-time code, shared by the use cases in this
 * folder. The code's lifetime and attempts are in sign-in-forms.ts (the app's strategy uses them).
 */

export const SIGN_IN_CODE_LIMITS = {
  /** Codes requested for one address: stops mail-bombing someone's inbox. */
  requestsPerEmail: { limit: 5, windowSeconds: 15 * 60 },
  /** Codes requested from one client address (offices share one, so not too tight). */
  requestsPerClient: { limit: 20, windowSeconds: 15 * 60 },
  /** Code checks from one client address, across all codes it holds. */
  verificationsPerClient: { limit: 30, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * Identifies one issued code: the strategy's encrypted code token together with the address it
 * was issued for. The strategy keeps the address in a plain cookie next to the token, so binding
 * both here is what stops a visitor from requesting a code for their own address and then
 * editing the cookie to sign in as someone else.
 */
export const SignInCodeRefSchema = z.object({
  token: z.string().min(20).max(4000),
  email: PortalEmailSchema,
});
export type SignInCodeRef = z.input<typeof SignInCodeRefSchema>;

/** Counter row key in rate_limit_bucket; only a hash is stored, never the token. */
export function signInCodeKey(ref: z.output<typeof SignInCodeRefSchema>): string {
  const digest = createHash("sha256").update(`${ref.token}\n${ref.email}`).digest("hex");
  return `portal-sign-in-code:${digest}`;
}

/** "1 minute", "12 minutes": how long to wait, rounded up, for rate-limit messages. */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
