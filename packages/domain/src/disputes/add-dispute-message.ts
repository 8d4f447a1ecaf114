import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  authorName,
  type LockedDispute,
  lockDispute,
  notifyCustomer,
  notifyStaff,
  ownerContacts,
} from "./dispute-access.ts";
import {
  type AddDisputeMessageInput,
  AddDisputeMessageSchema,
  DISPUTE_RAISE_ROLES,
  isOpenDisputeStatus,
  parseInput,
} from "./dispute-forms.ts";

/**
 * A message in the dispute's thread with the customer, or (staff only) an internal note the
 * customer never sees. Plain text, stored as typed. A customer's message is e-mailed to the owner;
 * a staff reply to the customer in their language, and it starts the review of an OPEN dispute.
 * Closed disputes take no more messages.
 */
export async function addDisputeMessage(
  rawInput: AddDisputeMessageInput,
  actor: Actor,
  tx?: Tx,
): Promise<{ id: string; createdAt: Date }> {
  const input = parseInput(AddDisputeMessageSchema, rawInput);
  if (actor.kind === "staff") requireStaffRole(actor, DISPUTE_RAISE_ROLES);
  const visibility = actor.kind === "portal" ? "CUSTOMER" : input.visibility;
  return inTransaction(tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    if (!isOpenDisputeStatus(dispute.status)) {
      throw new DomainError("INVALID_STATE", "This dispute is closed; it takes no more messages.", {
        reason: "closed-no-messages",
        status: dispute.status,
      });
    }
    const message = await t.disputeMessage.create({
      data: {
        disputeId: dispute.id,
        visibility,
        authorKind: actor.kind,
        authorId: actor.kind === "system" ? null : actor.userId,
        authorName: await authorName(t, actor),
        body: input.body,
      },
      select: { id: true, createdAt: true },
    });
    await appendAudit(t, actor, {
      action: visibility === "INTERNAL" ? "dispute.note" : "dispute.message",
      entityType: "dispute",
      entityId: dispute.id,
      customerId: dispute.customerId,
      after: { messageId: message.id, visibility },
    });
    if (actor.kind === "portal") {
      const owner = await ownerContacts(t, dispute.ownerId, dispute.departmentId);
      await notifyStaff(t, dispute, "CUSTOMER_REPLY", [owner.owner, owner.mailbox], {
        ...owner,
        text: input.body,
      });
    } else if (visibility === "CUSTOMER") {
      await startReviewIfOpen(t, dispute, actor);
      await notifyCustomer(t, dispute, "REPLY", { text: input.body });
    }
    return message;
  });
}

/** OPEN → UNDER_REVIEW the first time staff work on it (audited; the customer is told). */
export async function startReviewIfOpen(t: Tx, dispute: LockedDispute, actor: Actor): Promise<boolean> {
  if (dispute.status !== "OPEN") return false;
  await t.dispute.update({ where: { id: dispute.id }, data: { status: "UNDER_REVIEW" } });
  await appendAudit(t, actor, {
    action: "dispute.review",
    entityType: "dispute",
    entityId: dispute.id,
    customerId: dispute.customerId,
    before: { status: "OPEN" },
    after: { status: "UNDER_REVIEW" },
  });
  await notifyCustomer(t, dispute, "UNDER_REVIEW");
  dispute.status = "UNDER_REVIEW";
  return true;
}
