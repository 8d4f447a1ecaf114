import { systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { addDays, isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import { sumAmounts } from "../money/money.ts";
import { enqueueAutopayFailureEmails } from "../payments/autopay-emails.ts";
import { isCardExpired } from "../payments/get-payment-methods.ts";
import { chargeOffSession, recordOffSessionPayment } from "../payments/off-session-charge.ts";
import {
  AUTOPAY_RETRY_DAYS,
  AUTOPAY_STALE_PENDING_MS,
  MAX_AUTOPAY_ATTEMPTS,
  paymentInFlight,
} from "../payments/run-autopay.ts";
import { ATTEMPT_METADATA_KEY, CUSTOMER_METADATA_KEY } from "../payments/start-card-payment.ts";
import { allocateOldestFirst } from "./instalment-due.ts";
import { planLabel } from "./plan-forms.ts";

const PROCESSING_STALE_MS = 5 * 60_000;
/** Plans charged at the same time (Stripe answers an off-session charge in about a second). */
const CHARGE_LANES = 4;
const actor = systemActor("payment-plans");

export interface PlanChargeResult {
  charged: number;
  succeeded: number;
  failed: number;
  deferred: number;
}

/**
 * Charges the instalments of autopay plans that are due (on their due date, and what is still
 * owed of earlier ones) to the card chosen on acceptance, off-session, as autopay does (the same
 * retry days after a decline: AUTOPAY_RETRY_DAYS). The money goes through a payment attempt whose
 * allocations are the plan's invoices oldest first, recorded by recordCardPayment, which brings
 * the plan's instalments up to date.
 *
 * Exactly once per instalment and day: the plan's row is locked while the charge row is decided
 * and written; its key (instalment, day) is unique and is Stripe's Idempotency-Key; the call to
 * Stripe happens after that commit, so a crash leaves a PENDING row that a later run sends again
 * with the same key (Stripe answers with the same PaymentIntent).
 */
export async function chargePlanInstalments(
  planIds: readonly string[],
  now: Date,
): Promise<PlanChargeResult> {
  const result: PlanChargeResult = { charged: 0, succeeded: 0, failed: 0, deferred: 0 };
  // A few plans at a time: each waits mostly on Stripe, and each locks only its own plan.
  let next = 0;
  const lane = async () => {
    while (next < planIds.length) {
      const planId = planIds[next++]!;
      const prepared = await prepareCharge(planId, now);
      if (!prepared) continue;
      result.charged++;
      result[await sendCharge(prepared, now)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHARGE_LANES, planIds.length) }, lane));
  return result;
}

/** Autopay plans with something due today or earlier and not paid (the job's candidates). */
export async function plansToCharge(now: Date, customerIds?: readonly string[]): Promise<string[]> {
  const today = isoDate(now);
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT DISTINCT p.id
      FROM payment_plan p JOIN payment_plan_instalment i ON i.plan_id = p.id
     WHERE p.status IN ('ACCEPTED', 'ACTIVE') AND p.pay_by = 'AUTOPAY'
       AND i.status IN ('DUE', 'MISSED') AND i.paid_amount < i.amount AND i.due_date <= ${today}::date
       AND (${customerIds ? [...customerIds] : null}::uuid[] IS NULL OR p.customer_id = ANY(${customerIds ? [...customerIds] : []}::uuid[]))
     ORDER BY p.id`;
  return rows.map((r) => r.id);
}

async function prepareCharge(planId: string, now: Date): Promise<string | null> {
  const today = new Date(`${isoDate(now)}T00:00:00Z`);
  return getDb().$transaction(async (t) => {
    await t.$queryRaw`SELECT id FROM payment_plan WHERE id = ${planId}::uuid FOR UPDATE`;
    const plan = await t.paymentPlan.findUniqueOrThrow({
      where: { id: planId },
      include: { savedCard: true, customer: { select: { name: true, accountNumber: true } } },
    });
    const latest = await t.planCharge.findFirst({ where: { planId }, orderBy: { createdAt: "desc" } });
    if (latest && (latest.status === "PENDING" || latest.status === "PROCESSING")) {
      const staleMs = latest.status === "PENDING" ? AUTOPAY_STALE_PENDING_MS : PROCESSING_STALE_MS;
      if (latest.updatedAt.getTime() > now.getTime() - staleMs) return null;
      if (
        latest.status === "PENDING" &&
        !latest.paymentIntentId &&
        !(await stillOwed(t, latest.instalmentId))
      ) {
        // Never answered, and paid some other way since: not sent again. (Had it reached Stripe,
        // its webhook records the money against the attempt like any card payment.)
        await abandon(t, latest.id, latest.paymentAttemptId, now);
        return null;
      }
      await t.planCharge.update({ where: { id: latest.id }, data: { updatedAt: now } });
      return latest.id;
    }
    if (plan.status !== "ACCEPTED" && plan.status !== "ACTIVE") return null;
    if (plan.payBy !== "AUTOPAY" || !plan.savedCard || !plan.acceptedByPortalUserId) return null;
    if (plan.savedCard.removedAt || isCardExpired(plan.savedCard.expMonth, plan.savedCard.expYear, now)) {
      return null; // Missed instalments follow their course; the payer pays from the portal.
    }
    const due = await t.paymentPlanInstalment.findMany({
      where: { planId, status: { in: ["DUE", "MISSED"] }, dueDate: { lte: today } },
      orderBy: { sequence: "asc" },
    });
    const owed = due.filter((i) => i.paidAmount < i.amount);
    // The charge is the latest instalment that fell due (with whatever is still owed of earlier
    // ones): a card that failed for good on one instalment is tried afresh when the next falls due.
    const first = owed.at(-1);
    if (!first) return null;
    if (await portalPaymentInFlight(t, planId, now)) return null;
    const tries = await t.planCharge.findMany({
      where: { instalmentId: first.id },
      orderBy: { attempt: "asc" },
    });
    const last = tries.at(-1);
    if (last) {
      if (last.status === "SUCCEEDED") return null; // Paid; the ledger has not caught up yet.
      if (isoDate(last.runDate) === isoDate(today) || tries.length >= MAX_AUTOPAY_ATTEMPTS) return null;
      const retryOn = addDays(tries[0]!.runDate, AUTOPAY_RETRY_DAYS[tries.length - 1]!);
      if (retryOn > today) return null;
    }
    const amount = owed.reduce((sum, i) => sum + (i.amount - i.paidAmount), 0n);
    // The plan's invoices oldest first, each up to what is open, until the amount is placed.
    const items = await t.paymentPlanInvoice.findMany({
      where: { planId, item: { openAmount: { gt: 0n } } },
      select: { item: { select: { id: true, openAmount: true, dueDate: true, documentDate: true } } },
    });
    const allocations = allocateOldestFirst(
      items.map((i) => i.item),
      amount,
    );
    const total = sumAmounts(allocations.map((a) => a.amount));
    if (total === 0n) return null;
    const payer = await t.portalUser.findUniqueOrThrow({
      where: { id: plan.acceptedByPortalUserId },
      select: { locale: true },
    });
    const key = `${first.id}-${isoDate(today)}`;
    const attempt = await t.paymentAttempt.create({
      data: {
        customerId: plan.customerId,
        currency: plan.currency.trim(),
        amount: total,
        idempotencyKey: `plan:${key}`,
        createdById: plan.acceptedByPortalUserId,
        locale: payer.locale,
        source: "PLAN",
        allocations: { create: allocations },
      },
    });
    const charge = await t.planCharge.create({
      data: {
        planId,
        instalmentId: first.id,
        customerId: plan.customerId,
        runDate: today,
        attempt: tries.length + 1,
        idempotencyKey: `settle-plan-${key}`,
        savedCardId: plan.savedCard.id,
        paymentAttemptId: attempt.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    await appendAudit(t, actor, {
      action: "payment-plan.charge",
      entityType: "payment_plan",
      entityId: planId,
      customerId: plan.customerId,
      after: {
        plan: planLabel(plan.number),
        sequence: first.sequence,
        attempt: tries.length + 1,
        amount: total,
        currency: plan.currency.trim(),
        invoices: allocations.map((a) => a.itemId),
        savedCardId: plan.savedCard.id,
      },
    });
    return charge.id;
  });
}

async function sendCharge(chargeId: string, now: Date): Promise<"succeeded" | "failed" | "deferred"> {
  const db = getDb();
  const charge = await db.planCharge.findUniqueOrThrow({
    where: { id: chargeId },
    include: {
      savedCard: true,
      plan: { select: { number: true } },
      paymentAttempt: { include: { customer: { select: { name: true, accountNumber: true } } } },
    },
  });
  const attempt = charge.paymentAttempt;
  if (attempt.status === "SUCCEEDED") {
    // The webhook recorded it first.
    await db.planCharge.updateMany({
      where: { id: charge.id, status: { in: ["PENDING", "PROCESSING"] } },
      data: { status: "SUCCEEDED", paymentIntentId: attempt.paymentIntentId },
    });
    return "succeeded";
  }
  const label = planLabel(charge.plan.number);
  const outcome = await chargeOffSession({
    amount: attempt.amount,
    currency: attempt.currency,
    stripeCustomerId: charge.savedCard.stripeCustomerId,
    paymentMethodId: charge.savedCard.paymentMethodId,
    metadata: {
      [ATTEMPT_METADATA_KEY]: attempt.id,
      [CUSTOMER_METADATA_KEY]: attempt.customerId,
      settle_plan_charge_id: charge.id,
    },
    description: `${label} ${attempt.customer.name} (${attempt.customer.accountNumber}), ${isoDate(charge.runDate)} #${charge.attempt}`,
    idempotencyKey: charge.idempotencyKey,
    knownIntentId: charge.paymentIntentId,
  });
  switch (outcome.kind) {
    case "deferred":
      return "deferred";
    case "succeeded":
      await db.$transaction(async (t) => {
        await recordOffSessionPayment(t, attempt.id, outcome.intent, charge.savedCard, actor);
        await t.planCharge.update({
          where: { id: charge.id },
          data: { status: "SUCCEEDED", paymentIntentId: outcome.intent.id, failureCode: null },
        });
      });
      return "succeeded";
    case "processing":
      await db.$transaction(async (t) => {
        await t.planCharge.update({
          where: { id: charge.id },
          data: { status: "PROCESSING", paymentIntentId: outcome.intent.id },
        });
        await t.paymentAttempt.updateMany({
          where: { id: attempt.id, status: "OPEN" },
          data: { status: "PROCESSING", paymentIntentId: outcome.intent.id },
        });
      });
      return "deferred";
    case "failed":
      await getDb().$transaction(async (t) => {
        const moved = await t.planCharge.updateMany({
          where: { id: charge.id, status: { in: ["PENDING", "PROCESSING"] } },
          data: {
            status: "FAILED",
            failureCode: outcome.code.slice(0, 100),
            failureMessage: outcome.message.slice(0, 1000),
            paymentIntentId: charge.paymentIntentId ?? outcome.paymentIntentId,
          },
        });
        if (moved.count === 0) return;
        await t.paymentAttempt.updateMany({
          where: { id: attempt.id, status: { in: ["OPEN", "PROCESSING", "FAILED"] } },
          data: {
            status: "FAILED",
            failureCode: outcome.code.slice(0, 100),
            failureMessage: outcome.message.slice(0, 1000),
            completedAt: now,
          },
        });
        const lastTry = charge.attempt >= MAX_AUTOPAY_ATTEMPTS;
        const first = await t.planCharge.findFirstOrThrow({
          where: { instalmentId: charge.instalmentId },
          orderBy: { attempt: "asc" },
        });
        const nextRetryAt = lastTry ? null : addDays(first.runDate, AUTOPAY_RETRY_DAYS[charge.attempt - 1]!);
        await appendAudit(t, actor, {
          action: "payment-plan.charge-failed",
          entityType: "payment_plan",
          entityId: charge.planId,
          customerId: charge.customerId,
          after: { plan: label, attempt: charge.attempt, code: outcome.code, nextRetryAt, last: lastTry },
        });
        await enqueueAutopayFailureEmails(t, charge.customerId, {
          accountNumber: attempt.customer.accountNumber,
          amount: attempt.amount,
          currency: attempt.currency,
          cardLabel: `${charge.savedCard.brand} •••• ${charge.savedCard.last4}`,
          failureCode: outcome.reason,
          nextRetryAt,
        });
      });
      return "failed";
  }
}

