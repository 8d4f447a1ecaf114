import { systemActor } from "../actor.ts";
import { type AuditInput, appendAudits } from "../audit/append-audit.ts";
import { cardPaymentsOff } from "../base/card-payments-switch.ts";
import { addDays, isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import { raiseCollectorTask } from "../tasks/raise-collector-task.ts";
import { chargePlanInstalments, plansToCharge } from "./charge-plan-instalments.ts";
import { expirePaymentPlans } from "./expire-payment-plans.ts";
import { enqueuePlanDefaultedEmails, enqueuePlanReminderEmails } from "./plan-emails.ts";
import { planLabel } from "./plan-forms.ts";
import { getPlanPolicy, type PlanPolicy } from "./plan-policy.ts";
import { syncPlanProgress } from "./plan-progress.ts";

/** Plans brought up to date per transaction. */
const BATCH = 500;
const actor = systemActor("payment-plans");

export interface PlanRunResult {
  expired: number;
  /** Instalments whose paid amount or status changed. */
  instalments: number;
  activated: number;
  completed: number;
  /** Instalments whose grace ended unpaid: missed, and the reminder sent. */
  reminded: number;
  /** Missed instalments still unpaid after the reminder: a broken-plan task for the collector. */
  broken: number;
  defaulted: number;
  charged: number;
  succeeded: number;
  failed: number;
  deferred: number;
}

/**
 * The daily plan job (the worker runs it hourly; each step happens once, whenever it runs):
 * offers past their expiry expire; running plans are brought up to date with the ledger
 * (syncPlanProgress: paid instalments, ACTIVE, COMPLETED); missed instalments move on one step
 * (missedInstalmentSteps); then autopay plans' due instalments are charged
 * (chargePlanInstalments). A second run on the same day finds nothing to do.
 */
export async function runPaymentPlans(options: {
  now?: Date;
  customerIds?: readonly string[];
  portalUrl: string | URL;
}): Promise<PlanRunResult> {
  const { portalUrl } = options;
  const now = options.now ?? new Date();
  const { expired } = await expirePaymentPlans({ now });
  const result: PlanRunResult = {
    expired,
    instalments: 0,
    activated: 0,
    completed: 0,
    reminded: 0,
    broken: 0,
    defaulted: 0,
    charged: 0,
    succeeded: 0,
    failed: 0,
    deferred: 0,
  };
  const scope = options.customerIds ? [...options.customerIds] : null;
  const policies = new Map<string, PlanPolicy>();
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await getDb().$queryRaw<{ id: string; legal_entity_id: string }[]>`
      SELECT id, legal_entity_id FROM payment_plan
       WHERE status IN ('ACCEPTED', 'ACTIVE') AND id > ${after}::uuid
         AND (${scope}::uuid[] IS NULL OR customer_id = ANY(${scope ?? []}::uuid[]))
       ORDER BY id LIMIT ${BATCH}`;
    if (batch.length === 0) break;
    after = batch.at(-1)!.id;
    for (const p of batch) {
      if (!policies.has(p.legal_entity_id))
        policies.set(p.legal_entity_id, await getPlanPolicy(p.legal_entity_id));
    }
    await getDb().$transaction(
      async (t) => {
        const ids = batch.map((p) => p.id);
        const progress = await syncPlanProgress(t, ids, actor, now, { portalUrl });
        result.instalments += progress.instalments;
        result.activated += progress.activated;
        result.completed += progress.completed.length;
        const steps = await missedInstalmentSteps(t, ids, policies, now, portalUrl);
        result.reminded += steps.reminded;
        result.broken += steps.broken;
        result.defaulted += steps.defaulted;
      },
      { timeout: 60_000 },
    );
  }
  // Card payments off: nothing is charged (missed instalments still follow their course).
  const charges = cardPaymentsOff()
    ? { charged: 0, succeeded: 0, failed: 0, deferred: 0 }
    : await chargePlanInstalments(await plansToCharge(now, options.customerIds), now);
  Object.assign(result, {
    charged: charges.charged,
    succeeded: charges.succeeded,
    failed: charges.failed,
    deferred: charges.deferred,
  });
  return result;
}

interface Unpaid {
  id: string;
  plan_id: string;
  customer_id: string;
  legal_entity_id: string;
  number: number;
  sequence: number;
  due_date: Date;
  amount: bigint;
  paid_amount: bigint;
  missed_on: Date | null;
  reminded_on: Date | null;
  misses: number;
  plan_status: string;
  /** Instalments of the plan still DUE (not paid, missed or cancelled). */
  due_left: number;
}

/**
 * One step for each unpaid instalment of these (locked, up-to-date) plans that is due for one:
 * - grace over (due date + the entity's grace days passed): MISSED, and the reminder goes out;
 * - the reminder's days passed since it went out: broken, the collector gets a PLAN_BROKEN task
 *   and the plan counts a miss; at the policy's number of misses, or when nothing of the schedule
 *   is left to come, the plan DEFAULTS (its invoices leave it and normal dunning resumes; a
 *   PLAN_DEFAULTED task).
 * The reminder and the default e-mail the account's payers. Each step is taken once (its date column is set once) and at most one step per instalment per
 * run, so a job that did not run for weeks still reminds before it breaks, and breaks the
 * reminder's days later.
 */
