import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { authorName, lockDispute, notifyStaff, ownerContacts } from "./dispute-access.ts";
import {
  DISPUTE_WORK_ROLES,
  isOpenDisputeStatus,
  parseInput,
  type ReassignDisputeInput,
  ReassignDisputeSchema,
  UUID_RE,
} from "./dispute-forms.ts";

/**
 * Gives an open dispute another owner and/or department (the deadline stays). The new owner must
 * be an active staff member; they are e-mailed. An optional note is kept as an internal note.
 */
export async function reassignDispute(
  rawInput: ReassignDisputeInput,
  actor: Actor,
  tx?: Tx,
): Promise<{ id: string; ownerId: string | null; departmentId: string | null; changed: boolean }> {
  requireStaffRole(actor, DISPUTE_WORK_ROLES);
  const input = parseInput(ReassignDisputeSchema, rawInput);
  const ownerId = input.ownerId ? input.ownerId.toLowerCase() : null;
  const departmentId = input.departmentId ? input.departmentId.toLowerCase() : null;
  if (!ownerId && !departmentId) {
    throw new DomainError("VALIDATION", "Choose an owner or a department.", {
      field: "ownerId",
      reason: "owner-or-department",
    });
  }
  return inTransaction(tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    if (!isOpenDisputeStatus(dispute.status)) {
      throw new DomainError("INVALID_STATE", "This dispute is closed.", {
        reason: "dispute-closed",
        status: dispute.status,
      });
    }
    if (ownerId) {
      const owner = UUID_RE.test(ownerId)
        ? await t.staffUser.findUnique({ where: { id: ownerId }, select: { active: true } })
        : null;
      if (!owner?.active)
        throw new DomainError("VALIDATION", "Choose an active staff member.", {
          field: "ownerId",
          reason: "inactive-staff",
        });
    }
    if (departmentId) {
      const department = UUID_RE.test(departmentId)
        ? await t.department.findUnique({ where: { id: departmentId }, select: { active: true } })
        : null;
      if (!department?.active)
        throw new DomainError("VALIDATION", "Choose an active department.", {
          field: "departmentId",
          reason: "inactive-department",
        });
    }
    if (dispute.ownerId === ownerId && dispute.departmentId === departmentId) {
      return { id: dispute.id, ownerId, departmentId, changed: false };
    }
    await t.dispute.update({ where: { id: dispute.id }, data: { ownerId, departmentId } });
    if (input.note) {
      await t.disputeMessage.create({
        data: {
          disputeId: dispute.id,
          visibility: "INTERNAL",
          authorKind: actor.kind,
          authorId: actor.kind === "staff" ? actor.userId : null,
          authorName: await authorName(t, actor),
          body: input.note,
        },
      });
    }
    await appendAudit(t, actor, {
      action: "dispute.reassign",
      entityType: "dispute",
      entityId: dispute.id,
      customerId: dispute.customerId,
      before: { ownerId: dispute.ownerId, departmentId: dispute.departmentId },
      after: { ownerId, departmentId, note: input.note },
    });
    if (ownerId && ownerId !== dispute.ownerId) {
      const contacts = await ownerContacts(t, ownerId, departmentId);
      await notifyStaff(t, dispute, "ASSIGNED", [contacts.owner], contacts);
    }
    return { id: dispute.id, ownerId, departmentId, changed: true };
  });
}
