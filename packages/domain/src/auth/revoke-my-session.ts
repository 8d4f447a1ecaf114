import { z } from "zod";
import type { PortalActor, StaffActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";

export const RevokeSessionSchema = z.object({
  sessionId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .or(z.literal("all-others")),
});

/**
 * Revokes one of the actor's own sessions, or all others. A session of someone else, or an id
 * that is no session id at all, is NOT_FOUND.
 * Returns the number of sessions revoked.
 */
export async function revokeMySession(
  actor: StaffActor | PortalActor,
  currentSessionId: string,
  input: z.input<typeof RevokeSessionSchema>,
): Promise<number> {
  const parsed = RevokeSessionSchema.safeParse(input);
  // A malformed id is answered like someone else's session.
  if (!parsed.success) throw new DomainError("NOT_FOUND", "Session not found.");
  const { sessionId } = parsed.data;
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