/**
 * A payer is paying the plan's invoices on the portal right now (a Checkout opened within the
 * last two hours), or Stripe is still settling such a payment: charging the card as well would
 * take the money twice.
 */
async function portalPaymentInFlight(t: Tx, planId: string, now: Date): Promise<boolean> {
  const busy = await t.paymentAttemptAllocation.count({
    where: {
      item: { paymentPlans: { some: { planId } } },
      attempt: { source: { not: "PLAN" }, ...paymentInFlight(now) },
    },
  });
  return busy > 0;
}

async function stillOwed(t: Tx, instalmentId: string): Promise<boolean> {
  const i = await t.paymentPlanInstalment.findUniqueOrThrow({
    where: { id: instalmentId },
    select: { status: true, amount: true, paidAmount: true },
  });
  return (i.status === "DUE" || i.status === "MISSED") && i.paidAmount < i.amount;
}

/** A charge never sent and no longer needed: closed with its attempt, so nothing sends it again. */
async function abandon(t: Tx, chargeId: string, attemptId: string, now: Date): Promise<void> {
  const reason = { failureCode: "not_needed", failureMessage: "Paid otherwise before the charge was sent." };
  await t.planCharge.update({ where: { id: chargeId }, data: { status: "FAILED", ...reason } });
  await t.paymentAttempt.updateMany({
    where: { id: attemptId, status: "OPEN" },
    data: { status: "FAILED", completedAt: now, ...reason },
  });
}
