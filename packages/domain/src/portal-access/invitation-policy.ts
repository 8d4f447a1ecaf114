import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { StaffRole } from "../actor.ts";
import type { RateLimitRule } from "../auth/rate-limit.ts";
import { hashToken } from "../auth/session-tokens.ts";

/**
 * Rules of portal invitations shared by the use cases in this folder: lifetime, tokens, languages,
 * rate limits and the status an invitation is in.
 */

/** An invitation link works for a week: long enough for holidays, short enough to go stale. */
export const INVITATION_TTL_DAYS = 7;

/** Back-office roles that may invite and remove portal users (ADMIN always may). */
export const PORTAL_ACCESS_STAFF_ROLES: readonly StaffRole[] = ["AR_MANAGER", "COLLECTOR"];

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from forms as strings: a malformed one is answered like an unknown one (NOT_FOUND). */
export const isUuid = (value: string) => UUID_RE.test(value);

export const INVITATION_LIMITS = {
  /** Invitations one person sends: stops the portal from being used to mail strangers. */
  invitesPerInviter: { limit: 30, windowSeconds: 60 * 60 },
  /** "Request a new invitation" per invitation: one nudge a day is plenty. */
  newInvitationRequestsPerInvitation: { limit: 2, windowSeconds: 24 * 60 * 60 },
  /** "Request a new invitation" from one client address. */
  newInvitationRequestsPerClient: { limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** The e-mailed link carries 256 random bits; the database keeps only the sha256 (like sessions). */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/**
 * What a visitor can paste into the address bar. Anything else cannot be a token we issued, so it is
 * treated like an unknown one without a database query.
 */
export const InvitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");

export type InvitationStatus = "PENDING" | "EXPIRED" | "REVOKED" | "ACCEPTED";

/** Accepted wins over revoked, revoked over expired: the page explains the first thing that happened. */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return "ACCEPTED";
  if (invitation.revokedAt) return "REVOKED";
  if (invitation.expiresAt <= now) return "EXPIRED";
  return "PENDING";
}

/** Where an invitation is accepted, and where a portal admin manages the account's users. */
export const invitationLink = (portalUrl: string | URL, token: string) =>
  new URL(`/invitations/${token}`, portalUrl).toString();
export const usersPageLink = (portalUrl: string | URL, customerId: string) =>
  new URL(`/accounts/${customerId}/users`, portalUrl).toString();

export const PortalUrlSchema = z.union([z.instanceof(URL), z.url({ protocol: /^https?$/ })]);
