import { type Actor, hasStaffRole } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DISPUTE_MANAGER_ROLES } from "../disputes/dispute-forms.ts";
import { REFUND_APPROVE_ROLES } from "../payments/refund-forms.ts";

/**
 * How many approvals wait for the reader (the navigation's badge): refunds and dispute credits
 * they may approve and did not ask for themselves; null for a role that approves none (nothing is
 * read, and the navigation leaves the queue out).
 */
export async function countApprovals(actor: Actor): Promise<number | null> {
  const refunds = hasStaffRole(actor, REFUND_APPROVE_ROLES);
  const disputes = hasStaffRole(actor, DISPUTE_MANAGER_ROLES);
  if (actor.kind !== "staff" || (!refunds && !disputes)) return null;
  const [row] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT (CASE WHEN ${refunds} THEN (SELECT count(*) FROM refund
                  WHERE status = 'PENDING_APPROVAL' AND requested_by_id IS DISTINCT FROM ${actor.userId}::uuid) ELSE 0 END
          + CASE WHEN ${disputes} THEN (SELECT count(*) FROM dispute
                  WHERE status = 'PENDING_APPROVAL' AND decided_by_id IS DISTINCT FROM ${actor.userId}::uuid) ELSE 0 END)::int AS n`;
  return row?.n ?? 0;
}
