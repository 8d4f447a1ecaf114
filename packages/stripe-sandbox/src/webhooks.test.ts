import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox, WEBHOOK_SECRET, WebhookReceiver } from "./test-support.ts";
import { retryDelay, signPayload } from "./webhooks.ts";

let receiver: WebhookReceiver;
let t: TestSandbox;
beforeEach(async () => {
  receiver = await new WebhookReceiver().start();
  t = await startTestSandbox({ webhooks: [{ url: receiver.url, secret: WEBHOOK_SECRET }] });
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

const customerEvents = (events: Stripe.Event[]) => events.filter((e) => e.type === "customer.created");

describe("signatures", () => {
  it("every delivery verifies with stripe.webhooks.constructEvent and matches the stored event", async () => {
    const customer = await t.stripe.customers.create({ name: "Signed" });
    const [event] = customerEvents(await receiver.waitFor((e) => customerEvents(e).length === 1));
    expect(event!.data.object).toMatchObject({ id: customer.id, name: "Signed" });
    expect(event).toMatchObject({
      object: "event",
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
    });
    expect(await t.stripe.events.retrieve(event!.id)).toMatchObject({
      id: event!.id,
      type: "customer.created",
    });
    expect(receiver.rejected).toEqual([]);
    const signature = receiver.events[0]!.signature;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const tampered = receiver.events[0]!.raw.replace("Signed", "Forged");
    expect(() =>
      new Stripe("sk_test_x").webhooks.constructEvent(tampered, signature, WEBHOOK_SECRET),
    ).toThrow();
  });

  it("signPayload agrees with the SDK's test header", () => {
    const stripe = new Stripe("sk_test_x");
    const payload = '{"id":"evt_1"}';
    const header = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_abc",
      timestamp: 1700000000,
    });
    expect(signPayload(payload, "whsec_abc", 1700000000)).toBe(header);
  });
});

describe("retries", () => {
  it("retry a failing endpoint with exponential backoff until it answers 2xx", async () => {
    receiver.failures = [500, 503, 404];
    await t.stripe.customers.create({ name: "Retry" });
    await receiver.waitFor((e) => customerEvents(e).length === 1);
    const [delivery] = await t.control.deliveries({ type: "customer.created" });
    expect(delivery!.status).toBe("succeeded");
    expect(delivery!.attempts.map((a) => a.status)).toEqual([500, 503, 404, 200]);
    const gaps = delivery!.attempts.slice(1).map((a, i) => a.at - delivery!.attempts[i]!.at);
    // initial 20 ms, doubling: ≥ 20, 40, 80 (minus timer slack).
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[1]).toBeGreaterThanOrEqual(35);
    expect(gaps[2]).toBeGreaterThanOrEqual(75);
    expect((await t.stripe.events.retrieve(delivery!.eventId)).pending_webhooks).toBe(0);
  });

  it("give up after maxAttempts and mark the delivery failed; an unreachable endpoint counts as a failure", async () => {
    receiver.failures = [500, 500, 500, 500, 500];
    await t.stripe.customers.create({ name: "Never" });
    await expect
      .poll(async () => (await t.control.deliveries({ type: "customer.created" }))[0]?.status, {
        timeout: 3000,
      })
      .toBe("failed");
    const [delivery] = await t.control.deliveries({ type: "customer.created" });
    expect(delivery!.attempts).toHaveLength(4);
    const undelivered = await t.stripe.events.list({ delivery_success: false });
    expect(undelivered.data.map((e) => e.id)).toContain(delivery!.eventId);
    // Redeliver through the control once the endpoint works again.
    await t.control.redeliver(delivery!.eventId);
    await receiver.waitFor((e) => customerEvents(e).length === 1);
    expect(retryDelay({ initialMs: 1000, factor: 2, maxDelayMs: 5000, maxAttempts: 9 }, 5)).toBe(5000);
  });

  it("time out a slow endpoint and retry", async () => {
    const slow = await startTestSandbox({
      webhooks: [{ url: receiver.url, secret: WEBHOOK_SECRET }],
      deliveryTimeoutMs: 100,
    });
    try {
      receiver.delays = [400];
      await slow.stripe.customers.create({ name: "Slow" });
      await expect
        .poll(async () => (await slow.control.deliveries({ type: "customer.created" }))[0]?.status, {
          timeout: 3000,
        })
        .toBe("succeeded");
      const [d] = await slow.control.deliveries({ type: "customer.created" });
      expect(d!.attempts[0]!.error).toContain("timed out");
    } finally {
      await slow.close();
    }
  });
});

