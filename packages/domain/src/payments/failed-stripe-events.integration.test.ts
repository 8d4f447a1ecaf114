import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { dismissStripeEvent } from "./dismiss-stripe-event.ts";
import { listFailedStripeEvents } from "./list-failed-stripe-events.ts";
import { MAX_EVENT_ATTEMPTS, processStripeInbox } from "./process-stripe-inbox.ts";
import { receiveStripeWebhook } from "./receive-stripe-webhook.ts";
import { retryStripeEvent } from "./retry-stripe-event.ts";
import { useStripeSandbox } from "./stripe-test-setup.test-support.ts";

const SECRET = "whsec_failed_events_tests";
useStripeSandbox({ secret: SECRET });
const signer = new Stripe("sk_test_x");
const DAY = 86_400_000;

/** An event about a PaymentIntent Stripe does not know: every attempt to act on it fails. */
async function receiveUnknownObjectEvent(id: string) {
  const payload = JSON.stringify({
    id,
    object: "event",
    type: "payment_intent.succeeded",
    data: { object: { id: `pi_unknown_${id}`, object: "payment_intent" } },
    livemode: false,
    created: Math.floor(Date.now() / 1000),
  });
  await receiveStripeWebhook(payload, signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }));
}

/** Runs the inbox as the worker would over the following days, until the event is no longer due. */
async function failEveryAttempt() {
  for (let day = 1; day <= MAX_EVENT_ATTEMPTS + 2; day++) {
    await processStripeInbox({ now: new Date(Date.now() + day * DAY) });
  }
}

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.details?.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("Stripe events that fail every attempt", () => {
  it("stop after the last attempt and wait in a list, with their error, to be retried or set aside", async () => {
    const cash = await createStaffActor(["CASH_APPLIER"]);
    await receiveUnknownObjectEvent("evt_dead_1");
    await receiveUnknownObjectEvent("evt_dead_2");
    await failEveryAttempt();

    const rows = await getDb().stripeEvent.findMany({ where: { id: { in: ["evt_dead_1", "evt_dead_2"] } } });
    expect(rows.map((r) => r.attempts)).toEqual([MAX_EVENT_ATTEMPTS, MAX_EVENT_ATTEMPTS]);
    expect(rows.every((r) => r.processedAt === null && r.lastError)).toBe(true);
    const listed = await listFailedStripeEvents(cash);
    expect(listed.can).toEqual({ act: true });
    expect(listed.failed.map((e) => [e.id, e.objectId, e.attempts])).toEqual([
      ["evt_dead_1", "pi_unknown_evt_dead_1", MAX_EVENT_ATTEMPTS],
      ["evt_dead_2", "pi_unknown_evt_dead_2", MAX_EVENT_ATTEMPTS],
    ]);
    expect(listed.failed[0]!.lastError).toBeTruthy();

    // Retried: back in the inbox with a fresh count; it fails again (Stripe still does not know it).
    await retryStripeEvent({ eventId: "evt_dead_1" }, cash);
    expect((await listFailedStripeEvents(cash)).failed.map((e) => e.id)).toEqual(["evt_dead_2"]);
    expect(await processStripeInbox({ now: new Date(Date.now() + DAY) })).toMatchObject({
      claimed: 1,
      failed: 1,
    });
    expect(await refusal(retryStripeEvent({ eventId: "evt_dead_1" }, cash))).toEqual({
      code: "INVALID_STATE",
      reason: "not-failed",
    });

    // Set aside with a note: never tried again, listed as set aside with who and why.
    await dismissStripeEvent({ eventId: "evt_dead_2", note: "Test object from the sandbox" }, cash);
    await failEveryAttempt();
    const after = await listFailedStripeEvents(cash);
    expect(after.failed.map((e) => e.id)).toEqual(["evt_dead_1"]);
    expect(after.setAside.map((e) => [e.id, e.dismissedBy, e.note])).toEqual([
      ["evt_dead_2", "Sam Staff", "Test object from the sandbox"],
    ]);
    expect((await getDb().stripeEvent.findUniqueOrThrow({ where: { id: "evt_dead_2" } })).attempts).toBe(
      MAX_EVENT_ATTEMPTS,
    );
    const audit = await getDb().auditEvent.findMany({
      where: { entityType: "stripe_event" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ["stripe-event.retried", "evt_dead_1"],
      ["stripe-event.dismissed", "evt_dead_2"],
    ]);
  });

  it("are seen by any staff member, retried and set aside by cash appliers, AR managers and admins; a wrong id is not found", async () => {
    const collector = await createStaffActor(["COLLECTOR"]);
    const manager = await createStaffActor(["AR_MANAGER"]);
    expect((await listFailedStripeEvents(collector)).can).toEqual({ act: false });
    expect(await refusal(retryStripeEvent({ eventId: "evt_x" }, collector))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(retryStripeEvent({ eventId: "evt_nothing_here" }, manager))).toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(dismissStripeEvent({ eventId: "evt_x", note: "" }, manager)).rejects.toThrow();
  });
});
