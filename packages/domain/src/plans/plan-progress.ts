import type { Actor } from "../actor.ts";
import { type AuditInput, appendAudits } from "../audit/append-audit.ts";
import { isoDate } from "../base/dates.ts";
import type { Tx } from "../db/client.ts";
import type { PlanInstalmentStatus } from "../db/generated/enums.ts";
import { enqueuePlanCompletedEmails } from "./plan-emails.ts";

/** Plans whose schedule is running: their invoices are "in plan". */
export const RUNNING_PLAN_STATUSES = ["ACCEPTED", "ACTIVE"] as const;

export interface InstalmentState {
  id: string;
  sequence: number;
  amount: bigint;
  paidAmount: bigint;
  status: PlanInstalmentStatus;
  missedOn: Date | null;
}

export interface InstalmentChange {
  id: string;
  sequence: number;
  paidAmount: bigint;
  status: PlanInstalmentStatus;
  /** Newly paid in full (it was not before). */
  paidNow: boolean;
}

/**
 * What the covered items' settled amount pays of the schedule: instalment after instalment in
 * sequence order (down payment first), each in full before the next gets anything. Paid
 * instalments become PAID; one that is no longer paid in full (a refund reopened an invoice) goes
 * back to MISSED if it was missed, else DUE. Returns only the instalments that change. Pure.
 */
export function waterfall(instalments: readonly InstalmentState[], settled: bigint): InstalmentChange[] {
  let left = settled > 0n ? settled : 0n;
  const changes: InstalmentChange[] = [];
  for (const i of [...instalments].sort((a, b) => a.sequence - b.sequence)) {
    if (i.status === "CANCELLED") continue;
    const paid = left >= i.amount ? i.amount : left;
    left -= paid;
    const status: PlanInstalmentStatus = paid === i.amount ? "PAID" : i.missedOn ? "MISSED" : "DUE";
    if (paid !== i.paidAmount || status !== i.status) {
      changes.push({
        id: i.id,
        sequence: i.sequence,
        paidAmount: paid,
        status,
        paidNow: status === "PAID" && i.status !== "PAID",
      });
    }
  }
  return changes;
}

export interface ProgressResult {
  /** Instalments that changed (paid, or no longer paid). */
  instalments: number;
  activated: number;
  completed: string[];
}

/**
 * Brings running plans' instalments up to date with the ledger: what the covered items' open
 * amounts say has been settled since the plan covered them (by any payment, credit or
 * application), laid over the schedule by `waterfall`. An ACCEPTED plan becomes ACTIVE at its
 * first payment or first due date. With the portal's address (the plan job), a plan whose every
 * instalment is paid is COMPLETED, its invoices leave it and the payers get a thank-you e-mail
 * with a link to it; a payment's own transaction only marks the instalments paid. Takes the plans' row locks (never the items'), so it runs inside a payment's
 * transaction (which holds the items) as well as in the plan job. Writes only what changed.
 */
