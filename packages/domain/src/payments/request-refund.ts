import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { sumAmounts, toDecimalString } from "../money/money.ts";
import { parseAmountField } from "../money/typed-amount.ts";
import {
  LIVE_REFUND_STATUSES,
  REFUND_REQUEST_ROLES,
  type RequestRefundInput,
  RequestRefundSchema,
  UUID,
} from "./refund-forms.ts";
import { planRefundReopening, type RefundReopen, refundReopens } from "./refund-reopening.ts";
import { sendRefund } from "./send-refund.ts";
import { stripeAmountProblem, stripeStep } from "./stripe-amounts.ts";

export interface RefundSummary {
  id: string;
  status: string;
  amount: bigint;
  currency: string;
  requiresApproval: boolean;
  /** The invoices it will open again, and by how much (the rest comes off the unapplied remainder). */
  reopens: RefundReopen[];
  /** True when the same form was submitted before: this is the first submission's request. */
  replayed: boolean;
}

/**
 * A staff member asks to give back (part of) a succeeded card payment. The amount may not exceed
 * what is still refundable (the payment minus every refund that did not fail or get rejected).
 * The payment's unapplied remainder goes first; beyond it, the invoices staff chose reopen (none
 * chosen: the most recently paid), and that plan is stored with the request, so that the approval
 * and Stripe's settlement reverse exactly what the request showed.
 * Above the currency's threshold the request waits for a second staff member; otherwise it is
 * approved at once and sent to Stripe (a Stripe failure leaves it approved, to be sent again).
 */
