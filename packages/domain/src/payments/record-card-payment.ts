import { randomUUID } from "node:crypto";
import { type Actor, actorId } from "../actor.ts";
import { type AuditInput, appendAudits } from "../audit/append-audit.ts";
import { inTransaction, type Prisma, type Tx } from "../db/client.ts";
import { type EnqueueEmailInput, enqueueEmails } from "../email/enqueue-email.ts";
import { type LockedItem, lockItems } from "../ledger/lock-items.ts";
import {
  applicationAudit,
  insertApplications,
  type PlannedApplication,
  planApplication,
  writeOpenAmounts,
} from "../ledger/plan-applications.ts";
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
  const [recorded] = await recordCardPayments([payment], actor, tx);
  return recorded!;
}

/**
 * recordCardPayment for many payments in one transaction with a fixed number of statements
 * (the webhook inbox processes events in batches): the attempts are locked in id order, then
 * the invoices, so batches that overlap wait for each other instead of deadlocking, and a
 * PaymentIntent recorded by an earlier batch (or twice in this one) is a replay. Results are in
 * the order of `payments`.
 */
export async function recordCardPayments(
  payments: readonly ConfirmedCardPayment[],
  actor: Actor,
  tx?: Tx,
): Promise<RecordedCardPayment[]> {
  if (payments.length === 0) return [];
  return inTransaction(tx, async (t) => {
    const attemptIds = [...new Set(payments.map((p) => p.attemptId))].sort();
    const locked = await t.$queryRaw<{ id: string }[]>`
      SELECT id FROM payment_attempt WHERE id = ANY(${attemptIds}::uuid[]) ORDER BY id FOR UPDATE`;
    if (locked.length !== attemptIds.length) {
      const found = new Set(locked.map((r) => r.id));
      throw new Error(`Payment attempt ${attemptIds.find((id) => !found.has(id))} not found.`);
    }
    const byIntent = new Map<string, RecordedCardPayment>();
    for (const item of await t.openItem.findMany({
      where: { stripePaymentIntentId: { in: [...new Set(payments.map((p) => p.paymentIntentId))] } },
      select: { number: true, id: true, amount: true, openAmount: true, stripePaymentIntentId: true },
    })) {
      byIntent.set(item.stripePaymentIntentId!, {
        paymentItemId: item.id,
        number: item.number,
        amount: item.amount,
        applied: item.amount - item.openAmount,
        unapplied: item.openAmount,
        replayed: true,
      });
    }
    const fresh: ConfirmedCardPayment[] = [];
    const seen = new Set(byIntent.keys());
    for (const p of payments) {
      if (seen.has(p.paymentIntentId)) continue;
      seen.add(p.paymentIntentId);
      fresh.push(p);
    }
    if (fresh.length > 0) {
      for (const recorded of await recordFresh(t, fresh, actor))
        byIntent.set(recorded.intent, recorded.result);
    }
    // A PaymentIntent recorded now is a replay for its later copies in the same batch.
    const firstCall = new Set<string>();
    return payments.map((p) => {
      const result = byIntent.get(p.paymentIntentId)!;
      if (result.replayed || firstCall.has(p.paymentIntentId)) return { ...result, replayed: true };
      firstCall.add(p.paymentIntentId);
      return result;
    });
  });
}

