import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor, PortalActor, StaffActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import type { PortalRole, SessionApp, StaffRole } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";

export const SESSION_TTL_DAYS = { BACKOFFICE: 1, PORTAL: 30 } as const;
// Sliding expiry is refreshed at most this often, so a busy page does not write on every request.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** The cookie holds the token; the database only its sha256, so a leaked table grants nothing. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface StartSessionInput {
  app: SessionApp;
  userId: string;
  userAgent?: string | null;
  ipAddress?: string | null;
}

export async function startSession(input: StartSessionInput): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_DAYS[input.app] * 86_400_000);
  const session = await getDb().$transaction(async (tx) => {
    const created = await tx.session.create({
      data: {
        id: hashToken(token),
        app: input.app,
        staffUserId: input.app === "BACKOFFICE" ? input.userId : null,
        portalUserId: input.app === "PORTAL" ? input.userId : null,
        csrfSecret: randomBytes(24).toString("base64url"),
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        ipAddress: input.ipAddress ?? null,
        expiresAt,
      },
    });
    const actor: Actor =
      input.app === "BACKOFFICE"
        ? { kind: "staff", userId: input.userId, roles: [] }
        : { kind: "portal", userId: input.userId, memberships: [] };
    await appendAudit(tx, actor, {
      action: "session.start",
      entityType: input.app === "BACKOFFICE" ? "staff_user" : "portal_user",
      entityId: input.userId,
      after: { sessionId: created.id.slice(0, 12), ip: input.ipAddress, userAgent: created.userAgent },
    });
    return created;
  });
  return { token, expiresAt: session.expiresAt };
}

export interface StaffSession {
  sessionId: string;
  csrfSecret: string;
  user: { id: string; email: string; name: string; roles: StaffRole[] };
  actor: StaffActor;
}

export interface PortalSession {
  sessionId: string;
  csrfSecret: string;
  activeCustomerId: string | null;
  user: { id: string; email: string; name: string; locale: string };
  memberships: { customerId: string; role: PortalRole; accountNumber: string; name: string }[];
  actor: PortalActor;
}

interface SessionRow {
  id: string;
  csrf_secret: string;
  active_customer_id: string | null;
  last_seen_at: Date;
}

/**
 * Session rows are looked up on every signed-in request, so each app's lookup is one round trip:
 * the live session (right app, not revoked, not expired) joined to its active user. The sliding
 * expiry is refreshed at most every TOUCH_AFTER_MS.
 */
async function touch(app: SessionApp, row: SessionRow): Promise<void> {
  if (Date.now() - row.last_seen_at.getTime() <= TOUCH_AFTER_MS) return;
  const now = new Date();
  await getDb().session.update({
    where: { id: row.id },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_DAYS[app] * 86_400_000) },
  });
}

const usableToken = (token: string) => token.length > 0 && token.length <= 100;

/** The signed-in staff user for a cookie token, or null (unknown, expired, revoked, deactivated). */
export async function resolveStaffSession(token: string, requestId?: string): Promise<StaffSession | null> {
  if (!usableToken(token)) return null;
  const rows = await getDb().$queryRaw<
    (SessionRow & { user_id: string; email: string; name: string; roles: StaffRole[] })[]
  >`
    SELECT s.id, s.csrf_secret, s.active_customer_id::text AS active_customer_id, s.last_seen_at,
           u.id::text AS user_id, u.email, u.name, u.roles::text[] AS roles
      FROM session s JOIN staff_user u ON u.id = s.staff_user_id
     WHERE s.id = ${hashToken(token)} AND s.app = 'BACKOFFICE'::session_app AND s.revoked_at IS NULL
       AND s.expires_at > now() AND u.active`;
  const row = rows[0];
  if (!row) return null;
  await touch("BACKOFFICE", row);
  return {
    sessionId: row.id,
    csrfSecret: row.csrf_secret,
    user: { id: row.user_id, email: row.email, name: row.name, roles: row.roles },
    actor: { kind: "staff", userId: row.user_id, roles: row.roles, requestId },
  };
}

