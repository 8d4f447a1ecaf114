import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox, testStripe } from "./test-support.ts";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

async function raw(path: string, init: RequestInit = {}) {
  const res = await fetch(`${t.sandbox.url}${path}`, {
    ...init,
    headers: { Authorization: "Bearer sk_test_raw", ...(init.headers as Record<string, string>) },
  });
  return { res, body: (await res.json()) as { error?: Record<string, unknown> } & Record<string, unknown> };
}

async function paidIntent(amount = 10_000, pm = "pm_card_visa") {
  const customer = await t.stripe.customers.create({ name: "Refunds Ltd" });
  return t.stripe.paymentIntents.create({
    amount,
    currency: "eur",
    customer: customer.id,
    payment_method: pm,
    confirm: true,
    setup_future_usage: "off_session",
  });
}

describe("errors", () => {
  it("401 without a key, with a live or a malformed key", async () => {
    const none = await fetch(`${t.sandbox.url}/v1/customers`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain(
      "did not provide an API key",
    );
    const live = new Stripe("sk_live_abcdefghijkl", t.sandbox.stripeConfig());
    await expect(live.customers.list()).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
      message: expect.stringContaining("Invalid API Key provided: sk_live_"),
    });
  });

  it("unknown endpoints answer a Stripe-shaped 404 naming the path", async () => {
    const { res, body } = await raw("/v1/subscriptions?limit=3");
    expect(res.status).toBe(404);
    expect(body.error).toMatchObject({
      type: "invalid_request_error",
      message: expect.stringContaining("Unrecognized request URL (GET: /v1/subscriptions)"),
    });
    expect(res.headers.get("request-id")).toMatch(/^req_/);
  });

  it("missing objects, unknown and malformed parameters", async () => {
    await expect(t.stripe.paymentIntents.retrieve("pi_missing")).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
      param: "id",
      message: "No such PaymentIntent: 'pi_missing'",
    });
    const { res, body } = await raw("/v1/payment_intents", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "amount=1000&currency=usd&metdata[x]=1",
    });
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: "parameter_unknown", param: "metdata[x]" });
    await expect(
      t.stripe.paymentIntents.create({ amount: 1000 } as Stripe.PaymentIntentCreateParams),
    ).rejects.toMatchObject({
      code: "parameter_missing",
      param: "currency",
    });
    await expect(t.stripe.paymentIntents.create({ amount: 20, currency: "usd" })).rejects.toMatchObject({
      code: "amount_too_small",
    });
    await expect(
      t.stripe.paymentIntents.retrieve("pi_x", {
        expand: ["nothing_here"],
      } as Stripe.PaymentIntentRetrieveParams),
    ).rejects.toMatchObject({ statusCode: 404 });
    const pi = await t.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    await expect(t.stripe.paymentIntents.retrieve(pi.id, { expand: ["amount"] })).rejects.toMatchObject({
      statusCode: 400,
      param: "expand",
    });
  });

  it("a declined off-session charge is a 402 card_error carrying the PaymentIntent", async () => {
    const customer = await t.stripe.customers.create({});
    const error = (await t.stripe.paymentIntents
      .create({
        amount: 2500,
        currency: "usd",
        customer: customer.id,
        payment_method: "pm_card_chargeDeclinedInsufficientFunds",
        confirm: true,
        off_session: true,
      })
      .catch((e) => e)) as Stripe.errors.StripeCardError;
    expect(error.statusCode).toBe(402);
    expect(error.raw).toMatchObject({
      type: "card_error",
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Your card has insufficient funds.",
      doc_url: expect.stringContaining("card-declined"),
      charge: expect.stringMatching(/^ch_/),
    });
    expect(error.payment_intent).toMatchObject({
      object: "payment_intent",
      status: "requires_payment_method",
    });
  });
});

