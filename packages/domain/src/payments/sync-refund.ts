import type Stripe from "stripe";
import { type Actor, systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { cardPaymentsOff } from "../base/card-payments-switch.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { RefundStatus } from "../db/generated/enums.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { freeCredit, reopenChosen } from "../ledger/free-credit.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { sumAmounts } from "../money/money.ts";
import { REFUND_METADATA_KEY } from "./refund-forms.ts";
import { storedReopenLines } from "./refund-reopening.ts";
import { fromStripeAmount } from "./stripe-amounts.ts";
import { getStripe } from "./stripe-client.ts";

/** Webhook handler for `refund.*` and `charge.refund.updated`: re-reads the Refund from the API. */
export async function syncStripeRefund(stripeRefundId: string, actor: Actor): Promise<RefundStatus | null> {
  const refund = await getStripe().stripe.refunds.retrieve(stripeRefundId);
  return applyStripeRefund(refund, actor);
}

/** Webhook handler for `charge.refunded`: every refund of the charge, as Stripe lists them now. */
export async function syncChargeRefunds(chargeId: string, actor: Actor): Promise<void> {
  const { stripe } = getStripe();
  for await (const refund of stripe.refunds.list({ charge: chargeId, limit: 100 })) {
    await applyStripeRefund(refund, actor);
  }
}

const STATUS: Record<string, RefundStatus> = {
  pending: "PENDING",
  requires_action: "PENDING",
  succeeded: "SUCCEEDED",
  failed: "FAILED",
  canceled: "CANCELED",
};

/**
 * Brings Settle's refund up to date with Stripe's Refund object (fetched from the API). A refund
 * made outside Settle (Stripe's dashboard) on a Settle card payment is recorded first, as made in
 * Stripe. A succeeded refund is recorded in the ledger once: a REFUND item cleared by the payment,
 * freeing the payment's applications first when it is not unapplied enough. A failed or cancelled
 * one leaves the ledger as it was; one that fails after it succeeded is reversed (the amount goes
 * back onto the payment). Duplicated and reordered events end in the same state.
 */
export async function applyStripeRefund(
  stripeRefund: Stripe.Refund,
  actor: Actor,
): Promise<RefundStatus | null> {
  const db = getDb();
  const settleId = stripeRefund.metadata?.[REFUND_METADATA_KEY];
  const known =
    (await db.refund.findFirst({
      where: {
        OR: [
          { stripeRefundId: stripeRefund.id },
          ...(settleId && /^[0-9a-f-]{36}$/.test(settleId) ? [{ id: settleId }] : []),
        ],
      },
      select: { id: true },
    })) ?? (settleId ? null : await recordStripeMadeRefund(stripeRefund, actor));
  if (!known) return null;
  const target = STATUS[stripeRefund.status ?? ""] ?? "PENDING";

  return db.$transaction(async (t) => {
    const [locked] = await t.$queryRaw<{ id: string }[]>`
      SELECT id FROM refund WHERE id = ${known.id}::uuid FOR UPDATE`;
    const refund = await t.refund.findUniqueOrThrow({ where: { id: locked!.id } });
    const ledgerActor = { ...systemActor("stripe-refund"), requestId: actor.requestId };
    if (refund.status === "REJECTED") return refund.status;
    if (refund.status === "SUCCEEDED") {
      if (target !== "FAILED" && target !== "CANCELED") return refund.status;
      // Rare (the card issuer returns a settled refund): the money came back, so the ledger's
      // REFUND item is cleared by a reversal and the amount is unapplied on the payment again.
      const failureReason =
        target === "FAILED" ? (stripeRefund.failure_reason ?? "failed") : "canceled by Stripe";
      await reverseRecordedRefund(t, refund, failureReason, ledgerActor);
      await t.refund.update({
        where: { id: refund.id },
        data: { status: target, failureReason, lastError: null },
      });
      await appendAudit(t, actor, {
        action: `refund.${target.toLowerCase()}`,
        entityType: "refund",
        entityId: refund.id,
        customerId: refund.customerId,
        before: { status: refund.status },
        after: { status: target, stripeRefundId: stripeRefund.id, failureReason, reversed: true },
      });
      return target;
    }
    // A reversed refund is final: an older answer from Stripe cannot record it again.
    if (refund.reversalItemId) return refund.status;
    const data: {
      status: RefundStatus;
      stripeRefundId?: string;
      failureReason?: string | null;
      lastError: null;
    } = {
      status: target,
      lastError: null,
    };
    if (!refund.stripeRefundId) data.stripeRefundId = stripeRefund.id;
    if (target === "FAILED") data.failureReason = stripeRefund.failure_reason ?? "failed";
    if (target === "SUCCEEDED") {
      const amount = fromStripeAmount(stripeRefund.amount, stripeRefund.currency);
      await recordRefund(t, { ...refund, amount }, ledgerActor);
    }
    if (refund.status === target && refund.stripeRefundId) return refund.status;
    await t.refund.update({ where: { id: refund.id }, data });
    await appendAudit(t, actor, {
      action: `refund.${target.toLowerCase()}`,
      entityType: "refund",
      entityId: refund.id,
      customerId: refund.customerId,
      before: { status: refund.status },
      after: { status: target, stripeRefundId: stripeRefund.id, failureReason: data.failureReason },
    });
    return target;
  });
}

/**
 * A refund Settle did not ask for (no Settle id in its metadata), made in Stripe's dashboard on the
 * charge of a Settle card payment: the money has moved, so it is recorded as it is, without a
 * requester or an approval. Returns null when the charge is not a Settle card payment. The payment
 * row is the lock, so duplicated events record it once (the Stripe refund id is also unique).
 */
async function recordStripeMadeRefund(
  stripeRefund: Stripe.Refund,
  actor: Actor,
): Promise<{ id: string } | null> {
  const paymentIntentId = await paymentIntentOf(stripeRefund);
  if (!paymentIntentId) return null;
  const db = getDb();
  const payment = await db.openItem.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { id: true, kind: true, customerId: true, currency: true, number: true },
  });
  if (payment?.kind !== "PAYMENT") return null;
  const currency = payment.currency.trim();
  if (stripeRefund.currency.toUpperCase() !== currency) {
    throw new Error(
      `Stripe refund ${stripeRefund.id} is in ${stripeRefund.currency}, payment ${payment.number} in ${currency}.`,
    );
  }
  return db.$transaction(async (t) => {
    await lockItems(t, [payment.id]);
    const existing = await t.refund.findUnique({
      where: { stripeRefundId: stripeRefund.id },
      select: { id: true },
    });
    if (existing) return existing;
    const note = `Refunded in Stripe, not through Settle${stripeRefund.reason ? ` (Stripe reason: ${stripeRefund.reason})` : ""}.`;
    const refund = await t.refund.create({
      data: {
        paymentItemId: payment.id,
        customerId: payment.customerId,
        currency,
        amount: fromStripeAmount(stripeRefund.amount, stripeRefund.currency),
        reason: "OTHER",
        note,
        status: "PENDING",
        source: "STRIPE",
        requiresApproval: false,
        idempotencyKey: `stripe-refund-${stripeRefund.id}`,
        stripeRefundId: stripeRefund.id,
      },
      select: { id: true, amount: true },
    });
    await appendAudit(t, actor, {
      action: "refund.made-in-stripe",
      entityType: "refund",
      entityId: refund.id,
      customerId: payment.customerId,
      after: {
        paymentItemId: payment.id,
        amount: refund.amount,
        currency,
        stripeRefundId: stripeRefund.id,
        stripeStatus: stripeRefund.status,
      },
    });
    return { id: refund.id };
  });
}

