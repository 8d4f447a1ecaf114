import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { ApplicationKind, ItemKind, PaymentAttemptStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";

// Any string: a malformed id is NOT_FOUND like an unknown one.
export const CardPaymentDetailsSchema = z.object({ attemptId: z.string().max(100) });
export type CardPaymentDetailsInput = z.input<typeof CardPaymentDetailsSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CardPaymentDetails {
  id: string;
  status: PaymentAttemptStatus;
  currency: string;
  amount: bigint;
  createdAt: Date;
  completedAt: Date | null;
  failureCode: string | null;
  failureMessage: string | null;
  customer: { id: string; name: string; accountNumber: string };
  payer: { name: string; email: string };
  stripe: { checkoutSessionId: string | null; paymentIntentId: string | null };
  /** The PAYMENT item the ledger recorded, once it did. */
  receipt: { id: string; number: string; amount: bigint; openAmount: bigint } | null;
  /** What the payer chose to pay on each invoice, and where the invoice stands now. */
  allocations: {
    itemId: string;
    number: string;
    kind: ItemKind;
    chosen: bigint;
    invoiceAmount: bigint;
    openNow: bigint;
  }[];
  /** The receipt's applications in the ledger, reversals included. */
  applications: {
    id: string;
    kind: ApplicationKind;
    amount: bigint;
    createdAt: Date;
    debitItem: { id: string; number: string };
    reason: string | null;
    reversed: boolean;
  }[];
  /** Settle's own record of what happened (audit trail of the attempt and its receipt). */
  history: { at: Date; action: string; actorType: string; details: unknown }[];
  /** Stripe's events about this payment as received by the webhook, with their processing. */
  events: {
    id: string;
    type: string;
    receivedAt: Date;
    processedAt: Date | null;
    attempts: number;
    lastError: string | null;
  }[];
}

/**
 * One card payment for AR staff: the payer's choice, Stripe's ids and events, the receipt in the
 * ledger with its applications, and the audit trail. Unknown and malformed ids are NOT_FOUND.
 */
export async function getCardPaymentDetails(
  rawInput: CardPaymentDetailsInput,
  actor: Actor,
): Promise<CardPaymentDetails> {
  requireStaff(actor);
  const { attemptId } = CardPaymentDetailsSchema.parse(rawInput);
  if (!UUID.test(attemptId)) throw new DomainError("NOT_FOUND", "Card payment not found.");
  const db = getDb();
  const attempt = await db.paymentAttempt.findUnique({
    where: { id: attemptId.toLowerCase() },
    include: {
      customer: { select: { id: true, name: true, accountNumber: true } },
      createdBy: { select: { name: true, email: true } },
      paymentItem: { select: { id: true, number: true, amount: true, openAmount: true } },
      allocations: {
        include: { item: { select: { id: true, number: true, kind: true, amount: true, openAmount: true } } },
      },
    },
  });
  if (!attempt) throw new DomainError("NOT_FOUND", "Card payment not found.");

  const receiptId = attempt.paymentItem?.id;
  const stripeIds = [attempt.checkoutSessionId, attempt.paymentIntentId].filter((id): id is string => !!id);
  const [applications, audit, events] = await Promise.all([
    receiptId
      ? db.application.findMany({
          where: { creditItemId: receiptId },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: {
            debitItem: { select: { id: true, number: true } },
            reversedBy: { select: { id: true } },
          },
        })
      : [],
    db.auditEvent.findMany({
      where: {
        OR: [
          { entityType: "payment_attempt", entityId: attempt.id },
          ...(receiptId ? [{ entityType: "open_item", entityId: receiptId }] : []),
        ],
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true, action: true, actorType: true, after: true },
    }),
    stripeIds.length
      ? db.stripeEvent.findMany({
          where: { objectId: { in: stripeIds } },
          orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            type: true,
            receivedAt: true,
            processedAt: true,
            attempts: true,
            lastError: true,
          },
        })
      : [],
  ]);

  return {
    id: attempt.id,
    status: attempt.status,
    currency: attempt.currency.trim(),
    amount: attempt.amount,
    createdAt: attempt.createdAt,
    completedAt: attempt.completedAt,
    failureCode: attempt.failureCode,
    failureMessage: attempt.failureMessage,
    customer: attempt.customer,
    payer: attempt.createdBy,
    stripe: { checkoutSessionId: attempt.checkoutSessionId, paymentIntentId: attempt.paymentIntentId },
    receipt: attempt.paymentItem,
    allocations: attempt.allocations
      .map((a) => ({
        itemId: a.item.id,
        number: a.item.number,
        kind: a.item.kind,
        chosen: a.amount,
        invoiceAmount: a.item.amount,
        openNow: a.item.openAmount,
      }))
      .sort((a, b) => a.number.localeCompare(b.number)),
    applications: applications.map((a) => ({
      id: a.id,
      kind: a.kind,
      amount: a.amount,
      createdAt: a.createdAt,
      debitItem: a.debitItem,
      reason: a.reason,
      reversed: a.reversedBy !== null,
    })),
    history: audit.map((e) => ({ at: e.at, action: e.action, actorType: e.actorType, details: e.after })),
    events,
  };
}
