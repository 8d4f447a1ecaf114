/**
 * For the portal's route integration tests: route arguments as the portal receives them (its
 * origin, its CSRF tokens) and the session cookie of a signed-in portal user.
 */
import { randomUUID } from "node:crypto";
import { startSession } from "@settle/domain/auth/start-session";
import { getDb } from "@settle/domain/db/client";
import type { PortalRole } from "@settle/domain/db/generated/enums";
import {
  createPayingCustomer,
  type PayingCustomer,
} from "@settle/domain/payments/stripe-test-setup.test-support";
import { createLegalEntity, createPortalUser } from "@settle/domain/seed/factories";
import { routeCaller } from "@settle/web/route-test.test-support";
import { csrfTokenFor } from "./csrf.server";
import { sessionCookieFor } from "./session.server";

export const PORTAL_BASE = "http://127.0.0.1:3000";

/** `routeCaller` for the portal; `params` are the parameters every call gets unless it names them. */
export function portalCaller(params?: () => Record<string, string>) {
  return routeCaller({ base: PORTAL_BASE, csrf: csrfTokenFor, ...(params ? { params } : {}) });
}

/** The cookie (name=value) a browser sends for a portal session the user starts now. */
export async function portalSessionCookie(userId: string): Promise<string> {
  const { token, expiresAt } = await startSession({ app: "PORTAL", userId });
  return sessionCookieFor(token, expiresAt).split(";")[0]!;
}

/** A new portal user with one role on the account, signed in. */
export async function signedInMember(
  customerId: string,
  role: PortalRole,
): Promise<{ userId: string; email: string; cookie: string }> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@route.example`;
  const user = await createPortalUser(getDb(), { email, memberships: [{ customerId, role }] });
  return { userId: user.id, email, cookie: await portalSessionCookie(user.id) };
}

export type SignedInPayingCustomer = PayingCustomer & { payerCookie: string };

/**
 * A paying customer (`createPayingCustomer`) of a new legal entity of this name, with the payer
 * signed in to the portal.
 */
export async function signedInPayingCustomer(
  legalEntityName: string,
  options: Omit<NonNullable<Parameters<typeof createPayingCustomer>[0]>, "legalEntityId"> = {},
): Promise<SignedInPayingCustomer> {
  const entity = await createLegalEntity(getDb(), { name: legalEntityName });
  const customer = await createPayingCustomer({ ...options, legalEntityId: entity.id });
  return { ...customer, payerCookie: await portalSessionCookie(customer.payer.userId) };
}
