import { z } from "zod";
import { type Actor, requireStaff } from "../actor.ts";
import { type ActivityFacts, AUDIT_ROW_SELECT, withActivityFacts } from "../audit/activity-facts.ts";
import { getDb } from "../db/client.ts";
import type {
  AccountFlagKind,
  ApplicationKind,
  ChargebackStatus,
  ItemKind,
  PaymentAttemptStatus,
  RefundReason,
  RefundSource,
  RefundStatus,
} from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { defaultReopenChoice } from "../ledger/plan-reopening.ts";
import { findPaymentDuplicates, type PaymentDuplicates } from "./duplicate-payments.ts";
import { REFUND_APPROVE_ROLES, REFUND_REQUEST_ROLES } from "./refund-forms.ts";
import {
  type RefundReopen,
  type ReopenOption,
  refundReopens,
  reopenableInvoices,
} from "./refund-reopening.ts";
import { refundableAmount } from "./request-refund.ts";

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
  history: { id: string; at: Date; action: string; facts: ActivityFacts }[];
  /** Refund requests on this payment, newest first, with who may decide them. */
  refunds: {
    id: string;
    status: RefundStatus;
    amount: bigint;
    reason: RefundReason;
    note: string | null;
    requiresApproval: boolean;
    /** SETTLE: asked for by staff; STRIPE: made in Stripe's dashboard and recorded as it was. */
    source: RefundSource;
    /** The staff member who asked; null for a refund made in Stripe. */
    requestedBy: string | null;
    requestedAt: Date;
    decidedBy: string | null;
    decidedAt: Date | null;
    decisionNote: string | null;
    stripeRefundId: string | null;
    failureReason: string | null;
    lastError: string | null;
    /** Stripe reported it failed or cancelled after it had succeeded; the ledger reversed it. */
    reversed: boolean;
    /** The invoices it opens again (as requested and approved), and by how much. */
    reopens: RefundReopen[];
    /**
     * What the viewer may do with it: approve or reject it (an approver, and not the requester),
     * send it to Stripe again (an approved refund Stripe has not confirmed, for staff who refund).
     */
    can: { decide: boolean; sendAgain: boolean };
  }[];
  /** What can still be refunded, and whether the viewer may ask for it. */
  refundable: bigint;
  can: { refund: boolean };
  /**
   * The invoices this payment paid, most recently paid first: what a refund may reopen beyond the
   * unapplied remainder (the receipt's open amount), with the form's default choice.
   */
  reopen: { unapplied: bigint; options: ReopenOption[]; defaultChoice: string[] };
  /** Another payment of the same invoices and amount close by (see findPaymentDuplicates). */
  duplicates: PaymentDuplicates;
  /** This payment repeats an earlier one: the refund form suggests giving all of it back as a duplicate. */
  refundSuggestion: { reason: "DUPLICATE_PAYMENT"; amount: bigint } | null;
  /** Card network chargebacks (Stripe disputes) on this payment. */
  chargebacks: {
    id: string;
    stripeDisputeId: string;
    status: ChargebackStatus;
    stripeStatus: string;
    stripeReason: string;
    amount: bigint;
    openedAt: Date;
    closedAt: Date | null;
  }[];
  /** The customer's unresolved account flags (chargebacks, …) for the collector. */
  openFlags: { id: string; kind: AccountFlagKind; note: string | null; createdAt: Date }[];
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
  const [refunds, chargebacks, openFlags] = await Promise.all([
    receiptId
      ? db.refund.findMany({
          where: { paymentItemId: receiptId },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          include: { requestedBy: { select: { name: true } }, decidedBy: { select: { name: true } } },
        })
      : [],
    receiptId
      ? db.chargeback.findMany({ where: { paymentItemId: receiptId }, orderBy: { openedAt: "desc" } })
      : [],
    db.accountFlag.findMany({
      where: { customerId: attempt.customerId, resolvedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, note: true, createdAt: true },
    }),
  ]);
  const stripeIds = [
    attempt.checkoutSessionId,
    attempt.paymentIntentId,
    ...refunds.map((r) => r.stripeRefundId),
    ...chargebacks.flatMap((c) => [c.stripeDisputeId, c.stripeChargeId]),
  ].filter((id): id is string => !!id);
  const staffRoles = actor.kind === "staff" ? actor.roles : [];
  const hasRole = (roles: readonly string[]) => staffRoles.some((r) => r === "ADMIN" || roles.includes(r));
  const hasOpenChargeback = chargebacks.some((c) => c.status === "OPEN");
  const refundable = attempt.paymentItem
    ? await refundableAmount(db, attempt.paymentItem.id, attempt.paymentItem.amount)
    : 0n;
  const [reopenable, reopens, duplicates] = await Promise.all([
    attempt.paymentItem
      ? reopenableInvoices(db, attempt.paymentItem)
      : { unapplied: 0n, applications: [], options: [] },
    refundReopens(
      db,
      refunds.map((r) => r.id),
    ),
    attempt.paymentItem
      ? findPaymentDuplicates(db, { ...attempt, currency: attempt.currency.trim() })
      : { of: null, repeatedBy: [] },
  ]);
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
    db.auditEvent
      .findMany({
        where: {
          OR: [
            { entityType: "payment_attempt", entityId: attempt.id },
            ...refunds.map((r) => ({ entityType: "refund", entityId: r.id })),
            ...chargebacks.map((c) => ({ entityType: "chargeback", entityId: c.id })),
            ...(receiptId ? [{ entityType: "open_item", entityId: receiptId }] : []),
          ],
        },
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, at: true, ...AUDIT_ROW_SELECT },
      })
      .then((rows) => withActivityFacts(rows, "staff")),
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
    refunds: refunds.map((r) => ({
      id: r.id,
      status: r.status,
      amount: r.amount,
      reason: r.reason,
      note: r.note,
      requiresApproval: r.requiresApproval,
      source: r.source,
      requestedBy: r.requestedBy?.name ?? null,
      requestedAt: r.createdAt,
      decidedBy: r.decidedBy?.name ?? null,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
      stripeRefundId: r.stripeRefundId,
      failureReason: r.failureReason,
      lastError: r.status === "APPROVED" ? r.lastError : null,
      reversed: r.reversalItemId !== null,
      reopens: reopens.get(r.id) ?? [],
      can: {
        decide:
          r.status === "PENDING_APPROVAL" &&
          hasRole(REFUND_APPROVE_ROLES) &&
          actor.kind === "staff" &&
          actor.userId !== r.requestedById,
        sendAgain: r.status === "APPROVED" && r.lastError !== null && hasRole(REFUND_REQUEST_ROLES),
      },
    })),
    refundable,
    can: {
      refund:
        attempt.status === "SUCCEEDED" &&
        refundable > 0n &&
        !hasOpenChargeback &&
        hasRole(REFUND_REQUEST_ROLES),
    },
    reopen: {
      unapplied: reopenable.unapplied,
      options: reopenable.options,
      defaultChoice: defaultReopenChoice(reopenable.applications),
    },
    duplicates,
    refundSuggestion:
      duplicates.of && refundable > 0n ? { reason: "DUPLICATE_PAYMENT", amount: refundable } : null,
    chargebacks: chargebacks.map((c) => ({
      id: c.id,
      stripeDisputeId: c.stripeDisputeId,
      status: c.status,
      stripeStatus: c.stripeStatus,
      stripeReason: c.stripeReason,
      amount: c.amount,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
    })),
    openFlags,
    history: audit.map((e) => ({ id: String(e.id), at: e.at, action: e.action, facts: e.facts })),
    events,
  };
}