/** The PaymentIntent a refund gives back, through its charge when Stripe does not name it. */
async function paymentIntentOf(stripeRefund: Stripe.Refund): Promise<string | null> {
  const pi = stripeRefund.payment_intent;
  if (pi) return typeof pi === "string" ? pi : pi.id;
  const charge = stripeRefund.charge;
  if (!charge) return null;
  const fetched = typeof charge === "string" ? await getStripe().stripe.charges.retrieve(charge) : charge;
  const intent = fetched.payment_intent;
  return intent ? (typeof intent === "string" ? intent : intent.id) : null;
}

/**
 * Undoes a recorded refund that Stripe now reports failed or cancelled: the payment's application
 * to the REFUND item is reversed (the amount is unapplied on the payment again, flagged for cash
 * application), and a REFUND_REVERSAL credit clears the REFUND item, so the statement shows the
 * refund and its return and the balance is as before the refund. Each step is idempotent.
 */
async function reverseRecordedRefund(
  t: Tx,
  refund: { id: string; paymentItemId: string; refundItemId: string | null; reversalItemId: string | null },
  failureReason: string,
  actor: Actor,
): Promise<void> {
  if (!refund.refundItemId || refund.reversalItemId) return;
  const items = await lockItems(t, [refund.paymentItemId, refund.refundItemId]);
  const refundItem = items.get(refund.refundItemId)!;
  const application = await t.application.findUniqueOrThrow({
    where: { idempotencyKey: `refund-${refund.id}` },
    select: { id: true },
  });
  const refundRow = await t.openItem.findUniqueOrThrow({
    where: { id: refundItem.id },
    select: { number: true, legalEntityId: true, customerId: true, currency: true, amount: true },
  });
  const reason = `Refund ${refundRow.number} returned by Stripe (${failureReason})`;
  await reverseApplication({ applicationId: application.id, reason }, actor, t);
  const reversal = await t.openItem.create({
    data: {
      customerId: refundRow.customerId,
      legalEntityId: refundRow.legalEntityId,
      kind: "REFUND_REVERSAL",
      number: `${refundRow.number}-REV`,
      currency: refundRow.currency,
      amount: refundRow.amount,
      openAmount: refundRow.amount,
      documentDate: new Date(),
      paymentMethod: "CARD",
      reference: refundRow.number,
      description: reason,
      idempotencyKey: `refund-reversal-item-${refund.id}`,
      createdById: "stripe-refund",
    },
  });
  await applyCredit(
    {
      creditItemId: reversal.id,
      debitItemId: refundItem.id,
      amount: refundRow.amount,
      reason,
      idempotencyKey: `refund-reversal-${refund.id}`,
    },
    actor,
    t,
  );
  await t.openItem.update({
    where: { id: refund.paymentItemId },
    data: {
      needsCashApplication: true,
      cashApplicationNote: `${reason}: the amount is unapplied on this payment again.`.slice(0, 500),
    },
  });
  await t.refund.update({ where: { id: refund.id }, data: { reversalItemId: reversal.id } });
  await appendAudit(t, actor, {
    action: "refund.reverse",
    entityType: "open_item",
    entityId: reversal.id,
    customerId: refundRow.customerId,
    after: {
      refundId: refund.id,
      refundItemId: refundItem.id,
      paymentItemId: refund.paymentItemId,
      number: reversal.number,
      amount: refundRow.amount,
      failureReason,
    },
  });
}

