import { systemActor } from "../actor.ts";
import { appendAudits } from "../audit/append-audit.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";

/**
 * Offers not accepted by the end of their expiry day become EXPIRED, and their invoices may be
 * offered again. A job: run it as often as you like; an offer expires once (the update takes only
 * PROPOSED rows, under their row locks, and audits the ones it changed).
 */
export async function expirePaymentPlans(options: { now?: Date } = {}): Promise<{ expired: number }> {
  const today = isoDate(options.now ?? new Date());
  return getDb().$transaction(async (t) => {
    const expired = await t.$queryRaw<{ id: string; customer_id: string }[]>`
      UPDATE payment_plan SET status = 'EXPIRED', updated_at = now()
       WHERE status = 'PROPOSED' AND expires_on < ${today}::date
      RETURNING id, customer_id`;
    if (expired.length === 0) return { expired: 0 };
    const ids = expired.map((p) => p.id);
    await t.paymentPlanInvoice.updateMany({ where: { planId: { in: ids } }, data: { openItemKey: null } });
    await appendAudits(
      t,
      systemActor("payment-plans"),
      expired.map((p) => ({
        action: "payment-plan.expire",
        entityType: "payment_plan",
        entityId: p.id,
        customerId: p.customer_id,
        before: { status: "PROPOSED" },
        after: { status: "EXPIRED" },
      })),
    );
    return { expired: expired.length };
  });
}
