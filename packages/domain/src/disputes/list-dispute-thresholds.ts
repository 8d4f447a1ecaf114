import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";

/** The per-currency approval amounts for dispute credits. */
export async function listDisputeThresholds(actor: Actor) {
  requireStaff(actor);
  const rows = await getDb().disputeApprovalThreshold.findMany({ orderBy: { currency: "asc" } });
  return rows.map((r) => ({ currency: r.currency.trim(), amount: r.amount, updatedAt: r.updatedAt }));
}
