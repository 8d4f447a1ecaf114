import { type Actor, systemActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { syncAnyCheckoutSession, syncSetupIntent } from "./record-saved-card.ts";
import { syncCheckoutSession, syncPaymentIntent, syncPaymentIntents } from "./sync-card-payment.ts";
import { syncChargeback } from "./sync-chargeback.ts";
import { syncChargeRefunds, syncStripeRefund } from "./sync-refund.ts";

/**
 * One handler per event type Settle acts on. Each re-reads its object from the API and is
 * idempotent, so duplicated, reordered and late events all end in the same state. Events about
 * PaymentIntents are handled a batch at a time (syncPaymentIntents); the handler here is what
 * one of them does on its own.
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

/** The events whose object is a PaymentIntent: one batch per inbox run. */
const PAYMENT_INTENT_EVENTS = new Set(HANDLED_EVENT_TYPES.filter((t) => HANDLERS[t] === syncPaymentIntent));

/** How long a processor holds the events it claimed before another may take them over. */
const LEASE_SECONDS = 120;
/**
 * After this many failed tries an event stays in the inbox, unprocessed, for a person to look at
 * (listFailedStripeEvents), who tries it again (retryStripeEvent) or sets it aside
 * (dismissStripeEvent).
 */
export const MAX_EVENT_ATTEMPTS = 20;
/** Waits after the 1st, 2nd, ... failure: 5 s doubling up to an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(5 * 2 ** Math.max(attempts - 1, 0), 3600);

interface ClaimedEvent {
  id: string;
  type: string;
  object_id: string | null;
  attempts: number;
}

export interface InboxRun {
  /** Events taken from the inbox by this run. */
  claimed: number;
  processed: number;
  /** Left in the inbox with their error, to be tried again after a delay. */
  failed: number;
}

/**
 * Processes up to `limit` inbox events that are due, oldest first. Claiming sets a lease
 * (`available_at`) under FOR UPDATE SKIP LOCKED, so processors running at the same time take
 * different events, and an event whose processor died is taken over when the lease ends.
 * Events about PaymentIntents are handled together (one read of each object from the API, one
 * transaction for the payments they record); the others one by one. A failed event keeps its
 * error and waits retryDelaySeconds before the next try.
 */
export async function processStripeInbox(
  options: { limit?: number; actor?: Actor; now?: Date } = {},
): Promise<InboxRun> {
  const limit = options.limit ?? 100;
  const now = options.now ?? new Date();
  const claimed = await getDb().$queryRaw<ClaimedEvent[]>`
    UPDATE stripe_event e
       SET available_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = e.attempts + 1
     WHERE e.id IN (
       SELECT id FROM stripe_event
        WHERE processed_at IS NULL AND dismissed_at IS NULL AND available_at <= ${now}
          AND attempts < ${MAX_EVENT_ATTEMPTS}
        ORDER BY received_at
        LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
    RETURNING e.id, e.type, e.object_id, e.attempts`;
  return handleClaimed(claimed, options.actor ?? systemActor("stripe-webhook"));
}

/**
 * Runs processStripeInbox until nothing is due (or `maxRuns` runs). Returns the totals. `now`
 * later than the clock takes events whose retry is not due yet (tests, an operator's retry).
 */
export async function drainStripeInbox(
  options: { limit?: number; maxRuns?: number; actor?: Actor; now?: Date } = {},
): Promise<InboxRun> {
  const total: InboxRun = { claimed: 0, processed: 0, failed: 0 };
  for (let run = 0; run < (options.maxRuns ?? Number.POSITIVE_INFINITY); run++) {
    const result = await processStripeInbox(options);
    total.claimed += result.claimed;
    total.processed += result.processed;
    total.failed += result.failed;
    if (result.claimed === 0) break;
  }
  return total;
}

/**
 * Processes one inbox event now, whatever its lease or backoff (support, tests). Returns whether
 * it is processed (now or before); false when it is unknown or its processing failed.
 */
export async function processStripeEvent(eventId: string, actor: Actor = systemActor("stripe-webhook")) {
  const db = getDb();
  const claimed = await db.$queryRaw<ClaimedEvent[]>`
    UPDATE stripe_event
       SET available_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
     WHERE id = ${eventId} AND processed_at IS NULL
    RETURNING id, type, object_id, attempts`;
  if (claimed.length === 0) {
    const row = await db.stripeEvent.findUnique({ where: { id: eventId }, select: { processedAt: true } });
    return !!row?.processedAt;
  }
  return (await handleClaimed(claimed, actor)).processed === 1;
}

async function handleClaimed(claimed: readonly ClaimedEvent[], actor: Actor): Promise<InboxRun> {
  if (claimed.length === 0) return { claimed: 0, processed: 0, failed: 0 };
  const errors = new Map<string, string>();
  const intentEvents = claimed.filter((e) => PAYMENT_INTENT_EVENTS.has(e.type) && e.object_id);
  if (intentEvents.length > 0) {
    try {
      const results = await syncPaymentIntents(
        intentEvents.map((e) => e.object_id!),
        actor,
      );
      for (const e of intentEvents) {
        const result = results.get(e.object_id!);
        if (result instanceof Error) errors.set(e.id, result.message);
      }
    } catch (error) {
      // E.g. the database went away mid-batch: every event of the batch waits for its retry.
      for (const e of intentEvents) errors.set(e.id, error instanceof Error ? error.message : String(error));
    }
  }
  for (const e of claimed) {
    if (PAYMENT_INTENT_EVENTS.has(e.type)) continue;
    const handler = HANDLERS[e.type];
    if (!handler || !e.object_id) continue;
    try {
      await handler(e.object_id, actor);
    } catch (error) {
      errors.set(e.id, error instanceof Error ? error.message : String(error));
    }
  }

  const db = getDb();
  const done = claimed.filter((e) => !errors.has(e.id)).map((e) => e.id);
  if (done.length > 0) {
    await db.$executeRaw`
      UPDATE stripe_event SET processed_at = now(), last_error = NULL
       WHERE id = ANY(${done}::text[]) AND processed_at IS NULL`;
  }
  const failed = claimed.filter((e) => errors.has(e.id));
  if (failed.length > 0) {
    await db.$executeRaw`
      UPDATE stripe_event e
         SET last_error = v.error, available_at = now() + make_interval(secs => v.delay)
        FROM unnest(${failed.map((e) => e.id)}::text[],
                    ${failed.map((e) => errors.get(e.id)!.slice(0, 1000))}::text[],
                    ${failed.map((e) => retryDelaySeconds(e.attempts))}::int[]) AS v(id, error, delay)
       WHERE e.id = v.id`;
  }
  return { claimed: claimed.length, processed: done.length, failed: failed.length };
}