/** The signed-in portal user, with the customer accounts they may act for (by name). */
export async function resolvePortalSession(token: string, requestId?: string): Promise<PortalSession | null> {
  if (!usableToken(token)) return null;
  const rows = await getDb().$queryRaw<
    (SessionRow & {
      user_id: string;
      email: string;
      name: string;
      locale: string;
      memberships: { customerId: string; role: PortalRole; accountNumber: string; name: string }[];
    })[]
  >`
    SELECT s.id, s.csrf_secret, s.active_customer_id::text AS active_customer_id, s.last_seen_at,
           u.id::text AS user_id, u.email, u.name, u.locale,
           COALESCE((
             SELECT json_agg(json_build_object('customerId', m.customer_id, 'role', m.role,
                                               'accountNumber', c.account_number, 'name', c.name)
                             ORDER BY c.name, c.id)
               FROM portal_membership m JOIN customer c ON c.id = m.customer_id
              WHERE m.portal_user_id = u.id
           ), '[]'::json) AS memberships
      FROM session s JOIN portal_user u ON u.id = s.portal_user_id
     WHERE s.id = ${hashToken(token)} AND s.app = 'PORTAL'::session_app AND s.revoked_at IS NULL
       AND s.expires_at > now() AND u.active`;
  const row = rows[0];
  if (!row) return null;
  await touch("PORTAL", row);
  const memberships = row.memberships;
  const active = memberships.some((m) => m.customerId === row.active_customer_id)
    ? row.active_customer_id
    : null;
  return {
    sessionId: row.id,
    csrfSecret: row.csrf_secret,
    activeCustomerId: active,
    user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale },
    memberships,
    actor: {
      kind: "portal",
      userId: row.user_id,
      memberships: memberships.map((m) => ({ customerId: m.customerId, role: m.role })),
      requestId,
    },
  };
}

export const SelectCustomerSchema = z.object({ customerId: z.uuid() });

/** A portal user picks which of their customer accounts to act for. Unknown ones are NOT_FOUND. */
export async function selectPortalCustomer(
  sessionId: string,
  actor: PortalActor,
  input: { customerId: string },
) {
  const { customerId } = SelectCustomerSchema.parse(input);
  if (!actor.memberships.some((m) => m.customerId === customerId)) {
    throw new DomainError("NOT_FOUND", "Account not found.");
  }
  await getDb().session.update({ where: { id: sessionId }, data: { activeCustomer: customerId } });
}

export interface SessionSummary {
  id: string;
  current: boolean;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** The actor's own active sessions ("signed-in devices"). Ids are opaque hashes, safe to show. */
export async function listMySessions(
  actor: StaffActor | PortalActor,
  currentSessionId: string,
): Promise<SessionSummary[]> {
  const rows = await getDb().session.findMany({
    where: {
      ...(actor.kind === "staff" ? { staffUserId: actor.userId } : { portalUserId: actor.userId }),
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    current: s.id === currentSessionId,
    userAgent: s.userAgent,
    ipAddress: s.ipAddress,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
  }));
}

export const RevokeSessionSchema = z.object({
  sessionId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .or(z.literal("all-others")),
});

/**
 * Revokes one of the actor's own sessions, or all others. A session of someone else is NOT_FOUND.
 * Returns the number of sessions revoked.
 */
export async function revokeMySession(
  actor: StaffActor | PortalActor,
  currentSessionId: string,
  input: z.input<typeof RevokeSessionSchema>,
): Promise<number> {
  const { sessionId } = RevokeSessionSchema.parse(input);
  const owner = actor.kind === "staff" ? { staffUserId: actor.userId } : { portalUserId: actor.userId };
  const where =
    sessionId === "all-others" ? { ...owner, id: { not: currentSessionId } } : { ...owner, id: sessionId };
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { ...where, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (sessionId !== "all-others" && count === 0) {
      const exists = await tx.session.findFirst({ where, select: { id: true } });
      if (!exists) throw new DomainError("NOT_FOUND", "Session not found.");
    }
    await appendAudit(tx, actor, {
      action: "session.revoke",
      entityType: actor.kind === "staff" ? "staff_user" : "portal_user",
      entityId: actor.userId,
      after: { sessions: sessionId === "all-others" ? "all-others" : sessionId.slice(0, 12), count },
    });
    return count;
  });
}

/** Sign-out: revoke the current session. Unknown tokens are ignored. */
export async function endSession(token: string): Promise<void> {
  if (!token) return;
  await getDb().session.updateMany({
    where: { id: hashToken(token), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Admins revoke every session of a staff user (e.g. a lost laptop, someone leaving). */
export async function revokeStaffUserSessions(actor: Actor, staffUserId: string): Promise<number> {
  if (actor.kind !== "system" && !(actor.kind === "staff" && actor.roles.includes("ADMIN"))) {
    throw new DomainError("FORBIDDEN", "Only administrators can sign other users out.");
  }
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { staffUserId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await appendAudit(tx, actor, {
      action: "session.revoke_all",
      entityType: "staff_user",
      entityId: staffUserId,
      after: { count },
    });
    return count;
  });
}