async function recordRefund(
  t: Tx,
  refund: { id: string; paymentItemId: string; customerId: string; currency: string; amount: bigint },
  actor: Actor,
): Promise<void> {
  const payment = (await lockItems(t, [refund.paymentItemId])).get(refund.paymentItemId)!;
  const paymentRow = await t.openItem.findUniqueOrThrow({
    where: { id: payment.id },
    select: { number: true, legalEntityId: true },
  });
  const reason = `Card refund of payment ${paymentRow.number}`;
  // The invoices the request chose and showed (its approver saw the same), by the amounts it
  // showed; the rest comes off the unapplied remainder. Should cash have been applied meanwhile,
  // the chosen invoices, then the most recently paid, make up the difference. A refund made in
  // Stripe's dashboard has no choice.
  const reopen = await storedReopenLines(t, refund.id);
  const order = reopen.map((l) => l.itemId);
  await reopenChosen(t, payment.id, sumAmounts(reopen.map((l) => l.amount)), order, reason, actor);
  const freed = (await lockItems(t, [payment.id])).get(payment.id)!;
  await freeCredit(t, freed, refund.amount, reason, actor, order);
  const count = await t.refund.count({ where: { paymentItemId: payment.id, refundItemId: { not: null } } });
  const item = await t.openItem.create({
    data: {
      customerId: payment.customerId,
      legalEntityId: paymentRow.legalEntityId,
      kind: "REFUND",
      number: `${paymentRow.number}-R${count + 1}`,
      currency: payment.currency,
      amount: refund.amount,
      openAmount: refund.amount,
      documentDate: new Date(),
      paymentMethod: "CARD",
      reference: paymentRow.number,
      description: reason,
      idempotencyKey: `refund-item-${refund.id}`,
      createdById: "stripe-refund",
    },
  });
  await applyCredit(
    {
      creditItemId: payment.id,
      debitItemId: item.id,
      amount: refund.amount,
      reason,
      idempotencyKey: `refund-${refund.id}`,
    },
    actor,
    t,
  );
  await t.refund.update({ where: { id: refund.id }, data: { refundItemId: item.id } });
  await appendAudit(t, actor, {
    action: "refund.record",
    entityType: "open_item",
    entityId: item.id,
    customerId: payment.customerId,
    after: { refundId: refund.id, paymentItemId: payment.id, number: item.number, amount: refund.amount },
  });
}

/** The sweep's repair for missed refund events: asks Stripe again about refunds pending a while. */
export async function syncPendingRefunds(
  options: { olderThanMs?: number; limit?: number } = {},
): Promise<{ checked: number; settled: number }> {
  if (cardPaymentsOff()) return { checked: 0, settled: 0 };
  const before = new Date(Date.now() - (options.olderThanMs ?? 5 * 60_000));
  const rows = await getDb().refund.findMany({
    where: { status: "PENDING", stripeRefundId: { not: null }, updatedAt: { lt: before } },
    orderBy: { updatedAt: "asc" },
    take: options.limit ?? 100,
    select: { stripeRefundId: true },
  });
  let settled = 0;
  for (const row of rows) {
    try {
      const status = await syncStripeRefund(row.stripeRefundId!, systemActor("refund-sweep"));
      if (status !== "PENDING") settled++;
    } catch {
      // Stripe unavailable: the next sweep asks again.
    }
  }
  return { checked: rows.length, settled };
}