describe("delivery controls", () => {
  it("duplicate: the next event arrives twice with the same id", async () => {
    await t.control.duplicateNext(1);
    const c1 = await t.stripe.customers.create({ name: "Twice" });
    await t.stripe.customers.create({ name: "Once" });
    const events = await receiver.waitFor((e) => customerEvents(e).length === 3);
    const ids = customerEvents(events).map((e) => (e.data.object as Stripe.Customer).name);
    expect(ids.sort()).toEqual(["Once", "Twice", "Twice"]);
    const twice = customerEvents(events).filter((e) => (e.data.object as Stripe.Customer).id === c1.id);
    expect(twice[0]!.id).toBe(twice[1]!.id);
  });

  it("hold + release reverse: deliveries arrive in reverse order", async () => {
    await t.control.holdNext(3);
    for (const name of ["first", "second", "third"]) await t.stripe.customers.create({ name });
    expect(await t.control.deliveries({ status: "held" })).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.events).toHaveLength(0);
    const { released } = await t.control.release("reverse");
    expect(released).toHaveLength(3);
    const events = await receiver.waitFor((e) => customerEvents(e).length === 3);
    expect(customerEvents(events).map((e) => (e.data.object as Stripe.Customer).name)).toEqual([
      "third",
      "second",
      "first",
    ]);
  });

  it("shuffle with a seed is reproducible", async () => {
    await t.control.holdNext();
    for (let i = 0; i < 6; i++) await t.stripe.customers.create({ name: `c${i}` });
    await t.control.release("shuffle", 42);
    const events = await receiver.waitFor((e) => customerEvents(e).length === 6);
    const order = customerEvents(events).map((e) => (e.data.object as Stripe.Customer).name);
    expect([...order].sort()).toEqual(["c0", "c1", "c2", "c3", "c4", "c5"]);
    expect(order).not.toEqual(["c0", "c1", "c2", "c3", "c4", "c5"]);
  });

  it("delay: a delayed event arrives after later ones", async () => {
    await t.control.delayNext(150, 1);
    await t.stripe.customers.create({ name: "late" });
    await t.stripe.customers.create({ name: "early" });
    const events = await receiver.waitFor((e) => customerEvents(e).length === 2);
    expect(customerEvents(events).map((e) => (e.data.object as Stripe.Customer).name)).toEqual([
      "early",
      "late",
    ]);
  });

  it("pause holds everything, resume sends in order; wait reports idle", async () => {
    await t.control.pauseDeliveries();
    await t.stripe.customers.create({ name: "p1" });
    await t.stripe.customers.create({ name: "p2" });
    expect(await t.control.waitForDeliveries(100)).toBe(false);
    expect(receiver.events).toHaveLength(0);
    await t.control.resumeDeliveries();
    expect(await t.control.waitForDeliveries(2000)).toBe(true);
    expect(
      customerEvents(receiver.events.map((e) => e.event)).map((e) => (e.data.object as Stripe.Customer).name),
    ).toEqual(["p1", "p2"]);
  });

  it("endpoints added at runtime receive only their subscribed types, signed with their own secret", async () => {
    const other = await new WebhookReceiver("whsec_other").start();
    try {
      const endpoint = await t.control.addWebhookEndpoint({
        url: other.url,
        secret: "whsec_other",
        events: ["payment_intent.created"],
      });
      expect(endpoint.id).toMatch(/^we_/);
      await t.stripe.customers.create({});
      await t.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
      await other.waitFor((e) => e.length === 1);
      await t.control.waitForDeliveries(2000);
      expect(other.types()).toEqual(["payment_intent.created"]);
      expect(other.rejected).toEqual([]);
      await t.control.removeWebhookEndpoint(endpoint.id);
    } finally {
      await other.close();
    }
  });
});