describe("currencies with special amount rules", () => {
  it("three-decimal amounts end in 0 and ISK amounts are whole krónur, for charges, Checkout lines and refunds", async () => {
    const customer = await t.stripe.customers.create({});
    const charge = (amount: number, currency: string) =>
      t.stripe.paymentIntents.create({
        amount,
        currency,
        customer: customer.id,
        payment_method: "pm_card_visa",
        confirm: true,
      });
    await expect(charge(5125, "kwd")).rejects.toMatchObject({ statusCode: 400, param: "amount" });
    const kwd = await charge(5120, "kwd");
    expect(kwd).toMatchObject({ status: "succeeded", amount: 5120 });
    await expect(charge(550, "isk")).rejects.toMatchObject({
      statusCode: 400,
      code: "invalid_charge_amount_no_decimal_compatible",
    });
    expect((await charge(500, "isk")).amount).toBe(500);
    // Zero-decimal and ordinary two-decimal currencies take any integer.
    expect((await charge(555, "jpy")).amount).toBe(555);
    expect((await charge(1_234_550, "huf")).amount).toBe(1_234_550);

    await expect(t.stripe.refunds.create({ payment_intent: kwd.id, amount: 15 })).rejects.toMatchObject({
      statusCode: 400,
      param: "amount",
    });
    expect((await t.stripe.refunds.create({ payment_intent: kwd.id, amount: 20 })).amount).toBe(20);

    await expect(
      t.stripe.checkout.sessions.create({
        mode: "payment",
        success_url: "https://example.com/ok",
        line_items: [
          { quantity: 1, price_data: { currency: "omr", unit_amount: 1005, product_data: { name: "A" } } },
          { quantity: 1, price_data: { currency: "omr", unit_amount: 1005, product_data: { name: "B" } } },
        ],
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "line_items[0][price_data][unit_amount]" });
  });
});

describe("idempotency", () => {
  it("replays the stored response for the same key and parameters", async () => {
    const key = `k-${Date.now()}`;
    const a = await t.stripe.paymentIntents.create(
      { amount: 1234, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      { idempotencyKey: key },
    );
    const b = await t.stripe.paymentIntents.create(
      { amount: 1234, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      { idempotencyKey: key },
    );
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const charges = await t.stripe.charges.list({ payment_intent: a.id });
    expect(charges.data).toHaveLength(1);
  });

  it("replays a card error too, and rejects the same key with other parameters", async () => {
    const key = `k2-${Date.now()}`;
    const params = { amount: 1500, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true };
    const first = (await t.stripe.paymentIntents
      .create(params, { idempotencyKey: key })
      .catch((e) => e)) as Stripe.errors.StripeError;
    const second = (await t.stripe.paymentIntents
      .create(params, { idempotencyKey: key })
      .catch((e) => e)) as Stripe.errors.StripeError;
    expect(second.statusCode).toBe(402);
    const body = (e: Stripe.errors.StripeError) => {
      const { headers: _h, requestId: _r, ...rest } = e.raw as Record<string, unknown>;
      return rest;
    };
    expect(body(second)).toEqual(body(first));
    expect(second.headers?.["idempotent-replayed"]).toBe("true");
    expect(second.headers?.["original-request"]).toBe(first.requestId);
    await expect(
      t.stripe.paymentIntents.create({ ...params, amount: 1600 }, { idempotencyKey: key }),
    ).rejects.toMatchObject({
      type: "StripeIdempotencyError",
      statusCode: 400,
      message: expect.stringContaining("same parameters"),
    });
  });

  it("does not store validation errors under the key", async () => {
    const key = `k3-${Date.now()}`;
    await expect(
      t.stripe.customers.create({ email: "x".repeat(600) }, { idempotencyKey: key }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    const ok = await t.stripe.customers.create(
      { email: "x".repeat(600).slice(0, 20) },
      { idempotencyKey: `${key}b` },
    );
    expect(ok.id).toMatch(/^cus_/);
  });
});

describe("lists", () => {
  it("paginate newest first with limit, starting_after, ending_before and created filters", async () => {
    const customer = await t.stripe.customers.create({ name: "Pager" });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        (await t.stripe.paymentIntents.create({ amount: 1000 + i, currency: "usd", customer: customer.id }))
          .id,
      );
    }
    const newestFirst = [...ids].reverse();
    const page1 = await t.stripe.paymentIntents.list({ customer: customer.id, limit: 3 });
    expect(page1).toMatchObject({ object: "list", has_more: true, url: "/v1/payment_intents" });
    expect(page1.data.map((p) => p.id)).toEqual(newestFirst.slice(0, 3));
    const page2 = await t.stripe.paymentIntents.list({
      customer: customer.id,
      limit: 3,
      starting_after: page1.data[2]!.id,
    });
    expect(page2.data.map((p) => p.id)).toEqual(newestFirst.slice(3, 6));
    const back = await t.stripe.paymentIntents.list({
      customer: customer.id,
      limit: 2,
      ending_before: page2.data[0]!.id,
    });
    expect(back.data.map((p) => p.id)).toEqual(newestFirst.slice(1, 3));

    const all: string[] = [];
    for await (const pi of t.stripe.paymentIntents.list({ customer: customer.id, limit: 2 })) all.push(pi.id);
    expect(all).toEqual(newestFirst);

    const created = (await t.stripe.paymentIntents.retrieve(ids[0]!)).created;
    const recent = await t.stripe.paymentIntents.list({ created: { gte: created }, limit: 100 });
    expect(recent.data.map((p) => p.id)).toEqual(expect.arrayContaining(ids));
    expect((await t.stripe.paymentIntents.list({ created: { gt: created + 3600 } })).data).toHaveLength(0);
    await expect(t.stripe.paymentIntents.list({ limit: 101 })).rejects.toMatchObject({ statusCode: 400 });
    await expect(t.stripe.paymentIntents.list({ starting_after: "pi_nope" })).rejects.toMatchObject({
      statusCode: 404,
      param: "starting_after",
    });
  });

  it("events filter by type and carry the SDK's API version", async () => {
    const pi = await paidIntent();
    const events = await t.stripe.events.list({ type: "payment_intent.succeeded", limit: 100 });
    const mine = events.data.find((e) => (e.data.object as Stripe.PaymentIntent).id === pi.id)!;
    expect(mine).toMatchObject({
      object: "event",
      api_version: Stripe.API_VERSION,
      livemode: false,
      type: "payment_intent.succeeded",
      request: { id: expect.stringMatching(/^req_/) },
    });
    expect(events.data.every((e) => e.type === "payment_intent.succeeded")).toBe(true);
    expect((await t.stripe.events.retrieve(mine.id)).id).toBe(mine.id);
    const wildcard = await t.stripe.events.list({ type: "charge.*", limit: 100 });
    expect(wildcard.data.length).toBeGreaterThan(0);
    expect(wildcard.data.every((e) => e.type.startsWith("charge."))).toBe(true);
  });
});

describe("customers and payment methods", () => {
  it("attaches, sets the default, detaches (clearing the default) and refuses reuse", async () => {
    const customer = await t.stripe.customers.create({
      email: "pm@example.com",
      metadata: { account: "A1" },
    });
    const pm = await t.stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id });
    expect(pm).toMatchObject({ customer: customer.id, card: { brand: "mastercard", last4: "4444" } });
    const updated = await t.stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: pm.id },
      metadata: { account: "", region: "eu" },
    });
    expect(updated.invoice_settings.default_payment_method).toBe(pm.id);
    expect(updated.metadata).toEqual({ region: "eu" });
    const expanded = await t.stripe.customers.retrieve(customer.id, {
      expand: ["invoice_settings.default_payment_method"],
    });
    expect(
      ((expanded as Stripe.Customer).invoice_settings.default_payment_method as Stripe.PaymentMethod).id,
    ).toBe(pm.id);

    const detached = await t.stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    const after = (await t.stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(after.invoice_settings.default_payment_method).toBeNull();
    await expect(
      t.stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: pm.id, confirm: true }),
    ).rejects.toMatchObject({ statusCode: 400, param: "payment_method" });
    await expect(
      t.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } }),
    ).rejects.toMatchObject({ param: "invoice_settings[default_payment_method]" });
  });

  it("cancels a PaymentIntent once, and refuses to cancel a succeeded one", async () => {
    const open = await t.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const canceled = await t.stripe.paymentIntents.cancel(open.id, {
      cancellation_reason: "requested_by_customer",
    });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer" });
    const paid = await paidIntent();
    await expect(t.stripe.paymentIntents.cancel(paid.id)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
    });
  });
});

