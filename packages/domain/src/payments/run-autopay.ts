import Stripe from "stripe";
import { type Actor, systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { cardPaymentsOff } from "../base/card-payments-switch.ts";
import { getDb, type Tx } from "../db/client.ts";
import { formatMoney, sumAmounts } from "../money/money.ts";
import { notInOpenPlanWhere } from "../plans/in-plan.ts";
import { enqueueAutopayFailureEmails } from "./autopay-emails.ts";
import { isCardExpired } from "./get-payment-methods.ts";
import { chargeOffSession, type OffSessionOutcome, recordOffSessionPayment } from "./off-session-charge.ts";
import { ATTEMPT_METADATA_KEY, CUSTOMER_METADATA_KEY } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";

/**
 * Days after a run's date on which a failed charge is tried again: attempt 2 the next day,
 * attempt 3 on day 3, attempt 4 on day 5. After attempt 4 fails the account is flagged for the
 * collector and autopay turns off (docs/decisions/015).
 */
export const AUTOPAY_RETRY_DAYS = [1, 3, 5] as const;
export const MAX_AUTOPAY_ATTEMPTS = AUTOPAY_RETRY_DAYS.length + 1;
/** A charge left PENDING this long (a crash between our row and Stripe's answer) is asked again. */
export const AUTOPAY_STALE_PENDING_MS = 15 * 60_000;
/** Invoices in a portal payment started this recently are left to that payment. */
const PORTAL_PAYMENT_GRACE_MS = 2 * 3_600_000;

/**
 * A payment attempt still taking money for its invoices: a Checkout opened on the portal within
 * the grace, or a payment Stripe is still settling. Off-session charges (autopay, plan
 * instalments) leave such invoices alone rather than take the money twice.
 */
export function paymentInFlight(now: Date) {
  return {
    OR: [
      { status: "PROCESSING" as const },
      { status: "OPEN" as const, createdAt: { gt: new Date(now.getTime() - PORTAL_PAYMENT_GRACE_MS) } },
    ],
  };
}
const DAY_MS = 86_400_000;
/** Invoices per charge (Stripe's description and the receipt stay readable). */
const MAX_INVOICES = 100;

export interface AutopayRunResult {
  /** Accounts looked at. */
  accounts: number;
  /** Charges sent to Stripe by this run (new ones and resumed ones). */
  charged: number;
  succeeded: number;
  failed: number;
  /** Charges Stripe did not answer (network, 5xx): PENDING, asked again later with the same key. */
  deferred: number;
}

const utcDay = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The autopay job (hourly on pg-boss). For each account with autopay on, at most one run starts
 * per day: it charges the account's open invoices of the autopay currency that are due (on the due
 * date, or N days before) to the saved card, off-session, and records the payment through
 * recordCardPayment once the PaymentIntent succeeded. A decline schedules the next attempt of the
 * same run (AUTOPAY_RETRY_DAYS) and e-mails the payers; after the last one the account is flagged.
 *
 * Exactly once: an account's setting row is locked while the job decides and writes the charge
 * row, whose key (account, run date, attempt) is unique and is also Stripe's Idempotency-Key; the
 * Stripe call happens after that commit, so a crash leaves a PENDING row that a later run asks
 * about again with the same key and the same parameters (Stripe answers with the same
 * PaymentIntent). Running twice, or on two workers at once, charges once.
 */
export async function runAutopay(
  options: { now?: Date; customerIds?: readonly string[] } = {},
): Promise<AutopayRunResult> {
  const now = options.now ?? new Date();
  const db = getDb();
  const scope = options.customerIds ? { customerId: { in: [...options.customerIds] } } : {};
  const result: AutopayRunResult = { accounts: 0, charged: 0, succeeded: 0, failed: 0, deferred: 0 };
  // Card payments off: nothing is charged (settings stay as they are for when they are back on).
  if (cardPaymentsOff()) return result;
  const settings = await db.autopaySetting.findMany({
    where: { enabled: true, ...scope },
    select: { customerId: true },
    orderBy: { customerId: "asc" },
  });
  // Unfinished charges also of accounts whose autopay was turned off meanwhile.
  const unfinished = await db.autopayCharge.findMany({
    where: {
      ...scope,
      OR: [
        { status: "PENDING", updatedAt: { lt: new Date(now.getTime() - AUTOPAY_STALE_PENDING_MS) } },
        { status: "PROCESSING", updatedAt: { lt: new Date(now.getTime() - 5 * 60_000) } },
      ],
    },
    select: { customerId: true },
  });
  const ids = [...new Set([...settings.map((s) => s.customerId), ...unfinished.map((c) => c.customerId)])];
  for (const customerId of ids) {
    result.accounts++;
    const prepared = await prepareCharge(customerId, now);
    if (!prepared) continue;
    result.charged++;
    const outcome = await sendCharge(prepared.id, prepared.resumed, now);
    result[outcome]++;
  }
  return result;
}

