import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  cardForm,
  postForm,
  startTestSandbox,
  tempDir,
  WEBHOOK_SECRET,
  WebhookReceiver,
} from "./test-support.ts";

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

describe("restart", () => {
  it("keeps objects, events, idempotency records and lists, and resumes pending deliveries", async () => {
    const dataDir = tempDir();
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    const webhooks = [{ url: receiver.url, secret: WEBHOOK_SECRET }];

    const first = await startTestSandbox({ dataDir, webhooks });
    await first.control.pauseDeliveries();
    const customer = await first.stripe.customers.create({ name: "Durable" });
    const session = await first.stripe.checkout.sessions.create({
      mode: "payment",
      customer: customer.id,
      success_url: "http://127.0.0.1:3999/ok",
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "jpy", unit_amount: 5000, product_data: { name: "請求書 42" } },
        },
      ],
    });
    expect((await postForm(session.url!, cardForm("4242424242424242"))).status).toBe(303);
    const pi = await first.stripe.paymentIntents.create(
      { amount: 1000, currency: "usd", customer: customer.id },
      { idempotencyKey: "restart-key" },
    );
    const eventsBefore = await first.stripe.events.list({ limit: 100 });
    const pending = await first.control.deliveries({ status: "pending" });
    expect(pending.length).toBe(eventsBefore.data.length);
    await first.close();

    const second = await startTestSandbox({ dataDir, webhooks });
    try {
      // Deliveries stayed paused across the restart; resuming sends every one of them.
      expect(receiver.events).toHaveLength(0);
      await second.control.resumeDeliveries();
      const received = await receiver.waitFor((e) => e.length === pending.length);
      expect(new Set(received.map((e) => e.id))).toEqual(new Set(eventsBefore.data.map((e) => e.id)));
      expect(received.map((e) => e.type)).toContain("checkout.session.completed");

      const done = await second.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
      expect(done.status).toBe("complete");
      expect((done.payment_intent as Stripe.PaymentIntent).amount).toBe(5000);
      const replay = await second.stripe.paymentIntents.create(
        { amount: 1000, currency: "usd", customer: customer.id },
        { idempotencyKey: "restart-key" },
      );
      expect(replay.id).toBe(pi.id);
      expect(replay.lastResponse.headers["idempotent-replayed"]).toBe("true");
      const list = await second.stripe.events.list({ limit: 100 });
      expect(list.data.map((e) => e.id)).toEqual(eventsBefore.data.map((e) => e.id));
      // New objects continue the same ordering.
      const later = await second.stripe.paymentIntents.create({
        amount: 2000,
        currency: "usd",
        customer: customer.id,
      });
      const pis = await second.stripe.paymentIntents.list({ customer: customer.id });
      expect(pis.data[0]!.id).toBe(later.id);
    } finally {
      await second.close();
    }
  });

  it("a delivery waiting for its retry continues after the restart (on the new schedule); a pending refund stays pending", async () => {
    const dataDir = tempDir();
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    receiver.failures = [500];
    const webhooks = [{ url: receiver.url, secret: WEBHOOK_SECRET }];
    const slowRetry = { initialMs: 60_000, factor: 2, maxDelayMs: 60_000, maxAttempts: 5 };

    const first = await startTestSandbox({ dataDir, webhooks, retry: slowRetry, refundSettleMs: 60_000 });
    const c = await first.stripe.customers.create({ name: "Retry across restart" });
    await expect.poll(async () => (await first.control.deliveries())[0]?.attempts.length).toBe(1);
    const paid = await first.stripe.paymentIntents.create({
      amount: 4000,
      currency: "usd",
      customer: c.id,
      payment_method: "pm_card_visa",
      confirm: true,
    });
    await first.control.pauseDeliveries();
    const refund = await first.stripe.refunds.create({ payment_intent: paid.id });
    await first.close();

    // Restart with a fast schedule: the refund settles (its task was persisted) and deliveries resume.
    const second = await startTestSandbox({
      dataDir,
      webhooks,
      retry: { initialMs: 10 },
      refundSettleMs: 10,
    });
    try {
      expect((await second.stripe.refunds.retrieve(refund.id)).status).toBe("pending");
      await second.control.succeedRefund(refund.id);
      await second.control.resumeDeliveries();
      expect(await second.control.waitForDeliveries(5000)).toBe(true);
      const [first_] = await second.control.deliveries({ type: "customer.created" });
      expect(first_!.status).toBe("succeeded");
      expect(first_!.attempts.map((a) => a.status)).toEqual([500, 200]);
      expect(receiver.types()).toEqual(
        expect.arrayContaining(["customer.created", "refund.created", "refund.updated"]),
      );
      expect((await second.stripe.refunds.retrieve(refund.id)).status).toBe("succeeded");
    } finally {
      await second.close();
    }
  });
});
