import type Stripe from "stripe";
import { type Actor, systemActor } from "../actor.ts";
import { getDb, type Prisma } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { syncAnyCheckoutSession, syncSetupIntent } from "./record-saved-card.ts";
import { getStripe } from "./stripe-client.ts";
import { syncCheckoutSession, syncPaymentIntent } from "./sync-card-payment.ts";
import { syncChargeback } from "./sync-chargeback.ts";
import { syncChargeRefunds, syncStripeRefund } from "./sync-refund.ts";

/**
 * One handler per event type Settle acts on. Each re-reads its object from the API and is
 * idempotent, so duplicated, reordered and late events all end in the same state.
 */
const HANDLERS: Record<string, (objectId: string, actor: Actor) => Promise<unknown>> = {
  // Payment mode records a payment; setup mode saves a card.
  "checkout.session.completed": syncAnyCheckoutSession,
  "checkout.session.async_payment_succeeded": syncCheckoutSession,
  "checkout.session.async_payment_failed": syncCheckoutSession,
  "checkout.session.expired": syncCheckoutSession,
  "payment_intent.succeeded": syncPaymentIntent,
  "payment_intent.processing": syncPaymentIntent,
  "payment_intent.payment_failed": syncPaymentIntent,
  "payment_intent.canceled": syncPaymentIntent,
  "setup_intent.succeeded": syncSetupIntent,
  // Refunds (ADR 014): the object is a Refund, except for charge.refunded (a Charge).
  "refund.created": syncStripeRefund,
  "refund.updated": syncStripeRefund,
  "refund.failed": syncStripeRefund,
  "charge.refund.updated": syncStripeRefund,
  "charge.refunded": syncChargeRefunds,
  // Chargebacks: the object is a Dispute; its current status decides.
  "charge.dispute.created": syncChargeback,
  "charge.dispute.updated": syncChargeback,
  "charge.dispute.closed": syncChargeback,
  "charge.dispute.funds_withdrawn": syncChargeback,
  "charge.dispute.funds_reinstated": syncChargeback,
};

export const HANDLED_EVENT_TYPES = Object.keys(HANDLERS);

export interface ReceivedWebhook {
  eventId: string;
  type: string;
  /** The event id was in the inbox already (Stripe retried or duplicated the delivery). */
  duplicate: boolean;
  /** Processed now or before; false when processing failed (the worker retries it). */
  processed: boolean;
}

/**
 * A webhook delivery: verifies the signature over the raw body (a forged or stale one is refused
 * before anything is written), stores the event in the inbox once per event id, then processes
 * it. Throws VALIDATION with reason "signature" for a bad signature.
 */
export async function receiveStripeWebhook(
  rawBody: string,
  signature: string | null,
  options: { requestId?: string } = {},
): Promise<ReceivedWebhook> {
  const { stripe, webhookSecret } = getStripe();
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("No Stripe-Signature header.");
    event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
  } catch (error) {
    throw new DomainError("VALIDATION", "The webhook signature is not valid.", {
      reason: "signature",
      detail: error instanceof Error ? error.message.slice(0, 200) : "invalid",
    });
  }
  const object = event.data.object as { id?: unknown };
  const inserted = await getDb().stripeEvent.createMany({
    data: [
      {
        id: event.id,
        type: event.type,
        objectId: typeof object.id === "string" ? object.id : null,
        livemode: event.livemode,
        payload: JSON.parse(rawBody) as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  const duplicate = inserted.count === 0;
  const processed = await processStripeEvent(event.id, {
    ...systemActor("stripe-webhook"),
    requestId: options.requestId,
  });
  return { eventId: event.id, type: event.type, duplicate, processed };
}

/**
 * Processes one inbox row unless it was processed already; records the error and the attempt
 * count when a handler fails, so the row is retried. Returns whether the row is processed.
 */
export async function processStripeEvent(eventId: string, actor: Actor = systemActor("stripe-webhook")) {
  const db = getDb();
  const row = await db.stripeEvent.findUnique({ where: { id: eventId } });
  if (!row) return false;
  if (row.processedAt) return true;
  const handler = HANDLERS[row.type];
  try {
    if (handler && row.objectId) await handler(row.objectId, actor);
    await db.stripeEvent.updateMany({
      where: { id: eventId, processedAt: null },
      data: { processedAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
    return true;
  } catch (error) {
    await db.stripeEvent.update({
      where: { id: eventId },
      data: {
        attempts: { increment: 1 },
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
      },
    });
    return false;
  }
}

/** Inbox rows still unprocessed after `olderThanMs` (a failed handler, a crash): processed again. */
export async function retryStripeEvents(
  options: { olderThanMs?: number; limit?: number; maxAttempts?: number } = {},
): Promise<{ retried: number; processed: number }> {
  const before = new Date(Date.now() - (options.olderThanMs ?? 60_000));
  const rows = await getDb().stripeEvent.findMany({
    where: { processedAt: null, receivedAt: { lt: before }, attempts: { lt: options.maxAttempts ?? 20 } },
    orderBy: { receivedAt: "asc" },
    take: options.limit ?? 100,
    select: { id: true },
  });
  let processed = 0;
  for (const row of rows) {
    if (await processStripeEvent(row.id, systemActor("stripe-event-retry"))) processed++;
  }
  return { retried: rows.length, processed };
}