export async function requestRefund(
  rawInput: RequestRefundInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<RefundSummary> {
  requireStaffRole(actor, REFUND_REQUEST_ROLES);
  if (actor.kind !== "staff") throw new DomainError("FORBIDDEN", "Only staff members request refunds.");
  const parsed = RequestRefundSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "Check the refund.", {
      field: issue?.path.join(".") ?? null,
    });
  }
  const input = parsed.data;
  if (!UUID.test(input.attemptId)) throw new DomainError("NOT_FOUND", "Card payment not found.");

  const summary = await getDb().$transaction(async (t) => {
    const attempt = await t.paymentAttempt.findUnique({
      where: { id: input.attemptId.toLowerCase() },
      select: { id: true, paymentItemId: true, paymentIntentId: true },
    });
    if (!attempt) throw new DomainError("NOT_FOUND", "Card payment not found.");
    if (!attempt.paymentItemId || !attempt.paymentIntentId) {
      throw new DomainError("INVALID_STATE", "Only a succeeded card payment can be refunded.", {
        reason: "not-succeeded",
      });
    }
    // One request at a time per payment: the payment row is the lock, so two requests cannot
    // both take the last refundable amount.
    const [payment] = await t.$queryRaw<
      { id: string; customer_id: string; currency: string; amount: bigint; open_amount: bigint }[]
    >`
      SELECT id, customer_id, currency, amount, open_amount
        FROM open_item WHERE id = ${attempt.paymentItemId}::uuid FOR UPDATE`;
    if (!payment) throw new DomainError("NOT_FOUND", "Card payment not found.");
    const currency = payment.currency.trim();

    const previous = await t.refund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (previous) {
      if (previous.paymentItemId !== payment.id) {
        throw new DomainError("CONFLICT", "This form was already used for another payment.", {
          reason: "form-used",
        });
      }
      const reopens = (await refundReopens(t, [previous.id])).get(previous.id) ?? [];
      return { ...toSummary(previous), reopens, replayed: true, send: false };
    }

    // As the staff member typed it, in their language.
    const amount = parseAmountField(input.amount, currency, "amount", options.locale);
    if (amount <= 0n)
      throw new DomainError("VALIDATION", "The amount must be more than zero.", {
        field: "amount",
        reason: "not-positive",
      });
    if (stripeAmountProblem(amount, currency)) {
      const step = `${toDecimalString(stripeStep(currency), currency)} ${currency}`;
      throw new DomainError("VALIDATION", `Card refunds in ${currency} must be a multiple of ${step}.`, {
        field: "amount",
        reason: "not-a-card-step",
        currency,
        step,
      });
    }

    const openChargeback = await t.chargeback.findFirst({
      where: { paymentItemId: payment.id, status: "OPEN" },
      select: { id: true },
    });
    if (openChargeback) {
      throw new DomainError(
        "INVALID_STATE",
        "This payment has an open chargeback; it cannot be refunded now.",
        { reason: "open-chargeback" },
      );
    }
    const refundable = await refundableAmount(t, payment.id, BigInt(payment.amount));
    if (amount > refundable) {
      throw new DomainError(
        "VALIDATION",
        `At most ${toDecimalString(refundable, currency)} ${currency} of this payment can still be refunded.`,
        {
          field: "amount",
          reason: "above-refundable",
          refundable: refundable.toString(),
          most: toDecimalString(refundable, currency),
          currency,
        },
      );
    }
    const { lines } = await planRefundReopening(
      t,
      { id: payment.id, openAmount: BigInt(payment.open_amount), currency },
      amount,
      input.reopen,
    );
    const requiresApproval = await needsApproval(t, currency, amount);
    const refund = await t.refund.create({
      data: {
        paymentItemId: payment.id,
        customerId: payment.customer_id,
        currency,
        amount,
        reason: input.reason,
        note: input.note || null,
        status: requiresApproval ? "PENDING_APPROVAL" : "APPROVED",
        requiresApproval,
        idempotencyKey: input.idempotencyKey,
        requestedById: actor.userId,
        reopenings: {
          create: lines.map((l, position) => ({ position, itemId: l.invoiceId, amount: l.amount })),
        },
      },
    });
    const reopens = lines.filter((l) => l.amount > 0n);
    await appendAudit(t, actor, {
      action: "refund.request",
      entityType: "refund",
      entityId: refund.id,
      customerId: payment.customer_id,
      after: {
        paymentItemId: payment.id,
        amount,
        currency,
        reason: input.reason,
        note: input.note,
        status: refund.status,
        reopen: lines.map((l) => ({ itemId: l.invoiceId, number: l.number, amount: l.amount })),
      },
    });
    return { ...toSummary(refund), reopens, replayed: false, send: !requiresApproval };
  });

  const { send, ...result } = summary;
  if (result.status === "APPROVED" && (send || result.replayed)) {
    const sent = await sendRefund(result.id, actor);
    return { ...result, status: sent.status };
  }
  return result;
}

function toSummary(refund: {
  id: string;
  status: string;
  amount: bigint;
  currency: string;
  requiresApproval: boolean;
}) {
  return {
    id: refund.id,
    status: refund.status,
    amount: refund.amount,
    currency: refund.currency.trim(),
    requiresApproval: refund.requiresApproval,
  };
}

/** The payment's amount minus every refund still alive (requested, approved, pending, succeeded). */
export async function refundableAmount(t: Tx, paymentItemId: string, paymentAmount: bigint): Promise<bigint> {
  const live = await t.refund.findMany({
    where: { paymentItemId, status: { in: [...LIVE_REFUND_STATUSES] } },
    select: { amount: true },
  });
  const lost = await t.chargeback.findMany({
    where: { paymentItemId, status: "LOST" },
    select: { amount: true },
  });
  const left = paymentAmount - sumAmounts(live.map((r) => r.amount)) - sumAmounts(lost.map((c) => c.amount));
  return left > 0n ? left : 0n;
}

/** Above the currency's threshold (or in a currency without one) a second staff member approves. */
export async function needsApproval(t: Tx, currency: string, amount: bigint): Promise<boolean> {
  const threshold = await t.refundApprovalThreshold.findUnique({ where: { currency } });
  return !threshold || amount > threshold.amount;
}
