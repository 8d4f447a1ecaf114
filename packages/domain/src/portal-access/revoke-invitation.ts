import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { isUuid } from "./invitation-policy.ts";
import { lockManagedAccount } from "./lock-managed-account.ts";
import { type RevokeInvitationInput, RevokeInvitationSchema } from "./portal-access-forms.ts";

/**
 * Withdraws an invitation that was not accepted yet: its link stops working at once (and an
 * expired one leaves the list). Withdrawing one twice is a no-op; an accepted one is INVALID_STATE
 * (remove the user instead). Another account's invitation is NOT_FOUND.
 */
export async function revokeInvitation(
  rawInput: RevokeInvitationInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx } = {},
): Promise<{ email: string; revoked: boolean }> {
  const input = RevokeInvitationSchema.parse(rawInput);
  const now = options.now ?? new Date();
  return inTransaction(options.tx, async (tx) => {
    const { customerId } = await lockManagedAccount(tx, actor, input.customerId);
    const id = input.invitationId.toLowerCase();
    const invitation = isUuid(id)
      ? await tx.portalInvitation.findFirst({
          where: { id, customerId },
          select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
        })
      : null;
    if (!invitation) throw new DomainError("NOT_FOUND", "Invitation not found.");
    if (invitation.acceptedAt) {
      throw new DomainError(
        "INVALID_STATE",
        `${invitation.email} has already accepted this invitation. Remove their access instead.`,
        { reason: "already-accepted", email: invitation.email },
      );
    }
    if (invitation.revokedAt) return { email: invitation.email, revoked: false };
    await tx.portalInvitation.update({ where: { id }, data: { revokedAt: now } });
    await appendAudit(tx, actor, {
      action: "portal_user.invitation_revoked",
      entityType: "portal_invitation",
      entityId: id,
      customerId,
      before: { email: invitation.email, role: invitation.role },
    });
    return { email: invitation.email, revoked: true };
  });
}