/** The PaymentIntents the ledger does not have yet: one PAYMENT item each, applied as chosen. */
async function recordFresh(t: Tx, payments: readonly ConfirmedCardPayment[], actor: Actor) {
  const attempts = new Map(
    (
      await t.paymentAttempt.findMany({
        where: { id: { in: [...new Set(payments.map((p) => p.attemptId))] } },
        include: {
          allocations: { orderBy: { id: "asc" }, include: { item: { select: { number: true } } } },
          customer: { select: { id: true, legalEntityId: true, name: true, accountNumber: true } },
          createdBy: { select: { email: true, name: true } },
        },
      })
    ).map((a) => [a.id, a]),
  );
  // Lock the invoices in id order (the one order every money command uses). The new PAYMENT
  // items join the map unlocked: nobody else can see them before this transaction commits.
  const items = await lockItems(
    t,
    [...attempts.values()].flatMap((a) => a.allocations.map((x) => x.itemId)),
  );
  const invoiceIds = new Set(items.keys());

  const itemRows: Prisma.OpenItemCreateManyInput[] = [];
  const planned: PlannedApplication[] = [];
  const audits: AuditInput[] = [];
  const emails: EnqueueEmailInput[] = [];
  const attemptUpdates: { attemptId: string; paymentIntentId: string; paymentItemId: string }[] = [];
  const results: { intent: string; result: RecordedCardPayment }[] = [];

  for (const payment of payments) {
    const attempt = attempts.get(payment.attemptId)!;
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
    const paymentItem: LockedItem = {
      id: randomUUID(),
      customerId: attempt.customerId,
      legalEntityId: attempt.customer.legalEntityId,
      kind: "PAYMENT",
      currency: payment.currency,
      amount: payment.amountReceived,
      openAmount: payment.amountReceived,
    };
    items.set(paymentItem.id, paymentItem);
    audits.push({
      action: "payment.record",
      entityType: "open_item",
      entityId: paymentItem.id,
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

    let appliedTotal = 0n;
    for (const allocation of attempt.allocations) {
      const invoice = items.get(allocation.itemId);
      const usable =
        payment.currency === attempt.currency && invoice
          ? minBig(minBig(allocation.amount, invoice.openAmount), paymentItem.openAmount)
          : 0n;
      if (usable < allocation.amount) {
        problems.push(
          `${allocation.item.number}: ${allocation.amount} chosen, ${usable} applied (the rest was not open any more).`,
        );
      }
      if (usable > 0n) {
        const application = planApplication(items, {
          creditItemId: paymentItem.id,
          debitItemId: allocation.itemId,
          amount: usable,
          reason: "Card payment from the customer portal",
          idempotencyKey: `card:${payment.paymentIntentId}:${allocation.itemId}`,
        });
        planned.push(application);
        audits.push(applicationAudit(application));
        appliedTotal += usable;
      }
    }
    const unapplied = payment.amountReceived - appliedTotal;
    const flagged = unapplied > 0n || problems.length > 0;
    itemRows.push({
      id: paymentItem.id,
      customerId: attempt.customerId,
      legalEntityId: attempt.customer.legalEntityId,
      kind: "PAYMENT",
      number,
      currency: payment.currency,
      amount: payment.amountReceived,
      openAmount: paymentItem.openAmount,
      documentDate: new Date(`${payment.paidAt.toISOString().slice(0, 10)}T00:00:00Z`),
      paymentMethod: "CARD",
      reference: payment.paymentIntentId,
      description: payment.cardLabel ? `Card payment (${payment.cardLabel})` : "Card payment",
      stripePaymentIntentId: payment.paymentIntentId,
      needsCashApplication: flagged,
      cashApplicationNote: flagged ? problems.join(" ").slice(0, 2000) || null : null,
      createdById: actorId(actor),
    });
    if (flagged) {
      audits.push({
        action: "payment.flag-for-cash-application",
        entityType: "open_item",
        entityId: paymentItem.id,
        customerId: attempt.customerId,
        after: { unapplied, problems },
      });
    }
    attemptUpdates.push({
      attemptId: attempt.id,
      paymentIntentId: payment.paymentIntentId,
      paymentItemId: paymentItem.id,
    });
    audits.push({
      action: "card-payment.succeed",
      entityType: "payment_attempt",
      entityId: attempt.id,
      customerId: attempt.customerId,
      before: { status: attempt.status },
      after: { status: "SUCCEEDED", paymentItemId: paymentItem.id, applied: appliedTotal, unapplied },
    });
    emails.push(
      receiptEmail({
        to: attempt.createdBy.email,
        name: attempt.createdBy.name,
        locale: attempt.locale,
        customerName: attempt.customer.name,
        accountNumber: attempt.customer.accountNumber,
        receiptNumber: number,
        paymentItemId: paymentItem.id,
        amount: payment.amountReceived,
        currency: payment.currency,
        paidAt: payment.paidAt,
        cardLabel: payment.cardLabel,
        invoices: attempt.allocations.map((a) => ({ number: a.item.number, amount: a.amount })),
      }),
    );
    results.push({
      intent: payment.paymentIntentId,
      result: {
        paymentItemId: paymentItem.id,
        number,
        amount: payment.amountReceived,
        applied: appliedTotal,
        unapplied,
        replayed: false,
      },
    });
  }

  // The payments first (the applications refer to them), with their open amounts as applied.
  await t.openItem.createMany({ data: itemRows });
  await insertApplications(t, actor, planned);
  await writeOpenAmounts(
    t,
    [...invoiceIds].map((id) => items.get(id)!),
  );
  await t.$executeRaw`
    UPDATE payment_attempt a
       SET status = 'SUCCEEDED', payment_intent_id = v.intent, payment_item_id = v.item,
           failure_code = NULL, failure_message = NULL, completed_at = now(), updated_at = now()
      FROM unnest(${attemptUpdates.map((u) => u.attemptId)}::uuid[],
                  ${attemptUpdates.map((u) => u.paymentIntentId)}::text[],
                  ${attemptUpdates.map((u) => u.paymentItemId)}::uuid[]) AS v(id, intent, item)
     WHERE a.id = v.id`;
  // In the order things happened: each payment, its applications, its outcome.
  await appendAudits(t, actor, audits);
  await enqueueEmails(t, emails);
  return results;
}
