import type { PortalActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { PortalRole } from "../db/generated/enums.ts";
import { hashToken, type SessionRow, touchSession, usableToken } from "./session-tokens.ts";

export interface PortalSession {
  sessionId: string;
  csrfSecret: string;
  activeCustomerId: string | null;
  user: { id: string; email: string; name: string; locale: string };
  memberships: { customerId: string; role: PortalRole; accountNumber: string; name: string }[];
  actor: PortalActor;
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
  await touchSession("PORTAL", row);
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
