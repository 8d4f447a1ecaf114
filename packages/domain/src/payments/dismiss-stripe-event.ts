import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { lockFailedStripeEvent } from "./failed-stripe-events.ts";
import {
  type DismissStripeEventInput,
  DismissStripeEventSchema,
  STRIPE_EVENT_ROLES,
} from "./stripe-event-forms.ts";

/**
 * Sets aside an event the worker gave up on, with why it needs no processing (cash appliers, AR
 * managers; audited). It stays in the inbox for the record and is never tried again.
 */
export async function dismissStripeEvent(rawInput: DismissStripeEventInput, actor: Actor) {
  requireStaffRole(actor, STRIPE_EVENT_ROLES);
  const { eventId, note } = DismissStripeEventSchema.parse(rawInput);
  return getDb().$transaction(async (tx) => {
    const event = await lockFailedStripeEvent(tx, eventId);
    await tx.stripeEvent.update({
      where: { id: event.id },
      data: {
        dismissedAt: new Date(),
        dismissedById: actor.kind === "staff" ? actor.userId : null,
        dismissNote: note,
      },
    });
    await appendAudit(tx, actor, {
      action: "stripe-event.dismissed",
      entityType: "stripe_event",
      entityId: event.id,
      before: { attempts: event.attempts },
      after: { note },
    });
    return { eventId: event.id, type: event.type };
  });
}