/**
 * Decides under the setting's row lock whether the account is charged now, and writes the charge
 * (and its payment attempt) if so. Returns the charge to send, or null.
 */
async function prepareCharge(
  customerId: string,
  now: Date,
): Promise<{ id: string; resumed: boolean } | null> {
  const actor = systemActor("autopay");
  return getDb().$transaction(async (t) => {
    const [setting] = await t.$queryRaw<
      {
        enabled: boolean;
        saved_card_id: string | null;
        timing: "ON_DUE_DATE" | "DAYS_BEFORE";
        days_before: number;
        currency: string;
        enabled_by_id: string | null;
      }[]
    >`SELECT enabled, saved_card_id, timing::text AS timing, days_before, currency, enabled_by_id
      FROM autopay_setting WHERE customer_id = ${customerId}::uuid FOR UPDATE`;
    const latest = await t.autopayCharge.findFirst({
      where: { customerId },
      orderBy: [{ runDate: "desc" }, { attempt: "desc" }],
    });
    if (latest && (latest.status === "PENDING" || latest.status === "PROCESSING")) {
      // In flight. Ask again only when it has waited long (a crash, a lost answer); claim it first
      // so that a second worker leaves it alone.
      const staleMs = latest.status === "PENDING" ? AUTOPAY_STALE_PENDING_MS : 5 * 60_000;
      if (latest.updatedAt.getTime() > now.getTime() - staleMs) return null;
      await t.autopayCharge.update({ where: { id: latest.id }, data: { updatedAt: now } });
      return { id: latest.id, resumed: true };
    }
    if (!setting?.enabled || !setting.saved_card_id || !setting.enabled_by_id) return null;

    const today = utcDay(now);
    let runDate: Date;
    let attempt: number;
    if (latest?.status === "FAILED" && latest.nextRetryAt) {
      if (latest.nextRetryAt > now) return null;
      runDate = latest.runDate;
      attempt = latest.attempt + 1;
    } else if (latest && latest.runDate.getTime() >= today.getTime()) {
      return null; // One run per account and day.
    } else {
      runDate = today;
      attempt = 1;
    }

    const card = await t.savedCard.findUniqueOrThrow({ where: { id: setting.saved_card_id } });
    if (card.removedAt || isCardExpired(card.expMonth, card.expYear, now)) {
      await turnOff(t, customerId, "card-expired", actor);
      return null;
    }
    const horizon = addDays(today, setting.timing === "DAYS_BEFORE" ? setting.days_before : 0);
    const invoices = await t.openItem.findMany({
      where: {
        customerId,
        kind: "INVOICE",
        currency: setting.currency,
        openAmount: { gt: 0n },
        dueDate: { lte: horizon },
        // A payment plan's invoices are paid by its schedule, not by account autopay.
        ...notInOpenPlanWhere,
        // Not what a payer is paying on the portal right now, nor a payment Stripe is still settling.
        paymentAllocations: { none: { attempt: paymentInFlight(now) } },
      },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: MAX_INVOICES,
      select: { id: true, openAmount: true },
    });
    if (invoices.length === 0) {
      // A retry with nothing left to pay (paid another way meanwhile) ends the run.
      if (latest?.status === "FAILED" && latest.nextRetryAt) {
        await t.autopayCharge.update({ where: { id: latest.id }, data: { nextRetryAt: null } });
      }
      return null;
    }
    const amount = sumAmounts(invoices.map((i) => i.openAmount));
    const enabler = await t.portalUser.findUniqueOrThrow({
      where: { id: setting.enabled_by_id },
      select: { locale: true },
    });
    const key = `${customerId}-${isoDay(runDate)}-${attempt}`;
    const paymentAttempt = await t.paymentAttempt.create({
      data: {
        customerId,
        currency: setting.currency,
        amount,
        idempotencyKey: `autopay:${key}`,
        createdById: setting.enabled_by_id,
        locale: enabler.locale,
        source: "AUTOPAY",
        allocations: { create: invoices.map((i) => ({ itemId: i.id, amount: i.openAmount })) },
      },
    });
    const charge = await t.autopayCharge.create({
      data: {
        customerId,
        runDate,
        attempt,
        idempotencyKey: `settle-autopay-${key}`,
        savedCardId: card.id,
        paymentAttemptId: paymentAttempt.id,
        // The job's clock, which the in-flight check compares with.
        createdAt: now,
        updatedAt: now,
      },
    });
    await appendAudit(t, actor, {
      action: "autopay.charge",
      entityType: "autopay_charge",
      entityId: charge.id,
      customerId,
      after: {
        runDate: isoDay(runDate),
        attempt,
        amount,
        currency: setting.currency,
        invoices: invoices.map((i) => i.id),
        savedCardId: card.id,
      },
    });
    return { id: charge.id, resumed: false };
  });
}

