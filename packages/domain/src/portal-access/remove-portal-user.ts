import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { isUuid } from "./invitation-policy.ts";
import { countAdmins, lockManagedAccount } from "./lock-managed-account.ts";
import { type RemovePortalUserInput, RemovePortalUserSchema } from "./portal-access-forms.ts";

/**
 * Takes a user's access to one customer account away (their access to other accounts, and the
 * user, stay). Portal administrators cannot remove the account's last administrator, themselves
 * included, so a customer cannot lock itself out; AR staff can, since they can invite a new one.
 * The user's open sessions lose the account on their next request.
 */
export async function removePortalUser(
  rawInput: RemovePortalUserInput,
  actor: Actor,
  options: { tx?: Tx } = {},
): Promise<{ name: string; email: string; removedSelf: boolean }> {
  const input = RemovePortalUserSchema.parse(rawInput);
  return inTransaction(options.tx, async (tx) => {
    const { customerId } = await lockManagedAccount(tx, actor, input.customerId);
    const portalUserId = input.portalUserId.toLowerCase();
    const membership = isUuid(portalUserId)
      ? await tx.portalMembership.findUnique({
          where: { portalUserId_customerId: { portalUserId, customerId } },
          select: { id: true, role: true, portalUser: { select: { name: true, email: true } } },
        })
      : null;
    if (!membership) throw new DomainError("NOT_FOUND", "This person has no access to this account.");
    if (membership.role === "ADMIN" && actor.kind === "portal" && (await countAdmins(tx, customerId)) <= 1) {
      throw new DomainError(
        "INVALID_STATE",
        `${membership.portalUser.name} is this account's only administrator. Make someone else an administrator first.`,
        { reason: "last-admin" },
      );
    }
    await tx.portalMembership.delete({ where: { id: membership.id } });
    await appendAudit(tx, actor, {
      action: "portal_user.removed",
      entityType: "portal_user",
      entityId: portalUserId,
      customerId,
      before: { email: membership.portalUser.email, role: membership.role },
    });
    return {
      name: membership.portalUser.name,
      email: membership.portalUser.email,
      removedSelf: actor.kind === "portal" && actor.userId === portalUserId,
    };
  });
}
