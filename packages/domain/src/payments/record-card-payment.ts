import { type Actor, actorId } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { enqueueEmail } from "../email/enqueue-email.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { minBig } from "../money/money.ts";
import { receiptEmail } from "./card-payment-emails.ts";

/** What Stripe says was paid, read from the API (never from a webhook payload). */
export interface ConfirmedCardPayment {
  attemptId: string;
  paymentIntentId: string;
  /** Minor units actually received, and their currency (upper case). */
  amountReceived: bigint;
  currency: string;
  /** When Stripe created the PaymentIntent: the payment's document date. */
  paidAt: Date;
  /** e.g. "visa •••• 4242", for the receipt and the ledger reference. */
  cardLabel: string | null;
}

export interface RecordedCardPayment {
  paymentItemId: string;
  number: string;
  amount: bigint;
  applied: bigint;
  unapplied: bigint;
  /** True when an earlier call (the webhook, the return page, the sweep) recorded it already. */
  replayed: boolean;
}

/**
 * Records a succeeded card payment in the ledger exactly once: a PAYMENT item (unique per
 * PaymentIntent) applied to the invoices and amounts the payer chose, in one transaction. The
 * attempt row is locked first, so the return page, the webhook and the sweep can race and only
 * the first records; the others return its result.
 *
 * What cannot be applied as asked (the invoice was paid or credited meanwhile, or Stripe received
 * a different amount) stays on the payment as unapplied cash, flagged for the cash application
 * team: money is never lost and never applied beyond what an invoice owes.
 */
export async function recordCardPayment(
  payment: ConfirmedCardPayment,
  actor: Actor,
  tx?: Tx,
): Promise<RecordedCardPayment> {
  return inTransaction(tx, async (t) => {
    const [locked] = await t.$queryRaw<{ id: string }[]>`
      SELECT id FROM payment_attempt WHERE id = ${payment.attemptId}::uuid FOR UPDATE`;
    if (!locked) throw new Error(`Payment attempt ${payment.attemptId} not found.`);
    const existing = await t.openItem.findUnique({
      where: { stripePaymentIntentId: payment.paymentIntentId },
      select: { id: true, number: true, amount: true, openAmount: true },
    });
    if (existing) {
      return {
        paymentItemId: existing.id,
        number: existing.number,
        amount: existing.amount,
        applied: existing.amount - existing.openAmount,
        unapplied: existing.openAmount,
        replayed: true,
      };
    }
    const attempt = await t.paymentAttempt.findUniqueOrThrow({
      where: { id: payment.attemptId },
      include: {
        allocations: { orderBy: { id: "asc" }, include: { item: { select: { number: true } } } },
        customer: { select: { id: true, legalEntityId: true, name: true, accountNumber: true } },
        createdBy: { select: { email: true, name: true } },
      },
    });

    const problems: string[] = [];
    if (payment.currency !== attempt.currency) {
      problems.push(`Stripe received ${payment.currency}, the payer chose ${attempt.currency}.`);
    }
    if (payment.amountReceived !== attempt.amount) {
      problems.push(
        `Stripe received ${payment.amountReceived}, the payer chose ${attempt.amount} (minor units).`,
      );
    }
    const number = `CARD-${payment.paymentIntentId.replace(/^pi_/, "").slice(-14).toUpperCase()}`;
    const item = await t.openItem.create({
      data: {
        customerId: attempt.customerId,
        legalEntityId: attempt.customer.legalEntityId,
        kind: "PAYMENT",
        number,
        currency: payment.currency,
        amount: payment.amountReceived,
        openAmount: payment.amountReceived,
        documentDate: new Date(`${payment.paidAt.toISOString().slice(0, 10)}T00:00:00Z`),
        paymentMethod: "CARD",
        reference: payment.paymentIntentId,
        description: payment.cardLabel ? `Card payment (${payment.cardLabel})` : "Card payment",
        stripePaymentIntentId: payment.paymentIntentId,
        createdById: actorId(actor),
      },
    });
    await appendAudit(t, actor, {
      action: "payment.record",
      entityType: "open_item",
      entityId: item.id,
      customerId: attempt.customerId,
      after: {
        number,
        amount: payment.amountReceived,
        currency: payment.currency,
        method: "CARD",
        paymentIntentId: payment.paymentIntentId,
        attemptId: attempt.id,
      },
    });

    // Lock the payment and the invoices in id order (the one order every money command uses).
    const items = await lockItems(t, [item.id, ...attempt.allocations.map((a) => a.itemId)]);
    let left = payment.currency === attempt.currency ? payment.amountReceived : 0n;
    let appliedTotal = 0n;
    for (const allocation of attempt.allocations) {
      const invoice = items.get(allocation.itemId);
      const amount = invoice ? minBig(minBig(allocation.amount, invoice.openAmount), left) : 0n;
      if (amount < allocation.amount) {
        problems.push(
          `${allocation.item.number}: ${allocation.amount} chosen, ${amount} applied (the rest was not open any more).`,
        );
      }
      if (amount > 0n) {
        await applyCredit(
          {
            creditItemId: item.id,
            debitItemId: allocation.itemId,
            amount,
            reason: "Card payment from the customer portal",
            idempotencyKey: `card:${payment.paymentIntentId}:${allocation.itemId}`,
          },
          actor,
          t,
        );
        appliedTotal += amount;
        left -= amount;
      }
    }
    const unapplied = payment.amountReceived - appliedTotal;
    if (unapplied > 0n || problems.length > 0) {
      await t.openItem.update({
        where: { id: item.id },
        data: { needsCashApplication: true, cashApplicationNote: problems.join(" ").slice(0, 2000) || null },
      });
      await appendAudit(t, actor, {
        action: "payment.flag-for-cash-application",
        entityType: "open_item",
        entityId: item.id,
        customerId: attempt.customerId,
        after: { unapplied, problems },
      });
    }
    await t.paymentAttempt.update({
      where: { id: attempt.id },
      data: {
        status: "SUCCEEDED",
        paymentIntentId: payment.paymentIntentId,
        paymentItemId: item.id,
        failureCode: null,
        failureMessage: null,
        completedAt: new Date(),
      },
    });
    await appendAudit(t, actor, {
      action: "card-payment.succeed",
      entityType: "payment_attempt",
      entityId: attempt.id,
      customerId: attempt.customerId,
      before: { status: attempt.status },
      after: { status: "SUCCEEDED", paymentItemId: item.id, applied: appliedTotal, unapplied },
    });
    await enqueueEmail(
      t,
      receiptEmail({
        to: attempt.createdBy.email,
        name: attempt.createdBy.name,
        locale: attempt.locale,
        customerName: attempt.customer.name,
        accountNumber: attempt.customer.accountNumber,
        receiptNumber: number,
        paymentItemId: item.id,
        amount: payment.amountReceived,
        currency: payment.currency,
        paidAt: payment.paidAt,
        cardLabel: payment.cardLabel,
        invoices: attempt.allocations.map((a) => ({ number: a.item.number, amount: a.amount })),
      }),
    );
    return {
      paymentItemId: item.id,
      number,
      amount: payment.amountReceived,
      applied: appliedTotal,
      unapplied,
      replayed: false,
    };
  });
}
