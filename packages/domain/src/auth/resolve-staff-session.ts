import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { StaffRole } from "../db/generated/enums.ts";
import { hashToken, type SessionRow, touchSession, usableToken } from "./session-tokens.ts";

export interface StaffSession {
  sessionId: string;
  csrfSecret: string;
  /** `locale`: the back office language the user chose, null to follow the browser's. */
  user: { id: string; email: string; name: string; roles: StaffRole[]; locale: string | null };
  actor: StaffActor;
}

/** The signed-in staff user for a cookie token, or null (unknown, expired, revoked, deactivated). */
export async function resolveStaffSession(token: string, requestId?: string): Promise<StaffSession | null> {
  if (!usableToken(token)) return null;
  const rows = await getDb().$queryRaw<
    (SessionRow & {
      user_id: string;
      email: string;
      name: string;
      roles: StaffRole[];
      locale: string | null;
    })[]
  >`
    SELECT s.id, s.csrf_secret, s.active_customer_id::text AS active_customer_id, s.last_seen_at,
           u.id::text AS user_id, u.email, u.name, u.roles::text[] AS roles, u.locale
      FROM session s JOIN staff_user u ON u.id = s.staff_user_id
     WHERE s.id = ${hashToken(token)} AND s.app = 'BACKOFFICE'::session_app AND s.revoked_at IS NULL
       AND s.expires_at > now() AND u.active`;
  const row = rows[0];
  if (!row) return null;
  await touchSession("BACKOFFICE", row);
  return {
    sessionId: row.id,
    csrfSecret: row.csrf_secret,
    user: { id: row.user_id, email: row.email, name: row.name, roles: row.roles, locale: row.locale },
    actor: { kind: "staff", userId: row.user_id, roles: row.roles, requestId },
  };
}
