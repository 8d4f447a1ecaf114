import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { authorName, closeDispute, lockDispute, notifyCustomer } from "./dispute-access.ts";
import {
  DISPUTE_RAISE_ROLES,
  type DisputeStatus,
  isOpenDisputeStatus,
  parseInput,
  type WithdrawDisputeInput,
  WithdrawDisputeSchema,
} from "./dispute-forms.ts";

/**
 * The customer (any portal user of the account) or staff on their behalf withdraws an open
 * dispute: the amount is no longer held and the invoice is collected as usual. Withdrawing a
 * withdrawn dispute again returns it unchanged; a resolved one cannot be withdrawn.
 */
export async function withdrawDispute(
  rawInput: WithdrawDisputeInput,
  actor: Actor,
  tx?: Tx,
): Promise<{ id: string; status: DisputeStatus; replayed: boolean }> {
  const input = parseInput(WithdrawDisputeSchema, rawInput);
  if (actor.kind === "staff") requireStaffRole(actor, DISPUTE_RAISE_ROLES);
  return inTransaction(tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    if (dispute.status === "WITHDRAWN") return { id: dispute.id, status: dispute.status, replayed: true };
    if (!isOpenDisputeStatus(dispute.status)) {
      throw new DomainError("INVALID_STATE", "This dispute is already resolved.", {
        reason: "already-resolved",
        status: dispute.status,
      });
    }
    await closeDispute(t, dispute.id, { status: "WITHDRAWN", outcome: null, creditAmount: null });
    if (input.note) {
      await t.disputeMessage.create({
        data: {
          disputeId: dispute.id,
          visibility: "CUSTOMER",
          authorKind: actor.kind,
          authorId: actor.kind === "system" ? null : actor.userId,
          authorName: await authorName(t, actor),
          body: input.note,
        },
      });
    }
    await appendAudit(t, actor, {
      action: "dispute.withdraw",
      entityType: "dispute",
      entityId: dispute.id,
      customerId: dispute.customerId,
      before: { status: dispute.status },
      after: { status: "WITHDRAWN", note: input.note },
    });
    await notifyCustomer(t, dispute, "WITHDRAWN");
    return { id: dispute.id, status: "WITHDRAWN" as const, replayed: false };
  });
}