describe("refunds", () => {
  it("start pending and succeed later, with refund.created, charge.refunded and refund.updated", async () => {
    const fast = await startTestSandbox({ refundSettleMs: 30 });
    try {
      const customer = await fast.stripe.customers.create({});
      const pi = await fast.stripe.paymentIntents.create({
        amount: 5000,
        currency: "usd",
        customer: customer.id,
        payment_method: "pm_card_visa",
        confirm: true,
      });
      const refund = await fast.stripe.refunds.create({
        payment_intent: pi.id,
        amount: 2000,
        reason: "requested_by_customer",
        metadata: { credit_memo: "CM-1" },
      });
      expect(refund).toMatchObject({
        status: "pending",
        amount: 2000,
        charge: pi.latest_charge,
        metadata: { credit_memo: "CM-1" },
      });
      const charge = await fast.stripe.charges.retrieve(pi.latest_charge as string);
      expect(charge).toMatchObject({ amount_refunded: 2000, refunded: false });
      await expect.poll(async () => (await fast.stripe.refunds.retrieve(refund.id)).status).toBe("succeeded");
      const types = (await fast.stripe.events.list({ limit: 100 })).data.map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(["refund.created", "charge.refunded", "refund.updated"]));
      const updated = (await fast.stripe.events.list({ type: "refund.updated" })).data[0]!;
      expect(updated.data.previous_attributes).toMatchObject({ status: "pending" });

      await expect(fast.stripe.refunds.create({ charge: charge.id, amount: 3001 })).rejects.toMatchObject({
        code: "amount_too_large",
        param: "amount",
      });
      await fast.stripe.refunds.create({ charge: charge.id });
      const full = await fast.stripe.charges.retrieve(charge.id);
      expect(full).toMatchObject({ amount_refunded: 5000, refunded: true });
      await expect(fast.stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
        code: "charge_already_refunded",
      });
      const listed = await fast.stripe.refunds.list({ payment_intent: pi.id });
      expect(listed.data).toHaveLength(2);
    } finally {
      await fast.close();
    }
  });

  it("fail through the control or the refund-fail card, giving the amount back to the charge", async () => {
    const pi = await paidIntent(4000);
    const refund = await t.stripe.refunds.create({ payment_intent: pi.id });
    const failed = await t.control.failRefund(refund.id);
    expect(failed).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    expect((await t.stripe.charges.retrieve(pi.latest_charge as string)).amount_refunded).toBe(0);
    const types = (await t.stripe.events.list({ limit: 20 })).data.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["refund.failed", "refund.updated"]));
    await expect(t.control.succeedRefund(refund.id)).rejects.toMatchObject({ status: 400 });
    await expect(t.control.failRefund(refund.id)).rejects.toMatchObject({ status: 400 });

    // A refund that succeeded can fail later: the amount goes back to the charge again.
    const later = await t.stripe.refunds.create({ payment_intent: pi.id, amount: 1500 });
    await t.control.succeedRefund(later.id);
    expect((await t.stripe.charges.retrieve(pi.latest_charge as string)).amount_refunded).toBe(1500);
    await expect(t.control.succeedRefund(later.id)).rejects.toMatchObject({ status: 400 });
    const returned = await t.control.failRefund(later.id, "lost_or_stolen_card");
    expect(returned).toMatchObject({ status: "failed", failure_reason: "lost_or_stolen_card" });
    expect((await t.stripe.refunds.retrieve(later.id)).status).toBe("failed");
    expect((await t.stripe.charges.retrieve(pi.latest_charge as string)).amount_refunded).toBe(0);

    const fast = await startTestSandbox({ refundSettleMs: 10 });
    try {
      const c = await fast.stripe.customers.create({});
      const pi2 = await fast.stripe.paymentIntents.create({
        amount: 4000,
        currency: "usd",
        customer: c.id,
        payment_method: "pm_card_refundFail",
        confirm: true,
      });
      const r2 = await fast.stripe.refunds.create({ payment_intent: pi2.id });
      await expect.poll(async () => (await fast.stripe.refunds.retrieve(r2.id)).status).toBe("failed");
      await fast.control.failNextRefunds(1);
      const pi3 = await fast.stripe.paymentIntents.create({
        amount: 4000,
        currency: "usd",
        customer: c.id,
        payment_method: "pm_card_visa",
        confirm: true,
      });
      const r3 = await fast.stripe.refunds.create({ payment_intent: pi3.id });
      await expect.poll(async () => (await fast.stripe.refunds.retrieve(r3.id)).status).toBe("failed");
    } finally {
      await fast.close();
    }
  });
});

