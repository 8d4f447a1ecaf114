import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { dummyPasswordHash, verifyPassword } from "./password.ts";
import { consumeRateLimit, resetRateLimit } from "./rate-limit.ts";
import { type StaffSignInInput, StaffSignInSchema } from "./staff-sign-in-forms.ts";
import { type StaffPage, staffWorkspace } from "./staff-workspace.ts";

/** Same words for unknown e-mail and wrong password: never reveal which accounts exist. */
export const INVALID_CREDENTIALS = "That e-mail and password do not match an active account.";

export const STAFF_SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perClient: { limit: 30, windowSeconds: 15 * 60 },
} as const;

/**
 * Checks staff credentials. Rate-limited per account and per client address before the password
 * is even looked at; both counters count every attempt, and a success clears the account's.
 */
export async function signInStaff(
  input: StaffSignInInput,
  client: { ip: string },
): Promise<{ userId: string; landing: StaffPage }> {
  const { email, password } = StaffSignInSchema.parse(input);
  const [perAccount, perClient] = await Promise.all([
    consumeRateLimit(`staff-sign-in:account:${email}`, STAFF_SIGN_IN_LIMITS.perAccount),
    consumeRateLimit(`staff-sign-in:client:${client.ip}`, STAFF_SIGN_IN_LIMITS.perClient),
  ]);
  if (!perAccount.allowed || !perClient.allowed) {
    const wait = Math.max(perAccount.retryAfterSeconds, perClient.retryAfterSeconds);
    throw new DomainError(
      "RATE_LIMITED",
      `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`,
      { retryAfterSeconds: wait, reason: "sign-in-rate-limited", minutes: Math.ceil(wait / 60) },
    );
  }
  const user = await getDb().staffUser.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true, roles: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user?.active || !ok) {
    if (user) {
      await getDb().$transaction((tx) =>
        appendAudit(
          tx,
          { kind: "system", name: "sign-in" },
          {
            action: "staff.sign_in_failed",
            entityType: "staff_user",
            entityId: user.id,
            after: { ip: client.ip },
          },
        ),
      );
    }
    throw new DomainError("VALIDATION", INVALID_CREDENTIALS, { reason: "invalid-credentials" });
  }
  await resetRateLimit(`staff-sign-in:account:${email}`);
  // Where their day starts, for a sign-in that was not on its way to a page.
  const { landing } = staffWorkspace({ kind: "staff", userId: user.id, roles: user.roles });
  return { userId: user.id, landing };
}
