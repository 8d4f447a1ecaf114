import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox, testStripe } from "./test-support.ts";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ hangMs: 5000 });
});
afterAll(() => t.close());

describe("fail the next call", () => {
  it("answers the injected error once, for the matching method and path only", async () => {
    await t.control.failNext({
      method: "POST",
      path: "/v1/payment_intents",
      status: 402,
      error: {
        type: "card_error",
        code: "card_declined",
        decline_code: "do_not_honor",
        message: "Declined (injected).",
      },
    });
    const c = await t.stripe.customers.create({});
    expect(c.id).toMatch(/^cus_/);
    await expect(t.stripe.paymentIntents.create({ amount: 1000, currency: "usd" })).rejects.toMatchObject({
      type: "StripeCardError",
      statusCode: 402,
      decline_code: "do_not_honor",
    });
    expect(await t.control.faults()).toEqual([]);
    const ok = await t.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    expect(ok.status).toBe("requires_payment_method");
  });

  it("a 500 before the effect is retried by the SDK with the same key: one PaymentIntent", async () => {
    const stripe = testStripe(t.sandbox, { maxNetworkRetries: 2 });
    await t.control.failNext({ path: "/v1/payment_intents", status: 500 });
    const marker = `m-${Date.now()}`;
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: "usd", metadata: { marker } });
    const calls = (await t.control.requests({ method: "POST", path: "/v1/payment_intents" })).filter(
      (r) => r.idempotencyKey === pi.lastResponse.idempotencyKey,
    );
    expect(calls.map((c) => c.status)).toEqual([500, 200]);
    const listed = await t.stripe.paymentIntents.list({ limit: 100 });
    expect(listed.data.filter((p) => p.metadata.marker === marker)).toHaveLength(1);
  });

  it("an error after the effect: the charge happened; the retry replays it instead of charging twice", async () => {
    const stripe = testStripe(t.sandbox, { maxNetworkRetries: 1 });
    const customer = await t.stripe.customers.create({});
    await t.control.failNext({ path: "/v1/payment_intents", when: "after", status: 503 });
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
    });
    expect(pi.status).toBe("succeeded");
    expect(pi.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await t.stripe.paymentIntents.list({ customer: customer.id })).data).toHaveLength(1);
  });
});

describe("timeouts", () => {
  it("before: the call hangs past the client's timeout with no effect; the retry creates it once", async () => {
    const stripe = testStripe(t.sandbox, { timeout: 300, maxNetworkRetries: 1 });
    const customer = await t.stripe.customers.create({});
    await t.control.failNext({ path: "/v1/payment_intents", mode: "timeout" });
    const started = Date.now();
    const pi = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(pi.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect((await t.stripe.paymentIntents.list({ customer: customer.id })).data).toHaveLength(1);
  });

  it("after: the charge is recorded but the answer is lost; without a retry the caller sees a connection error", async () => {
    const stripe = testStripe(t.sandbox, { timeout: 300, maxNetworkRetries: 0 });
    const customer = await t.stripe.customers.create({});
    await t.control.failNext({ path: "/v1/payment_intents", mode: "timeout", when: "after" });
    await expect(
      stripe.paymentIntents.create(
        {
          amount: 3000,
          currency: "usd",
          customer: customer.id,
          payment_method: "pm_card_visa",
          confirm: true,
        },
        { idempotencyKey: "autopay-inst-7" },
      ),
    ).rejects.toMatchObject({ type: "StripeConnectionError" });
    const charged = await t.stripe.paymentIntents.list({ customer: customer.id });
    expect(charged.data.map((p) => p.status)).toEqual(["succeeded"]);
    // The caller retries later with the same key (as Settle's job would): no second charge.
    const again = await t.stripe.paymentIntents.create(
      { amount: 3000, currency: "usd", customer: customer.id, payment_method: "pm_card_visa", confirm: true },
      { idempotencyKey: "autopay-inst-7" },
    );
    expect(again.id).toBe(charged.data[0]!.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await t.stripe.charges.list({ customer: customer.id })).data).toHaveLength(1);
  });
});
