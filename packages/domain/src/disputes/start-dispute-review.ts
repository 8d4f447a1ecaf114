import { type Actor, requireStaffRole } from "../actor.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { startReviewIfOpen } from "./add-dispute-message.ts";
import { lockDispute } from "./dispute-access.ts";
import {
  DISPUTE_WORK_ROLES,
  type DisputeRefInput,
  DisputeRefSchema,
  type DisputeStatus,
  parseInput,
} from "./dispute-forms.ts";

/** An analyst takes up an OPEN dispute: UNDER_REVIEW, and the customer is told. Idempotent. */
export async function startDisputeReview(
  rawInput: DisputeRefInput,
  actor: Actor,
  tx?: Tx,
): Promise<{ id: string; status: DisputeStatus; changed: boolean }> {
  requireStaffRole(actor, DISPUTE_WORK_ROLES);
  const input = parseInput(DisputeRefSchema, rawInput);
  return inTransaction(tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    if (dispute.status !== "OPEN" && dispute.status !== "UNDER_REVIEW") {
      throw new DomainError("INVALID_STATE", "Only an open dispute can be taken up for review.", {
        reason: "review-not-open",
        status: dispute.status,
      });
    }
    const changed = await startReviewIfOpen(t, dispute, actor);
    return { id: dispute.id, status: dispute.status, changed };
  });
}
