import Stripe from "stripe";
import { type Actor, requireStaffRole, systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { cardPaymentsOff } from "../base/card-payments-switch.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { RefundStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import {
  REFUND_METADATA_KEY,
  REFUND_REQUEST_ROLES,
  type RetryRefundInput,
  RetryRefundSchema,
  stripeRefundReason,
  UUID,
} from "./refund-forms.ts";
import { toStripeAmount } from "./stripe-amounts.ts";
import { getStripe } from "./stripe-client.ts";
import { applyStripeRefund } from "./sync-refund.ts";

/** One Stripe refund per request, however often it is sent: Stripe replays the first answer. */
export const refundIdempotencyKey = (refundId: string) => `settle-refund-${refundId}`;

/**
 * Sends an approved refund to Stripe (with the request's Idempotency-Key) and brings it up to date
 * with what Stripe answers. A refund already sent is only synchronised. When Stripe fails or does
 * not answer, the refund stays APPROVED with the error, and the caller gets a message to try again:
 * the retry (or the worker's sweep) reuses the key, so no second refund can result.
 */
export async function sendRefund(refundId: string, actor: Actor): Promise<{ status: RefundStatus }> {
  const db = getDb();
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    include: { paymentItem: { select: { stripePaymentIntentId: true } } },
  });
  if (!refund) throw new DomainError("NOT_FOUND", "Refund not found.");
  if (refund.status !== "APPROVED") return { status: refund.status };
  const paymentIntent = refund.paymentItem.stripePaymentIntentId;
  if (!paymentIntent)
    throw new DomainError("INVALID_STATE", "This payment did not come through Stripe.", {
      reason: "not-through-stripe",
    });

  const { stripe } = getStripe();
  let sent: Stripe.Refund;
  try {
    sent = await stripe.refunds.create(
      {
        payment_intent: paymentIntent,
        amount: toStripeAmount(refund.amount, refund.currency),
        reason: stripeRefundReason(refund.reason),
        metadata: { [REFUND_METADATA_KEY]: refund.id },
      },
      { idempotencyKey: refundIdempotencyKey(refund.id) },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Stripe said no (e.g. the charge is disputed or already refunded): final. Anything else (no
    // answer, 5xx) may have reached Stripe: the refund stays approved and is sent again.
    const refused = error instanceof Stripe.errors.StripeInvalidRequestError;
    await db.$transaction(async (t) => {
      await t.refund.updateMany({
        where: { id: refund.id, status: "APPROVED" },
        data: refused
          ? { status: "FAILED", failureReason: message.slice(0, 500), lastError: null }
          : { lastError: message.slice(0, 1000) },
      });
      await appendAudit(t, actor, {
        action: refused ? "refund.refused" : "refund.send-failed",
        entityType: "refund",
        entityId: refund.id,
        customerId: refund.customerId,
        after: { error: message.slice(0, 300) },
      });
    });
    if (refused) {
      throw new DomainError("INVALID_STATE", `Stripe refused the refund: ${error.message}`, {
        reason: "stripe-refused",
        stripeMessage: error.message,
      });
    }
    if (error instanceof Stripe.errors.StripeError) {
      throw new DomainError(
        "CONFLICT",
        "The card payment service did not answer. The refund is approved but not confirmed yet; try again in a moment (it will not be sent twice).",
        { reason: "stripe-unavailable" },
      );
    }
    throw error;
  }
  return { status: (await applyStripeRefund(sent, actor)) ?? "APPROVED" };
}

/** The worker's retry: approved refunds that Stripe never confirmed are sent again (same key). */
export async function sendApprovedRefunds(
  options: { olderThanMs?: number; limit?: number } = {},
): Promise<{ tried: number; sent: number }> {
  if (cardPaymentsOff()) return { tried: 0, sent: 0 };
  const before = new Date(Date.now() - (options.olderThanMs ?? 60_000));
  const rows = await getDb().refund.findMany({
    where: { status: "APPROVED", updatedAt: { lt: before } },
    orderBy: { updatedAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  });
  let sent = 0;
  for (const row of rows) {
    try {
      const result = await sendRefund(row.id, systemActor("refund-sweep"));
      if (result.status !== "APPROVED") sent++;
    } catch {
      // Recorded on the refund; the next sweep tries again.
    }
  }
  return { tried: rows.length, sent };
}

/**
 * The id of a refund of the card payment `attemptId` (optionally locked FOR UPDATE), or NOT_FOUND:
 * a refund of another payment, an unknown or a malformed id are all the same answer.
 */
export async function refundOfPayment(
  t: Tx,
  attemptId: string,
  refundId: string,
  options: { lock?: boolean } = {},
): Promise<string> {
  if (!UUID.test(attemptId) || !UUID.test(refundId)) {
    throw new DomainError("NOT_FOUND", "Refund not found.");
  }
  const rows = options.lock
    ? await t.$queryRaw<{ id: string }[]>`
        SELECT r.id FROM refund r
          JOIN payment_attempt a ON a.payment_item_id = r.payment_item_id
         WHERE r.id = ${refundId.toLowerCase()}::uuid AND a.id = ${attemptId.toLowerCase()}::uuid
         FOR UPDATE OF r`
    : await t.$queryRaw<{ id: string }[]>`
        SELECT r.id FROM refund r
          JOIN payment_attempt a ON a.payment_item_id = r.payment_item_id
         WHERE r.id = ${refundId.toLowerCase()}::uuid AND a.id = ${attemptId.toLowerCase()}::uuid`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", "Refund not found.");
  return row.id;
}

/**
 * Staff press "Send again" on an approved refund of this card payment that Stripe has not
 * confirmed (same Idempotency-Key).
 */
export async function retryRefund(
  rawInput: RetryRefundInput,
  actor: Actor,
): Promise<{ status: RefundStatus }> {
  requireStaffRole(actor, REFUND_REQUEST_ROLES);
  const parsed = RetryRefundSchema.safeParse(rawInput);
  if (!parsed.success) throw new DomainError("NOT_FOUND", "Refund not found.");
  const refundId = await refundOfPayment(getDb(), parsed.data.attemptId, parsed.data.refundId);
  return sendRefund(refundId, actor);
}
