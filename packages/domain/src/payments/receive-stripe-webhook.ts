import type Stripe from "stripe";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { getStripe } from "./stripe-client.ts";
import { STRIPE_INBOX_CHANNEL } from "./stripe-inbox.ts";

/** How far a signature's timestamp may be from now, either way (Stripe's default tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The signature header's timestamp (`t=`) more than the tolerance ahead of `now`: the SDK refuses
 * old signatures only, so a delivery dated in the future is refused here.
 */
export function signedInTheFuture(signature: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const timestamp = /(?:^|,)t=(\d{1,12})(?:,|$)/.exec(signature)?.[1];
  return timestamp !== undefined && Number(timestamp) > nowSeconds + SIGNATURE_TOLERANCE_SECONDS;
}

export interface ReceivedWebhook {
  eventId: string;
  type: string;
  /** The event id was in the inbox already (Stripe retried or duplicated the delivery). */
  duplicate: boolean;
}

/**
 * A webhook delivery: verifies the signature over the raw body (a forged one, or one dated more
 * than five minutes before or after now, is refused before anything is written) and stores the
 * event in the inbox once per event id, notifying the inbox's processors (the worker). Nothing else happens while Stripe waits: acting on the event
 * (re-reading the object, recording a payment) is processStripeInbox's job, so a delivery is
 * acknowledged in one statement however busy the ledger is. Throws VALIDATION with reason
 * "signature" for a bad signature.
 */
export async function receiveStripeWebhook(
  rawBody: string,
  signature: string | null,
): Promise<ReceivedWebhook> {
  const { stripe, webhookSecret } = getStripe();
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("No Stripe-Signature header.");
    if (signedInTheFuture(signature)) throw new Error("The signature is dated in the future.");
    event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    throw new DomainError("VALIDATION", "The webhook signature is not valid.", {
      reason: "signature",
      detail: error instanceof Error ? error.message.slice(0, 200) : "invalid",
    });
  }
  const object = event.data.object as { id?: unknown };
  const objectId = typeof object.id === "string" ? object.id : null;
  const stored = await getDb().$queryRaw<{ id: string }[]>`
    WITH stored AS (
      INSERT INTO stripe_event (id, type, object_id, livemode, payload)
      VALUES (${event.id}, ${event.type}, ${objectId}, ${event.livemode}, ${rawBody}::jsonb)
      ON CONFLICT (id) DO NOTHING
      RETURNING id)
    SELECT stored.id FROM stored, LATERAL (SELECT pg_notify(${STRIPE_INBOX_CHANNEL}, stored.id)) AS notified`;
  return { eventId: event.id, type: event.type, duplicate: stored.length === 0 };
}
