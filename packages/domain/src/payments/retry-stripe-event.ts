import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { lockFailedStripeEvent } from "./failed-stripe-events.ts";
import {
  type RetryStripeEventInput,
  RetryStripeEventSchema,
  STRIPE_EVENT_ROLES,
} from "./stripe-event-forms.ts";
import { STRIPE_INBOX_CHANNEL } from "./stripe-inbox.ts";

/**
 * Puts an event the worker gave up on back in the inbox with a fresh count of attempts, and wakes
 * the processors (cash appliers, AR managers; audited). The worker takes it at once.
 */
export async function retryStripeEvent(rawInput: RetryStripeEventInput, actor: Actor) {
  requireStaffRole(actor, STRIPE_EVENT_ROLES);
  const { eventId } = RetryStripeEventSchema.parse(rawInput);
  return getDb().$transaction(async (tx) => {
    const event = await lockFailedStripeEvent(tx, eventId);
    // Back in the inbox with a fresh count of attempts, and the processors woken (at commit).
    await tx.$executeRaw`
      UPDATE stripe_event SET attempts = 0, available_at = now() WHERE id = ${event.id}`;
    await tx.$executeRaw`SELECT pg_notify(${STRIPE_INBOX_CHANNEL}, ${event.id})`;
    await appendAudit(tx, actor, {
      action: "stripe-event.retried",
      entityType: "stripe_event",
      entityId: event.id,
      before: { attempts: event.attempts },
      after: { attempts: 0 },
    });
    return { eventId: event.id, type: event.type };
  });
}
