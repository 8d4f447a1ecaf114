import { type Actor, hasStaffRole, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { MAX_EVENT_ATTEMPTS } from "./process-stripe-inbox.ts";
import { STRIPE_EVENT_ROLES } from "./stripe-event-forms.ts";

export interface FailedStripeEvent {
  id: string;
  type: string;
  /** The event's object (pi_…, cs_…, re_…), for looking it up at Stripe. */
  objectId: string | null;
  receivedAt: Date;
  attempts: number;
  lastError: string | null;
}

export interface SetAsideStripeEvent extends FailedStripeEvent {
  dismissedAt: Date;
  dismissedBy: string | null;
  note: string | null;
}

/** Most rows of each list: a longer list means something else is wrong, and says so. */
const LIMIT = 200;

/**
 * Stripe events the worker gave up on (every attempt failed), oldest first, with their error, and
 * the ones staff set aside lately. Any staff member may look; cash appliers, AR managers and
 * admins may act (`can.act`).
 */
export async function listFailedStripeEvents(actor: Actor) {
  requireStaff(actor);
  const db = getDb();
  const [failed, setAside] = await Promise.all([
    db.stripeEvent.findMany({
      where: { processedAt: null, dismissedAt: null, attempts: { gte: MAX_EVENT_ATTEMPTS } },
      orderBy: { receivedAt: "asc" },
      take: LIMIT + 1,
      select: { id: true, type: true, objectId: true, receivedAt: true, attempts: true, lastError: true },
    }),
    db.stripeEvent.findMany({
      where: { dismissedAt: { not: null } },
      orderBy: { dismissedAt: "desc" },
      take: 20,
      select: {
        id: true,
        type: true,
        objectId: true,
        receivedAt: true,
        attempts: true,
        lastError: true,
        dismissedAt: true,
        dismissNote: true,
        dismissedBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    failed: failed.slice(0, LIMIT) satisfies FailedStripeEvent[],
    more: failed.length > LIMIT,
    setAside: setAside.map(
      ({ dismissedBy, dismissNote, dismissedAt, ...e }): SetAsideStripeEvent => ({
        ...e,
        dismissedAt: dismissedAt!,
        dismissedBy: dismissedBy?.name ?? null,
        note: dismissNote,
      }),
    ),
    can: { act: hasStaffRole(actor, STRIPE_EVENT_ROLES) },
  };
}
