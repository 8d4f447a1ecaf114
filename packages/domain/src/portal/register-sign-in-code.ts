import { getDb } from "../db/client.ts";
import { type SignInCodeRef, SignInCodeRefSchema, signInCodeKey } from "./sign-in-code-policy.ts";

/**
 * Records a freshly issued code on the server: its attempt counter (starting at zero) and when it
 * was issued. The strategy's own counter lives in a cookie the visitor could reset, so the portal
 * counts wrong codes here instead (see countSignInCodeAttempt). Called for every issued code,
 * whether or not the address has portal access, so both cases behave the same.
 */
export async function registerSignInCode(rawInput: SignInCodeRef, now = new Date()): Promise<void> {
  const ref = SignInCodeRefSchema.parse(rawInput);
  await getDb().rateLimitBucket.createMany({
    data: [{ key: signInCodeKey(ref), windowStart: now, count: 0 }],
    skipDuplicates: true,
  });
}
