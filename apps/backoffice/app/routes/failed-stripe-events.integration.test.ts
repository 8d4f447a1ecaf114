import { getDb } from "@settle/domain/db/client";
import { MAX_EVENT_ATTEMPTS } from "@settle/domain/payments/process-stripe-inbox";
import { createStaffUser } from "@settle/domain/seed/factories";
import { outcome, routeCaller } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfToken } from "../csrf.server.ts";
import { signInCookie } from "../session.server.ts";
import { action, loader } from "./failed-stripe-events.tsx";

const BASE = "http://127.0.0.1:3001";
const URL = "/card-payments/failed-events";
const call = routeCaller({ base: BASE, csrf: csrfToken });
let cash: string;
let collector: string;

async function cookieFor(email: string, roles: ("CASH_APPLIER" | "COLLECTOR")[]) {
  const user = await createStaffUser(getDb(), { email, roles, passwordHash: "not-used", name: "Cleo Cash" });
  return (await signInCookie(new Request(BASE), undefined, user.id)).split(";")[0]!;
}

/** An event the worker gave up on. */
async function failedEvent(id: string) {
  await getDb().stripeEvent.create({
    data: {
      id,
      type: "payment_intent.succeeded",
      objectId: `pi_${id}`,
      payload: {},
      attempts: MAX_EVENT_ATTEMPTS,
      lastError: "No such payment_intent",
    },
  });
}

type Answer = {
  reply: { error?: Record<string, string[]> };
  done: { intent: string; message: string } | null;
};

beforeAll(async () => {
  cash = await cookieFor("failed-events-cash@settle.example", ["CASH_APPLIER"]);
  collector = await cookieFor("failed-events-collector@settle.example", ["COLLECTOR"]);
  await failedEvent("evt_route_1");
  await failedEvent("evt_route_2");
});

describe("the failed Stripe events page", () => {
  it("lists what failed for any staff member; only those who may act get the forms' rights", async () => {
    const seen = await loader(call(URL, { cookie: collector }) as never);
    expect(seen.failed.map((e) => e.id)).toEqual(["evt_route_1", "evt_route_2"]);
    expect(seen.can).toEqual({ act: false });
    const refused = await outcome<Answer>(
      action(call(URL, { cookie: collector, form: { intent: "retry", eventId: "evt_route_1" } }) as never),
    );
    expect(refused.status).toBe(403);
    expect((await loader(call(URL, { cookie: cash }) as never)).can).toEqual({ act: true });
  });

  it("refuses an unknown intent and a missing note, each where it belongs, and 404s an unknown event", async () => {
    const unknown = await outcome<Answer>(
      action(call(URL, { cookie: cash, form: { intent: "delete", eventId: "evt_route_1" } }) as never),
    );
    expect(unknown.status).toBe(400);
    const noNote = await outcome<Answer>(
      action(
        call(URL, { cookie: cash, form: { intent: "dismiss", eventId: "evt_route_1", note: " " } }) as never,
      ),
    );
    expect(noNote.status).toBe(400);
    expect(noNote.data?.reply.error).toEqual({
      note: ["Say why it needs no processing (at least 3 characters)."],
    });
    const missing = await outcome(
      action(call(URL, { cookie: cash, form: { intent: "retry", eventId: "evt_not_here" } }) as never),
    );
    expect(missing.status).toBe(404);
  });

  it("retries one event and sets another aside, saying so; a second retry is refused in words", async () => {
    const retried = await outcome<Answer>(
      action(call(URL, { cookie: cash, form: { intent: "retry", eventId: "evt_route_1" } }) as never),
    );
    expect(retried.data?.done).toEqual({
      intent: "retry",
      message: "evt_route_1 is back in the queue: the worker tries it now.",
    });
    const again = await outcome<Answer>(
      action(call(URL, { cookie: cash, form: { intent: "retry", eventId: "evt_route_1" } }) as never),
    );
    expect(again.status).toBe(409);
    expect(again.data?.reply.error?.[""]?.[0]).toMatch(/has not failed for good/);
    const setAside = await outcome<Answer>(
      action(
        call(URL, {
          cookie: cash,
          form: { intent: "dismiss", eventId: "evt_route_2", note: "A test object from the sandbox" },
        }) as never,
      ),
    );
    expect(setAside.data?.done?.message).toBe("evt_route_2 is set aside and will not be tried again.");
    const page = await loader(call(URL, { cookie: cash }) as never);
    expect(page.failed).toEqual([]);
    expect(page.setAside.map((e) => [e.id, e.dismissedBy, e.note])).toEqual([
      ["evt_route_2", "Cleo Cash", "A test object from the sandbox"],
    ]);
  });
});
