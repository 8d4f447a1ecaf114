import { systemActor } from "../actor.ts";
import { appendAudits } from "../audit/append-audit.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";

/**
 * Offers not accepted by the end of their expiry day become EXPIRED, and their invoices may be
 * offered again; so do customers' requests nobody answered by the first payment date they asked
 * for (their collector task is closed). A job: run it as often as you like; each expires once
 * (the update takes only PROPOSED and REQUESTED rows, under their row locks, and audits the ones
 * it changed).
 */
export async function expirePaymentPlans(options: { now?: Date } = {}): Promise<{ expired: number }> {
  const today = isoDate(options.now ?? new Date());
  return getDb().$transaction(async (t) => {
    // A customer's request nobody answered lapses too (its date is the first payment it asked for).
    const expired = await t.$queryRaw<{ id: string; customer_id: string; was: string }[]>`
      UPDATE payment_plan p SET status = 'EXPIRED', updated_at = now()
        FROM payment_plan old
       WHERE old.id = p.id AND p.status IN ('PROPOSED', 'REQUESTED') AND p.expires_on < ${today}::date
      RETURNING p.id, p.customer_id, old.status::text AS was`;
    if (expired.length === 0) return { expired: 0 };
    const ids = expired.map((p) => p.id);
    await t.paymentPlanInvoice.updateMany({ where: { planId: { in: ids } }, data: { openItemKey: null } });
    await t.collectorTask.updateMany({
      where: { planId: { in: ids }, kind: "PLAN_REQUEST", status: "OPEN" },
      data: { status: "DONE", doneAt: new Date() },
    });
    await appendAudits(
      t,
      systemActor("payment-plans"),
      expired.map((p) => ({
        action: "payment-plan.expire",
        entityType: "payment_plan",
        entityId: p.id,
        customerId: p.customer_id,
        before: { status: p.was },
        after: { status: "EXPIRED" },
      })),
    );
    return { expired: expired.length };
  });
}