type Outcome = "succeeded" | "failed" | "deferred";

/** Sends (or sends again, with the same key and parameters) one charge to Stripe and records what came of it. */
async function sendCharge(chargeId: string, resumed: boolean, now: Date): Promise<Outcome> {
  const db = getDb();
  const charge = await db.autopayCharge.findUniqueOrThrow({
    where: { id: chargeId },
    include: {
      savedCard: true,
      paymentAttempt: { include: { customer: { select: { name: true, accountNumber: true } } } },
    },
  });
  const attempt = charge.paymentAttempt;
  if (attempt.status === "SUCCEEDED") {
    await db.autopayCharge.updateMany({
      where: { id: charge.id, status: { in: ["PENDING", "PROCESSING"] } },
      data: { status: "SUCCEEDED", paymentIntentId: attempt.paymentIntentId, nextRetryAt: null },
    });
    return "succeeded";
  }
  let outcome: OffSessionOutcome;
  try {
    outcome = await chargeOffSession({
      amount: attempt.amount,
      currency: attempt.currency,
      stripeCustomerId: charge.savedCard.stripeCustomerId,
      paymentMethodId: charge.savedCard.paymentMethodId,
      metadata: {
        [ATTEMPT_METADATA_KEY]: attempt.id,
        [CUSTOMER_METADATA_KEY]: attempt.customerId,
        settle_autopay_charge_id: charge.id,
      },
      description: `Autopay ${attempt.customer.name} (${attempt.customer.accountNumber}), ${isoDay(charge.runDate)} #${charge.attempt}`,
      idempotencyKey: charge.idempotencyKey,
      // A charge asked about again may have reached Stripe before a crash; Stripe keeps idempotency
      // keys for 24 hours only, so look for its PaymentIntent first rather than rely on the key.
      knownIntentId: charge.paymentIntentId ?? (resumed ? await findIntentOf(charge) : null),
    });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return "deferred";
    throw error;
  }

  switch (outcome.kind) {
    case "deferred":
      return "deferred";
    case "succeeded": {
      const { intent } = outcome;
      await db.$transaction(async (t) => {
        await recordOffSessionPayment(t, attempt.id, intent, charge.savedCard, systemActor("autopay"));
        await t.autopayCharge.update({
          where: { id: charge.id },
          data: { status: "SUCCEEDED", paymentIntentId: intent.id, nextRetryAt: null, failureCode: null },
        });
      });
      return "succeeded";
    }
    case "processing": {
      const { intent } = outcome;
      await db.$transaction(async (t) => {
        await t.autopayCharge.update({
          where: { id: charge.id },
          data: { status: "PROCESSING", paymentIntentId: intent.id },
        });
        await t.paymentAttempt.updateMany({
          where: { id: attempt.id, status: "OPEN" },
          data: { status: "PROCESSING", paymentIntentId: intent.id },
        });
      });
      return "deferred";
    }
    case "failed":
      await failCharge(charge.id, { ...outcome, now });
      return "failed";
  }
}