describe("chargebacks (disputes)", () => {
  it("open → evidence → won, with created, funds_withdrawn, updated, closed and funds_reinstated", async () => {
    const pi = await paidIntent(7000);
    const dispute = await t.control.openChargeback(pi.latest_charge as string, {
      reason: "product_not_received",
    });
    expect(dispute).toMatchObject({
      object: "dispute",
      status: "needs_response",
      amount: 7000,
      reason: "product_not_received",
      payment_intent: pi.id,
    });
    expect(dispute.id).toMatch(/^dp_/);
    expect((await t.stripe.charges.retrieve(pi.latest_charge as string)).disputed).toBe(true);
    await expect(t.stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({
      code: "charge_disputed",
    });

    const updated = await t.stripe.disputes.update(dispute.id, {
      evidence: { uncategorized_text: "Delivered on 3 May" },
    });
    expect(updated).toMatchObject({
      status: "under_review",
      evidence: { uncategorized_text: "Delivered on 3 May" },
    });
    const won = await t.control.closeChargeback(dispute.id, "won");
    expect(won.status).toBe("won");
    expect((await t.stripe.disputes.retrieve(dispute.id)).balance_transactions).toHaveLength(2);

    const events = (await t.stripe.events.list({ type: "charge.dispute.*", limit: 100 })).data
      .filter((e) => (e.data.object as Stripe.Dispute).id === dispute.id)
      .map((e) => e.type)
      .reverse();
    expect(events).toEqual([
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
      "charge.dispute.updated",
      "charge.dispute.closed",
      "charge.dispute.funds_reinstated",
    ]);
    await expect(t.control.closeChargeback(dispute.id, "lost")).rejects.toMatchObject({ status: 400 });
  });

  it("lost through the control or accepted through the API (close)", async () => {
    const a = await paidIntent(3000);
    const d1 = await t.control.openChargeback(a.latest_charge as string);
    expect((await t.control.closeChargeback(d1.id, "lost")).status).toBe("lost");
    const b = await paidIntent(3000);
    const d2 = await t.control.openChargeback(b.latest_charge as string);
    expect((await t.stripe.disputes.close(d2.id)).status).toBe("lost");
    const listed = await t.stripe.disputes.list({ payment_intent: b.id });
    expect(listed.data.map((d) => d.id)).toEqual([d2.id]);
    const closed = (await t.stripe.events.list({ type: "charge.dispute.closed", limit: 10 })).data;
    expect(closed.map((e) => (e.data.object as Stripe.Dispute).id)).toEqual(
      expect.arrayContaining([d1.id, d2.id]),
    );
    const reinstated = (await t.stripe.events.list({ type: "charge.dispute.funds_reinstated", limit: 100 }))
      .data;
    expect(reinstated.map((e) => (e.data.object as Stripe.Dispute).id)).not.toContain(d1.id);
  });
});

describe("a second SDK client", () => {
  it("sees the same state (one account)", async () => {
    const other = testStripe(t.sandbox);
    const c = await t.stripe.customers.create({ name: "Shared" });
    expect((await other.customers.retrieve(c.id)).id).toBe(c.id);
  });
});
