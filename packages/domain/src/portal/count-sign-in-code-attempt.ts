import { consumeRateLimit } from "../auth/rate-limit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  SIGN_IN_CODE_LIMITS,
  type SignInCodeRef,
  SignInCodeRefSchema,
  signInCodeKey,
  waitText,
} from "./sign-in-code-policy.ts";
import { SIGN_IN_CODE_MAX_ATTEMPTS, SIGN_IN_CODE_TTL_SECONDS } from "./sign-in-forms.ts";

export type SignInCodeAttempt =
  /** The code may be checked; `attemptsLeft` remain if this one is wrong. */
  | { status: "allowed"; attemptsLeft: number }
  /** Unknown, already used, or older than its lifetime: ask for a new code. */
  | { status: "expired" }
  /** All attempts for this code are used up: ask for a new code. */
  | { status: "exhausted" };

/**
 * Counts one attempt at a code before it is checked (typed code or magic link). Limited per client
 * across all codes, and per code to SIGN_IN_CODE_MAX_ATTEMPTS. The increment is a single UPDATE,
 * so parallel guesses are all counted.
 */
export async function countSignInCodeAttempt(
  rawInput: SignInCodeRef,
  client: { ip: string },
  now = new Date(),
): Promise<SignInCodeAttempt> {
  const ref = SignInCodeRefSchema.parse(rawInput);
  const perClient = await consumeRateLimit(
    `portal-code-verify:client:${client.ip}`,
    SIGN_IN_CODE_LIMITS.verificationsPerClient,
    now,
  );
  if (!perClient.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      `Too many sign-in attempts. Try again in ${waitText(perClient.retryAfterSeconds)}.`,
      { retryAfterSeconds: perClient.retryAfterSeconds },
    );
  }
  const issuedAfter = new Date(now.getTime() - SIGN_IN_CODE_TTL_SECONDS * 1000);
  const rows = await getDb().$queryRaw<{ count: number }[]>`
    UPDATE rate_limit_bucket SET count = count + 1
     WHERE key = ${signInCodeKey(ref)} AND window_start > ${issuedAfter}
    RETURNING count`;
  const count = rows[0]?.count;
  if (count === undefined) return { status: "expired" };
  if (count > SIGN_IN_CODE_MAX_ATTEMPTS) return { status: "exhausted" };
  return { status: "allowed", attemptsLeft: SIGN_IN_CODE_MAX_ATTEMPTS - count };
}