export async function missedInstalmentSteps(
  t: Tx,
  planIds: readonly string[],
  policies: ReadonlyMap<string, PlanPolicy>,
  now: Date,
  portalUrl: string | URL,
): Promise<{ reminded: number; broken: number; defaulted: number }> {
  const out = { reminded: 0, broken: 0, defaulted: 0 };
  const today = new Date(`${isoDate(now)}T00:00:00Z`);
  const unpaid = await t.$queryRaw<Unpaid[]>`
    SELECT i.id, i.plan_id, p.customer_id, p.legal_entity_id, p.number, i.sequence, i.due_date,
           i.amount, i.paid_amount, i.missed_on, i.reminded_on, p.misses, p.status::text AS plan_status,
           (SELECT count(*)::int FROM payment_plan_instalment d WHERE d.plan_id = p.id AND d.status = 'DUE') AS due_left
      FROM payment_plan_instalment i
      JOIN payment_plan p ON p.id = i.plan_id
     WHERE i.plan_id = ANY(${[...planIds]}::uuid[]) AND p.status IN ('ACCEPTED', 'ACTIVE')
       AND i.status IN ('DUE', 'MISSED') AND i.paid_amount < i.amount AND i.broken_on IS NULL
       AND i.due_date < ${isoDate(today)}::date
     ORDER BY i.plan_id, i.sequence`;
  const audits: AuditInput[] = [];
  const misses = new Map<string, number>();
  const defaulted = new Set<string>();
  for (const i of unpaid) {
    if (defaulted.has(i.plan_id)) continue;
    const policy = policies.get(i.legal_entity_id)!;
    const label = planLabel(i.number);
    if (!i.missed_on) {
      if (addDays(i.due_date, policy.graceDays) >= today) continue;
      await t.paymentPlanInstalment.update({
        where: { id: i.id },
        data: { status: "MISSED", missedOn: today, remindedOn: today },
      });
      await enqueuePlanReminderEmails(t, i.plan_id, i.id, { portalUrl });
      audits.push({
        action: "payment-plan.instalment-missed",
        entityType: "payment_plan",
        entityId: i.plan_id,
        customerId: i.customer_id,
        after: {
          plan: label,
          sequence: i.sequence,
          dueDate: isoDate(i.due_date),
          owed: i.amount - i.paid_amount,
        },
      });
      out.reminded++;
      continue;
    }
    if (!i.reminded_on || addDays(i.reminded_on, policy.reminderDays) > today) continue;
    const count = (misses.get(i.plan_id) ?? i.misses) + 1;
    misses.set(i.plan_id, count);
    await t.paymentPlanInstalment.update({ where: { id: i.id }, data: { brokenOn: today } });
    await t.paymentPlan.update({ where: { id: i.plan_id }, data: { misses: count } });
    await raiseCollectorTask(t, {
      kind: "PLAN_BROKEN",
      customerId: i.customer_id,
      planId: i.plan_id,
      instalmentId: i.id,
      dueOn: today,
    });
    audits.push({
      action: "payment-plan.instalment-broken",
      entityType: "payment_plan",
      entityId: i.plan_id,
      customerId: i.customer_id,
      after: { plan: label, sequence: i.sequence, misses: count, missesToDefault: policy.missesToDefault },
    });
    out.broken++;
    // Defaults at the policy's misses, or when this break leaves nothing of the schedule to come
    // (the last instalment broken): a plan that can no longer complete must not hold its invoices.
    if (count >= policy.missesToDefault || i.due_left === 0) {
      defaulted.add(i.plan_id);
      await defaultPlan(t, i, count, today, audits);
      await enqueuePlanDefaultedEmails(t, i.plan_id, { portalUrl });
      out.defaulted++;
    }
  }
  await appendAudits(t, actor, audits);
  return out;
}

/** The plan ends DEFAULTED: its invoices leave it (normal dunning resumes), the rest is cancelled. */
async function defaultPlan(t: Tx, i: Unpaid, misses: number, today: Date, audits: AuditInput[]) {
  // The reason is in the plan's own figures (its misses), which each page words in its language.
  await t.paymentPlan.update({
    where: { id: i.plan_id },
    data: { status: "DEFAULTED", endedAt: new Date() },
  });
  await t.paymentPlanInvoice.updateMany({ where: { planId: i.plan_id }, data: { openItemKey: null } });
  await t.paymentPlanInstalment.updateMany({
    where: { planId: i.plan_id, status: "DUE" },
    data: { status: "CANCELLED" },
  });
  await raiseCollectorTask(t, {
    kind: "PLAN_DEFAULTED",
    customerId: i.customer_id,
    planId: i.plan_id,
    dueOn: today,
  });
  audits.push({
    action: "payment-plan.default",
    entityType: "payment_plan",
    entityId: i.plan_id,
    customerId: i.customer_id,
    before: { status: i.plan_status },
    after: { status: "DEFAULTED", plan: planLabel(i.number), misses },
  });
}