export async function syncPlanProgress(
  t: Tx,
  planIds: readonly string[],
  actor: Actor,
  now: Date,
  options: { portalUrl?: string | URL } = {},
): Promise<ProgressResult> {
  const result: ProgressResult = { instalments: 0, activated: 0, completed: [] };
  if (planIds.length === 0) return result;
  const today = isoDate(now);
  const plans = await t.$queryRaw<
    { id: string; customer_id: string; number: number; status: string; first_date: Date; settled: bigint }[]
  >`
    SELECT p.id, p.customer_id, p.number, p.status::text AS status, p.first_date,
           COALESCE((SELECT SUM(GREATEST(pi.amount - oi.open_amount, 0))
                       FROM payment_plan_invoice pi JOIN open_item oi ON oi.id = pi.item_id
                      WHERE pi.plan_id = p.id), 0)::bigint AS settled
      FROM payment_plan p
     WHERE p.id = ANY(${[...planIds]}::uuid[]) AND p.status IN ('ACCEPTED', 'ACTIVE')
     ORDER BY p.id
       FOR UPDATE OF p`;
  if (plans.length === 0) return result;
  const rows = await t.paymentPlanInstalment.findMany({
    where: { planId: { in: plans.map((p) => p.id) } },
    select: {
      id: true,
      planId: true,
      sequence: true,
      amount: true,
      paidAmount: true,
      status: true,
      missedOn: true,
    },
  });
  const byPlan = new Map<string, InstalmentState[]>();
  for (const r of rows) byPlan.set(r.planId, [...(byPlan.get(r.planId) ?? []), r]);

  const updates: (InstalmentChange & { planId: string })[] = [];
  const activate: string[] = [];
  const complete: string[] = [];
  const audits: AuditInput[] = [];
  for (const plan of plans) {
    const instalments = byPlan.get(plan.id) ?? [];
    const changes = waterfall(instalments, plan.settled);
    for (const c of changes) {
      updates.push({ ...c, planId: plan.id });
      if (c.paidNow) {
        audits.push({
          action: "payment-plan.instalment-paid",
          entityType: "payment_plan",
          entityId: plan.id,
          customerId: plan.customer_id,
          after: { sequence: c.sequence, paidAmount: c.paidAmount },
        });
      }
    }
    const after = new Map(changes.map((c) => [c.id, c.status]));
    const allPaid =
      instalments.length > 0 &&
      instalments.every((i) => i.status === "CANCELLED" || (after.get(i.id) ?? i.status) === "PAID");
    if (allPaid && options.portalUrl) {
      complete.push(plan.id);
      audits.push({
        action: "payment-plan.complete",
        entityType: "payment_plan",
        entityId: plan.id,
        customerId: plan.customer_id,
        before: { status: plan.status },
        after: { status: "COMPLETED" },
      });
    } else if (plan.status === "ACCEPTED" && (plan.settled > 0n || isoDate(plan.first_date) <= today)) {
      activate.push(plan.id);
      audits.push({
        action: "payment-plan.activate",
        entityType: "payment_plan",
        entityId: plan.id,
        customerId: plan.customer_id,
        before: { status: "ACCEPTED" },
        after: { status: "ACTIVE" },
      });
    }
  }
  if (updates.length > 0) {
    await t.$executeRaw`
      UPDATE payment_plan_instalment i
         SET paid_amount = v.paid, status = v.status::plan_instalment_status,
             paid_on = CASE WHEN v.status = 'PAID' THEN COALESCE(i.paid_on, ${today}::date) END
        FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.paidAmount.toString())}::bigint[],
                    ${updates.map((u) => u.status)}::text[]) AS v(id, paid, status)
       WHERE i.id = v.id`;
  }
  if (activate.length > 0) {
    await t.paymentPlan.updateMany({
      where: { id: { in: activate } },
      data: { status: "ACTIVE", activatedAt: now },
    });
  }
  const { portalUrl } = options;
  if (complete.length > 0 && portalUrl) {
    await t.paymentPlan.updateMany({
      where: { id: { in: complete } },
      data: { status: "COMPLETED", endedAt: now },
    });
    await t.paymentPlanInvoice.updateMany({
      where: { planId: { in: complete } },
      data: { openItemKey: null },
    });
    // Broken instalments caught up since: the collector has nothing left to chase.
    await t.collectorTask.updateMany({
      where: { planId: { in: complete }, kind: "PLAN_BROKEN", status: "OPEN" },
      data: { status: "DONE", doneAt: now },
    });
    for (const id of complete) await enqueuePlanCompletedEmails(t, id, { portalUrl });
  }
  await appendAudits(t, actor, audits);
  result.instalments = updates.length;
  result.activated = activate.length;
  result.completed = complete;
  return result;
}

/**
 * After money moved on these items (a payment applied, …): the running plans that cover any of
 * them are brought up to date in the same transaction, so a plan shows a paid instalment as soon
 * as the payment is recorded.
 */
export async function syncPlansOfItems(
  t: Tx,
  itemIds: readonly string[],
  actor: Actor,
  now: Date,
): Promise<ProgressResult> {
  if (itemIds.length === 0) return { instalments: 0, activated: 0, completed: [] };
  const plans = await t.paymentPlanInvoice.findMany({
    where: { openItemKey: { in: [...itemIds] }, plan: { status: { in: [...RUNNING_PLAN_STATUSES] } } },
    select: { planId: true },
  });
  return syncPlanProgress(t, [...new Set(plans.map((p) => p.planId))], actor, now);
}
