import { randomUUID } from "node:crypto";
import { type Actor, actorId } from "../actor.ts";
import { type AuditInput, appendAudits } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import type { PaymentAttemptStatus } from "../db/generated/enums.ts";
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
import { syncPlansOfItems } from "../plans/plan-progress.ts";
import { receiptEmail } from "./card-payment-emails.ts";
import { cardWords } from "./payment-method-words.ts";
import { takeReceiptNumbers } from "./receipt-numbers.ts";

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
  /** The card as Stripe described it (brand "visa", last four digits), kept on the PAYMENT item. */
  card?: { brand: string; last4: string } | null;
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
    const existing = await t.$queryRaw<
      { id: string; number: string; amount: bigint; open_amount: bigint; stripe_payment_intent_id: string }[]
    >`
      SELECT id, number, amount, open_amount, stripe_payment_intent_id FROM open_item
       WHERE stripe_payment_intent_id = ANY(${[...new Set(payments.map((p) => p.paymentIntentId))]}::text[])`;
    for (const item of existing) {
      const amount = BigInt(item.amount);
      const open = BigInt(item.open_amount);
      byIntent.set(item.stripe_payment_intent_id, {
        paymentItemId: item.id,
        number: item.number,
        amount,
        applied: amount - open,
        unapplied: open,
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
  const attempts = await loadAttempts(t, [...new Set(payments.map((p) => p.attemptId))]);
  // Lock the invoices in id order (the one order every money command uses). The new PAYMENT
  // items join the map unlocked: nobody else can see them before this transaction commits.
  const items = await lockItems(
    t,
    [...attempts.values()].flatMap((a) => a.allocations.map((x) => x.itemId)),
  );
  const invoiceIds = new Set(items.keys());

  const itemRows: PaymentItemRow[] = [];
  const planned: PlannedApplication[] = [];
  const audits: AuditInput[] = [];
  const emails: EnqueueEmailInput[] = [];
  // By attempt: should one attempt come with two PaymentIntents, the later one is its payment (an
  // UPDATE … FROM with the same row twice would pick either).
  const attemptUpdates = new Map<
    string,
    { attemptId: string; paymentIntentId: string; paymentItemId: string }
  >();
  const results: { intent: string; result: RecordedCardPayment }[] = [];
  const numbers = await receiptNumbersFor(
    t,
    payments.map((p) => attempts.get(p.attemptId)!.legalEntityId),
  );

  for (const [index, payment] of payments.entries()) {
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
    const number = numbers[index]!;
    const paymentItem: LockedItem = {
      id: randomUUID(),
      customerId: attempt.customerId,
      legalEntityId: attempt.legalEntityId,
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
          `${allocation.itemNumber}: ${allocation.amount} chosen, ${usable} applied (the rest was not open any more).`,
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
      legalEntityId: attempt.legalEntityId,
      number,
      currency: payment.currency,
      amount: payment.amountReceived,
      openAmount: paymentItem.openAmount,
      documentDate: payment.paidAt.toISOString().slice(0, 10),
      intent: payment.paymentIntentId,
      description: payment.cardLabel ? `Card payment (${payment.cardLabel})` : "Card payment",
      cardBrand: payment.card?.brand ?? null,
      cardLast4: payment.card?.last4 ?? null,
      flagged,
      note: flagged ? problems.join(" ").slice(0, 2000) || null : null,
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
    attemptUpdates.set(attempt.id, {
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
        to: attempt.payerEmail,
        name: attempt.payerName,
        locale: attempt.locale,
        customerName: attempt.customerName,
        accountNumber: attempt.accountNumber,
        receiptNumber: number,
        paymentItemId: paymentItem.id,
        amount: payment.amountReceived,
        currency: payment.currency,
        paidAt: payment.paidAt,
        // The card as the payer knows it ("Visa •••• 4242"), like the receipt and the Payments tab.
        cardLabel: payment.card ? cardWords({ kind: "CARD", ...payment.card }) : payment.cardLabel,
        invoices: attempt.allocations.map((a) => ({ number: a.itemNumber, amount: a.amount })),
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
  await t.$executeRaw`
    INSERT INTO open_item (id, customer_id, legal_entity_id, kind, number, currency, amount, open_amount,
                           document_date, payment_method, reference, description, card_brand, card_last4,
                           stripe_payment_intent_id, needs_cash_application, cash_application_note, created_by_id)
    SELECT i.id, i.customer_id, i.legal_entity_id, 'PAYMENT', i.number, i.currency, i.amount, i.open_amount,
           i.document_date, 'CARD', i.intent, i.description, i.card_brand, i.card_last4, i.intent, i.flagged, i.note,
           ${actorId(actor)}
      FROM unnest(${itemRows.map((r) => r.id)}::uuid[], ${itemRows.map((r) => r.customerId)}::uuid[],
                  ${itemRows.map((r) => r.legalEntityId)}::uuid[], ${itemRows.map((r) => r.number)}::text[],
                  ${itemRows.map((r) => r.currency)}::text[], ${itemRows.map((r) => r.amount.toString())}::bigint[],
                  ${itemRows.map((r) => r.openAmount.toString())}::bigint[],
                  ${itemRows.map((r) => r.documentDate)}::date[], ${itemRows.map((r) => r.intent)}::text[],
                  ${itemRows.map((r) => r.description)}::text[], ${itemRows.map((r) => r.cardBrand)}::text[],
                  ${itemRows.map((r) => r.cardLast4)}::text[], ${itemRows.map((r) => r.flagged)}::boolean[],
                  ${itemRows.map((r) => r.note)}::text[])
           AS i(id, customer_id, legal_entity_id, number, currency, amount, open_amount, document_date, intent,
                description, card_brand, card_last4, flagged, note)`;
  await insertApplications(t, actor, planned);
  await writeOpenAmounts(
    t,
    [...invoiceIds].map((id) => items.get(id)!),
  );
  // Payment plans covering these invoices count the money toward their instalments now.
  await syncPlansOfItems(t, [...invoiceIds], actor, new Date());
  await t.$executeRaw`
    UPDATE payment_attempt a
       SET status = 'SUCCEEDED', payment_intent_id = v.intent, payment_item_id = v.item,
           failure_code = NULL, failure_message = NULL, completed_at = now(), updated_at = now()
      FROM unnest(${[...attemptUpdates.values()].map((u) => u.attemptId)}::uuid[],
                  ${[...attemptUpdates.values()].map((u) => u.paymentIntentId)}::text[],
                  ${[...attemptUpdates.values()].map((u) => u.paymentItemId)}::uuid[]) AS v(id, intent, item)
     WHERE a.id = v.id`;
  // In the order things happened: each payment, its applications, its outcome.
  await appendAudits(t, actor, audits);
  await enqueueEmails(t, emails);
  return results;
}

interface PaymentItemRow {
  id: string;
  customerId: string;
  legalEntityId: string;
  number: string;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  /** YYYY-MM-DD */
  documentDate: string;
  intent: string;
  description: string;
  cardBrand: string | null;
  cardLast4: string | null;
  flagged: boolean;
  note: string | null;
}

/**
 * One receipt number per payment, in the payments' order, from each legal entity's counter. The
 * counters are taken in entity id order (after the invoices are locked), one statement each.
 */
async function receiptNumbersFor(t: Tx, legalEntityIds: readonly string[]): Promise<string[]> {
  const byEntity = new Map<string, string[]>();
  for (const id of [...new Set(legalEntityIds)].sort()) {
    byEntity.set(id, await takeReceiptNumbers(t, id, legalEntityIds.filter((e) => e === id).length));
  }
  return legalEntityIds.map((id) => byEntity.get(id)!.shift()!);
}

interface AttemptToRecord {
  id: string;
  customerId: string;
  legalEntityId: string;
  currency: string;
  amount: bigint;
  status: PaymentAttemptStatus;
  locale: string;
  customerName: string;
  accountNumber: string;
  payerEmail: string;
  payerName: string;
  /** In allocation id order. */
  allocations: { itemId: string; itemNumber: string; amount: bigint }[];
}

/** The attempts with their allocations, customer and payer, in one query. */
async function loadAttempts(t: Tx, ids: readonly string[]): Promise<Map<string, AttemptToRecord>> {
  const rows = await t.$queryRaw<
    {
      id: string;
      customer_id: string;
      legal_entity_id: string;
      currency: string;
      amount: bigint;
      status: PaymentAttemptStatus;
      locale: string;
      customer_name: string;
      account_number: string;
      payer_email: string;
      payer_name: string;
      item_id: string | null;
      item_number: string | null;
      allocation_amount: bigint | null;
    }[]
  >`
    SELECT a.id, a.customer_id, c.legal_entity_id, a.currency, a.amount, a.status::text AS status, a.locale,
           c.name AS customer_name, c.account_number, u.email AS payer_email, u.name AS payer_name,
           x.item_id, i.number AS item_number, x.amount AS allocation_amount
      FROM payment_attempt a
      JOIN customer c ON c.id = a.customer_id
      JOIN portal_user u ON u.id = a.created_by_id
      LEFT JOIN payment_attempt_allocation x ON x.attempt_id = a.id
      LEFT JOIN open_item i ON i.id = x.item_id
     WHERE a.id = ANY(${ids}::uuid[])
     ORDER BY a.id, x.id`;
  const attempts = new Map<string, AttemptToRecord>();
  for (const r of rows) {
    let attempt = attempts.get(r.id);
    if (!attempt) {
      attempt = {
        id: r.id,
        customerId: r.customer_id,
        legalEntityId: r.legal_entity_id,
        currency: r.currency.trim(),
        amount: BigInt(r.amount),
        status: r.status,
        locale: r.locale,
        customerName: r.customer_name,
        accountNumber: r.account_number,
        payerEmail: r.payer_email,
        payerName: r.payer_name,
        allocations: [],
      };
      attempts.set(r.id, attempt);
    }
    if (r.item_id && r.allocation_amount !== null) {
      attempt.allocations.push({
        itemId: r.item_id,
        itemNumber: r.item_number ?? "",
        amount: BigInt(r.allocation_amount),
      });
    }
  }
  return attempts;
}
