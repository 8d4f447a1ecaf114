import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";

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