/** The PaymentIntent Stripe made for a charge, found by its metadata among the customer's recent ones. */
async function findIntentOf(charge: {
  id: string;
  createdAt: Date;
  savedCard: { stripeCustomerId: string };
}): Promise<string | null> {
  const { stripe } = getStripe();
  for await (const intent of stripe.paymentIntents.list({
    customer: charge.savedCard.stripeCustomerId,
    created: { gte: Math.floor(charge.createdAt.getTime() / 1000) - 3600 },
    limit: 100,
  })) {
    if (intent.metadata?.settle_autopay_charge_id === charge.id) return intent.id;
  }
  return null;
}

/**
 * A charge failed: schedules the next attempt of its run, or after the last one flags the account
 * for the collector and turns autopay off; e-mails the account's payers either way. Only the
 * first caller for a charge does this (the status moves from PENDING/PROCESSING once).
 */
async function failCharge(
  chargeId: string,
  failure: { code: string; reason: string; message: string; paymentIntentId: string | null; now: Date },
): Promise<void> {
  const actor = systemActor("autopay");
  await getDb().$transaction(async (t) => {
    const charge = await t.autopayCharge.findUniqueOrThrow({
      where: { id: chargeId },
      include: {
        savedCard: true,
        paymentAttempt: { include: { customer: { select: { accountNumber: true } } } },
      },
    });
    await t.$queryRaw`SELECT 1 FROM autopay_setting WHERE customer_id = ${charge.customerId}::uuid FOR UPDATE`;
    const last = charge.attempt >= MAX_AUTOPAY_ATTEMPTS;
    const nextRetryAt = last ? null : addDays(charge.runDate, AUTOPAY_RETRY_DAYS[charge.attempt - 1]!);
    const moved = await t.autopayCharge.updateMany({
      where: { id: charge.id, status: { in: ["PENDING", "PROCESSING"] } },
      data: {
        status: "FAILED",
        failureCode: failure.code.slice(0, 100),
        failureMessage: failure.message.slice(0, 1000),
        nextRetryAt,
        ...(failure.paymentIntentId && !charge.paymentIntentId
          ? { paymentIntentId: failure.paymentIntentId }
          : {}),
      },
    });
    if (moved.count === 0) return;
    await t.paymentAttempt.updateMany({
      where: { id: charge.paymentAttemptId, status: { in: ["OPEN", "PROCESSING", "FAILED"] } },
      data: {
        status: "FAILED",
        failureCode: failure.code.slice(0, 100),
        failureMessage: failure.message.slice(0, 1000),
        completedAt: failure.now,
        ...(failure.paymentIntentId && !charge.paymentAttempt.paymentIntentId
          ? { paymentIntentId: failure.paymentIntentId }
          : {}),
      },
    });
    await appendAudit(t, actor, {
      action: "autopay.charge-failed",
      entityType: "autopay_charge",
      entityId: charge.id,
      customerId: charge.customerId,
      after: { attempt: charge.attempt, code: failure.code, nextRetryAt, last },
    });
    if (last) {
      await t.accountFlag.createMany({
        data: [
          {
            customerId: charge.customerId,
            kind: "AUTOPAY_FAILED",
            reference: `autopay:${charge.customerId}:${isoDay(charge.runDate)}`,
            note: `Autopay failed ${charge.attempt} times (last: ${failure.code}) for ${formatMoney(charge.paymentAttempt.amount, charge.paymentAttempt.currency)}.`,
          },
        ],
        skipDuplicates: true,
      });
      await turnOff(t, charge.customerId, "charge-failed", actor);
    }
    await enqueueAutopayFailureEmails(t, charge.customerId, {
      accountNumber: charge.paymentAttempt.customer.accountNumber,
      amount: charge.paymentAttempt.amount,
      currency: charge.paymentAttempt.currency,
      cardLabel: `${charge.savedCard.brand} •••• ${charge.savedCard.last4}`,
      failureCode: failure.reason,
      nextRetryAt,
    });
  });
}

async function turnOff(t: Tx, customerId: string, reason: string, actor: Actor): Promise<void> {
  const updated = await t.autopaySetting.updateMany({
    where: { customerId, enabled: true },
    data: { enabled: false, disabledAt: new Date(), disabledReason: reason },
  });
  if (updated.count > 0) {
    await appendAudit(t, actor, {
      action: "autopay.disable",
      entityType: "customer",
      entityId: customerId,
      customerId,
      before: { enabled: true },
      after: { enabled: false, reason },
    });
  }
}
