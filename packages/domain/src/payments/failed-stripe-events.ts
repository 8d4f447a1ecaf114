import type { Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { MAX_EVENT_ATTEMPTS } from "./process-stripe-inbox.ts";

/**
 * Locks a Stripe event that failed every attempt and was not set aside (for retrying or setting
 * aside it). An unknown id is NOT_FOUND; an event that is processed, still being tried or set
 * aside already is INVALID_STATE with reason "not-failed".
 */
export async function lockFailedStripeEvent(tx: Tx, eventId: string) {
  const [event] = await tx.$queryRaw<
    { id: string; type: string; attempts: number; processed_at: Date | null; dismissed_at: Date | null }[]
  >`SELECT id, type, attempts, processed_at, dismissed_at FROM stripe_event WHERE id = ${eventId} FOR UPDATE`;
  if (!event) throw new DomainError("NOT_FOUND", "No such Stripe event.");
  if (event.processed_at || event.dismissed_at || event.attempts < MAX_EVENT_ATTEMPTS) {
    throw new DomainError("INVALID_STATE", "This event has not failed for good.", { reason: "not-failed" });
  }
  return event;
}
