import type Stripe from "stripe";
import { type Actor, systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { RefundStatus } from "../db/generated/enums.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { freeCredit } from "../ledger/free-credit.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { fromStripeAmount } from "./card-payment-forms.ts";
import { REFUND_METADATA_KEY } from "./refund-forms.ts";
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
 * Brings Settle's refund up to date with Stripe's Refund object (fetched from the API). Refunds
 * Settle did not request are ignored. A succeeded refund is recorded in the ledger once: a REFUND
 * item cleared by the payment, freeing the payment's applications first when it is not unapplied
 * enough. A failed or cancelled one leaves the ledger as it was. Duplicated and reordered events
 * end in the same state: a recorded refund never goes back.
 */
export async function applyStripeRefund(
  stripeRefund: Stripe.Refund,
  actor: Actor,
): Promise<RefundStatus | null> {
  const db = getDb();
  const settleId = stripeRefund.metadata?.[REFUND_METADATA_KEY];
  const known = await db.refund.findFirst({
    where: {
      OR: [
        { stripeRefundId: stripeRefund.id },
        ...(settleId && /^[0-9a-f-]{36}$/.test(settleId) ? [{ id: settleId }] : []),
      ],
    },
    select: { id: true },
  });
  if (!known) return null;
  const target = STATUS[stripeRefund.status ?? ""] ?? "PENDING";

  return db.$transaction(async (t) => {
    const [locked] = await t.$queryRaw<{ id: string }[]>`
      SELECT id FROM refund WHERE id = ${known.id}::uuid FOR UPDATE`;
    const refund = await t.refund.findUniqueOrThrow({ where: { id: locked!.id } });
    const ledgerActor = { ...systemActor("stripe-refund"), requestId: actor.requestId };
    if (refund.status === "SUCCEEDED" || refund.status === "REJECTED") {
      if (refund.status === "SUCCEEDED" && (target === "FAILED" || target === "CANCELED")) {
        // Rare (a bank returns a settled refund): keep the ledger and leave it to a person.
        await t.refund.update({
          where: { id: refund.id },
          data: { lastError: `Stripe now reports this refund as ${stripeRefund.status}.` },
        });
      }
      return refund.status;
    }
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
      const amount = fromStripeAmount(stripeRefund.amount);
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
  await freeCredit(t, payment, refund.amount, reason, actor);
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
