import { getDb } from "../db/client.ts";
import { type SignInCodeRef, SignInCodeRefSchema, signInCodeKey } from "./sign-in-code-policy.ts";

export interface PortalSignInUser {
  userId: string;
  /** The customer accounts the user may act for, by name. */
  customerIds: string[];
}

/**
 * After the strategy accepted a code: uses the code up (a second use of the same code, e.g. a
 * replayed request, finds nothing) and finds the active portal user it was issued for. Null means
 * no sign-in: the code was already used, or the address has no (active) portal access.
 */
export async function completePortalSignIn(rawInput: SignInCodeRef): Promise<PortalSignInUser | null> {
  const ref = SignInCodeRefSchema.parse(rawInput);
  const db = getDb();
  const { count } = await db.rateLimitBucket.deleteMany({ where: { key: signInCodeKey(ref) } });
  if (count === 0) return null;
  const user = await db.portalUser.findFirst({
    where: { email: { equals: ref.email, mode: "insensitive" }, active: true },
    select: {
      id: true,
      memberships: { select: { customerId: true }, orderBy: { customer: { name: "asc" } } },
    },
  });
  if (!user) return null;
  return { userId: user.id, customerIds: user.memberships.map((m) => m.customerId) };
}
