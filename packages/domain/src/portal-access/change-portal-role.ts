import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import type { PortalRole } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { isUuid } from "./invitation-policy.ts";
import { countAdmins, lockManagedAccount } from "./lock-managed-account.ts";
import { type ChangePortalRoleInput, ChangePortalRoleSchema } from "./portal-access-forms.ts";

/**
 * Changes a user's role on one customer account. Portal administrators cannot demote the account's
 * last administrator (themselves included); AR staff can. Setting the role a user already has
 * changes nothing and writes no audit event.
 */
export async function changePortalRole(
  rawInput: ChangePortalRoleInput,
  actor: Actor,
  options: { tx?: Tx } = {},
): Promise<{ role: PortalRole; changed: boolean }> {
  const input = ChangePortalRoleSchema.parse(rawInput);
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
    if (membership.role === input.role) return { role: input.role, changed: false };
    if (membership.role === "ADMIN" && actor.kind === "portal" && (await countAdmins(tx, customerId)) <= 1) {
      throw new DomainError(
        "INVALID_STATE",
        `${membership.portalUser.name} is this account's only administrator. Make someone else an administrator first.`,
        { reason: "last-admin" },
      );
    }
    await tx.portalMembership.update({ where: { id: membership.id }, data: { role: input.role } });
    await appendAudit(tx, actor, {
      action: "portal_user.role_changed",
      entityType: "portal_user",
      entityId: portalUserId,
      customerId,
      before: { email: membership.portalUser.email, role: membership.role },
      after: { email: membership.portalUser.email, role: input.role },
    });
    return { role: input.role, changed: true };
  });
}
