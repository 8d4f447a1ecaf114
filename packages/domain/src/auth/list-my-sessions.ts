import type { PortalActor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";

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
