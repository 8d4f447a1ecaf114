import { createHash } from "node:crypto";
import { getDb } from "../db/client.ts";
import type { SessionApp } from "../db/generated/enums.ts";

// What the session use cases share: token hashing, lifetimes and the sliding expiry.

export const SESSION_TTL_DAYS = { BACKOFFICE: 1, PORTAL: 30 } as const;
// Sliding expiry is refreshed at most this often, so a busy page does not write on every request.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** The cookie holds the token; the database only its sha256, so a leaked table grants nothing. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The session columns both apps' lookups read. */
export interface SessionRow {
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
export async function touchSession(app: SessionApp, row: SessionRow): Promise<void> {
  if (Date.now() - row.last_seen_at.getTime() <= TOUCH_AFTER_MS) return;
  const now = new Date();
  await getDb().session.update({
    where: { id: row.id },
    data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_DAYS[app] * 86_400_000) },
  });
}

export const usableToken = (token: string) => token.length > 0 && token.length <= 100;
