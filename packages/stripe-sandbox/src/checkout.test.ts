import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardForm, postForm, startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
let customer: Stripe.Customer;
beforeAll(async () => {
  t = await startTestSandbox({ merchantName: "Acme Receivables" });
  customer = await t.stripe.customers.create({ email: "ap@example.com", name: "Buyer Ltd" });
});
afterAll(() => t.close());

const SUCCESS = "http://127.0.0.1:3999/pay/return?session={CHECKOUT_SESSION_ID}";
const CANCEL = "http://127.0.0.1:3999/pay/cancel";

function paymentSession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return t.stripe.checkout.sessions.create({
    mode: "payment",
    customer: customer.id,
    client_reference_id: "acct_42",
    success_url: SUCCESS,
    cancel_url: CANCEL,
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "usd", unit_amount: 120000, product_data: { name: "Invoice INV-1001" } },
      },
      {
        quantity: 3,
        price_data: { currency: "usd", unit_amount: 2550, product_data: { name: "Late fee <b>" } },
      },
    ],
    metadata: { invoices: "INV-1001" },
    payment_intent_data: { metadata: { invoices: "INV-1001" } },
    ...extra,
  });
}

async function eventTypesFor(objectId: string): Promise<string[]> {
  const events = await t.stripe.events.list({ limit: 100 });
  return events.data
    .filter((e) => JSON.stringify(e.data.object).includes(objectId))
    .map((e) => e.type)
    .reverse();
}

describe("hosted checkout, payment mode", () => {
  it("shows the merchant, escaped line items and the Intl-formatted total in an accessible form", async () => {
    const session = await paymentSession({ locale: "de" });
    expect(session.url).toBe(`${t.sandbox.url}/c/pay/${session.id}`);
    expect(session.amount_total).toBe(127650);
    expect(session.payment_intent).toBeNull();
    const res = await fetch(session.url!);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' http://127.0.0.1:3999");
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("Acme Receivables");
    expect(html).toContain("Late fee &lt;b&gt;");
    expect(html).toContain(
      new Intl.NumberFormat("de", { style: "currency", currency: "USD" }).format(1276.5),
    );
    for (const id of ["email", "number", "exp", "cvc", "name"]) {
      expect(html).toMatch(new RegExp(`<label for="${id}">`));
      expect(html).toMatch(new RegExp(`<input id="${id}"`));
    }
    expect(html).toContain(`href="${CANCEL}"`);
    expect(html).toContain(":focus-visible");
  });

  it("a successful card redirects to success_url with the session id and completes everything", async () => {
    const session = await paymentSession();
    const res = await postForm(session.url!, cardForm("4242 4242 4242 4242"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(SUCCESS.replace("{CHECKOUT_SESSION_ID}", session.id));

    const done = await t.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    expect(done).toMatchObject({
      status: "complete",
      payment_status: "paid",
      client_reference_id: "acct_42",
    });
    expect(done.customer_details).toMatchObject({ email: "ap@example.com", name: "Ada Payer" });
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      status: "succeeded",
      amount: 127650,
      amount_received: 127650,
      customer: customer.id,
    });
    expect(pi.metadata).toEqual({ invoices: "INV-1001" });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({
      object: "charge",
      status: "succeeded",
      paid: true,
      payment_intent: pi.id,
    });
    expect(charge.payment_method_details?.card?.last4).toBe("4242");
    expect(await eventTypesFor(session.id)).toContain("checkout.session.completed");
    expect(await eventTypesFor(pi.id)).toEqual(
      expect.arrayContaining(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded"]),
    );
    // Paying again is not possible; the page says so.
    const again = await fetch(session.url!);
    expect(await again.text()).toContain("already been paid");
  });

  it.each([
    ["4000 0000 0000 0002", "generic_decline", "Your card was declined."],
    ["4000 0000 0000 9995", "insufficient_funds", "Your card has insufficient funds."],
  ])(
    "card %s is declined (%s): the page stays, the PaymentIntent records the error, another card works",
    async (number, declineCode, message) => {
      const session = await paymentSession();
      const res = await postForm(session.url!, cardForm(number));
      expect(res.status).toBe(402);
      const html = await res.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain(message);
      expect(html).toContain('value="ap@example.com"');

      const open = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
      expect(open.status).toBe("open");
      const pi = open.payment_intent as Stripe.PaymentIntent;
      expect(pi.status).toBe("requires_payment_method");
      expect(pi.last_payment_error).toMatchObject({
        type: "card_error",
        code: "card_declined",
        decline_code: declineCode,
        message,
      });
      const failed = await t.stripe.charges.retrieve(pi.latest_charge as string);
      expect(failed).toMatchObject({
        status: "failed",
        failure_code: "card_declined",
        outcome: { reason: declineCode },
      });
      expect(await eventTypesFor(pi.id)).toEqual(
        expect.arrayContaining(["charge.failed", "payment_intent.payment_failed"]),
      );

      const retry = await postForm(session.url!, cardForm("4242424242424242"));
      expect(retry.status).toBe(303);
      const paid = await t.stripe.paymentIntents.retrieve(pi.id);
      expect(paid.status).toBe("succeeded");
      expect(paid.last_payment_error).toBeNull();
    },
  );

  it("validates fields with labelled errors and rejects non-test cards", async () => {
    const session = await paymentSession();
    const bad = await postForm(session.url!, {
      email: "nope",
      number: "4242424242424241",
      exp: "13/30",
      cvc: "1",
      name: "",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="number-error"');
    expect(html).toContain("Your card number is invalid.");
    expect(html).toContain("Your email address is invalid.");
    expect(html).toContain("expiration month is invalid");
    const real = await postForm(session.url!, cardForm("5105105105105100"));
    expect(real.status).toBe(402);
    expect(await real.text()).toContain("used a non test card");
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).payment_intent).toBeNull();
  });

  it("3-D Secure: Complete pays, Fail records payment_intent_authentication_failure", async () => {
    const session = await paymentSession();
    const res = await postForm(session.url!, cardForm("4000002500003155"));
    expect(res.status).toBe(303);
    const challengeUrl = `${t.sandbox.url}${res.headers.get("location")}`;
    expect(challengeUrl).toBe(`${session.url}/authenticate`);
    const challenge = await (await fetch(challengeUrl)).text();
    expect(challenge).toContain('value="complete"');
    expect(challenge).toContain('value="fail"');
    const pending = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect((pending.payment_intent as Stripe.PaymentIntent).status).toBe("requires_action");

    const failed = await postForm(challengeUrl, { action: "fail" });
    expect(failed.status).toBe(402);
    expect(await failed.text()).toContain("failed authentication");
    const pi = await t.stripe.paymentIntents.retrieve((pending.payment_intent as Stripe.PaymentIntent).id);
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error?.code).toBe("payment_intent_authentication_failure");

    const again = await postForm(session.url!, cardForm("4000002760003184"));
    expect(again.headers.get("location")).toBe(`/c/pay/${session.id}/authenticate`);
    const completed = await postForm(challengeUrl, { action: "complete" });
    expect(completed.status).toBe(303);
    expect(completed.headers.get("location")).toContain(session.id);
    const paid = await t.stripe.paymentIntents.retrieve(pi.id, { expand: ["latest_charge"] });
    expect(paid.status).toBe("succeeded");
    expect((paid.latest_charge as Stripe.Charge).payment_method_details?.card?.three_d_secure?.result).toBe(
      "authenticated",
    );
    expect(await eventTypesFor(pi.id)).toContain("payment_intent.requires_action");
  });

  it("the dispute test card pays and then opens a chargeback", async () => {
    const session = await paymentSession();
    await postForm(session.url!, cardForm("4000000000000259"));
    const { payment_intent } = await t.stripe.checkout.sessions.retrieve(session.id);
    const pi = await t.stripe.paymentIntents.retrieve(payment_intent as string);
    await expect
      .poll(async () => (await t.stripe.disputes.list({ payment_intent: pi.id })).data.length)
      .toBe(1);
    const charge = await t.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.disputed).toBe(true);
  });

  it("expires: on request, with checkout.session.expired, an expired page and the PaymentIntent canceled", async () => {
    const session = await paymentSession();
    await postForm(session.url!, cardForm("4000000000000002"));
    const expired = await t.stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    const page = await fetch(session.url!);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("expired");
    const pi = await t.stripe.paymentIntents.retrieve(expired.payment_intent as string);
    expect(pi).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    expect(await eventTypesFor(session.id)).toContain("checkout.session.expired");
    await expect(t.stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it("expires on its own at expires_at (clock control)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const session = await paymentSession({ expires_at: now + 31 * 60 });
    await t.control.advanceClock(32 * 60);
    await expect
      .poll(async () => (await t.stripe.checkout.sessions.retrieve(session.id)).status)
      .toBe("expired");
  });

  it("rejects what Stripe rejects: unknown locale, bad expires_at, missing line items, price ids", async () => {
    await expect(
      paymentSession({ locale: "ar" as Stripe.Checkout.SessionCreateParams.Locale }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "locale",
    });
    await expect(paymentSession({ expires_at: Math.floor(Date.now() / 1000) + 60 })).rejects.toMatchObject({
      param: "expires_at",
    });
    await expect(
      t.stripe.checkout.sessions.create({ mode: "payment", success_url: SUCCESS, line_items: [] }),
    ).rejects.toMatchObject({ code: "parameter_missing", param: "line_items" });
    await expect(paymentSession({ line_items: [{ price: "price_123", quantity: 1 }] })).rejects.toMatchObject(
      {
        statusCode: 404,
        code: "resource_missing",
      },
    );
    await expect(
      paymentSession({
        line_items: [
          { quantity: 1, price_data: { currency: "usd", unit_amount: 10, product_data: { name: "x" } } },
        ],
      }),
    ).rejects.toMatchObject({ code: "amount_too_small" });
  });

  it("lists sessions by customer and payment intent, and their line items", async () => {
    const session = await paymentSession();
    const items = await t.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data.map((li) => [li.description, li.quantity, li.amount_total])).toEqual([
      ["Invoice INV-1001", 1, 120000],
      ["Late fee <b>", 3, 7650],
    ]);
    const listed = await t.stripe.checkout.sessions.list({ customer: customer.id, limit: 100 });
    expect(listed.data[0]!.id).toBe(session.id);
    expect(listed.data.every((s) => s.customer === customer.id)).toBe(true);
  });
});

describe("saving a card (setup mode) and charging it off-session", () => {
  async function saveCard(number: string, authenticate?: "complete") {
    const c = await t.stripe.customers.create({ email: `${number}@example.com` });
    const session = await t.stripe.checkout.sessions.create({
      mode: "setup",
      customer: c.id,
      currency: "usd",
      success_url: SUCCESS,
      cancel_url: CANCEL,
    });
    const res = await postForm(session.url!, cardForm(number));
    if (authenticate) {
      expect(res.headers.get("location")).toBe(`/c/pay/${session.id}/authenticate`);
      const done = await postForm(`${session.url}/authenticate`, { action: authenticate });
      expect(done.status).toBe(303);
    } else {
      expect(res.status).toBe(303);
    }
    const completed = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
    expect(completed).toMatchObject({ status: "complete", payment_status: "no_payment_required" });
    const si = completed.setup_intent as Stripe.SetupIntent;
    expect(si).toMatchObject({ status: "succeeded", customer: c.id, usage: "off_session" });
    return { customer: c, paymentMethod: si.payment_method as string };
  }

  it("saves a card, which then pays off-session (autopay)", async () => {
    const { customer: c, paymentMethod } = await saveCard("4242424242424242");
    const methods = await t.stripe.customers.listPaymentMethods(c.id);
    expect(methods.data.map((m) => m.id)).toEqual([paymentMethod]);
    expect((await t.stripe.paymentMethods.list({ customer: c.id, type: "card" })).data).toHaveLength(1);
    await t.stripe.customers.update(c.id, { invoice_settings: { default_payment_method: paymentMethod } });

    const pi = await t.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      customer: c.id,
      payment_method: paymentMethod,
      confirm: true,
      off_session: true,
      metadata: { plan: "p1" },
    });
    expect(pi).toMatchObject({ status: "succeeded", amount_received: 5000, payment_method: paymentMethod });
    expect(await eventTypesFor(paymentMethod)).toEqual(
      expect.arrayContaining(["setup_intent.succeeded", "payment_method.attached"]),
    );
  });

  it("a card that needs 3-D Secure once works off-session after an authenticated set-up", async () => {
    const { customer: c, paymentMethod } = await saveCard("4000002500003155", "complete");
    const pi = await t.stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      customer: c.id,
      payment_method: paymentMethod,
      confirm: true,
      off_session: true,
    });
    expect(pi.status).toBe("succeeded");
  });

  it("a card that always needs 3-D Secure fails off-session with authentication_required", async () => {
    const { customer: c, paymentMethod } = await saveCard("4000002760003184", "complete");
    const error = await t.stripe.paymentIntents
      .create({
        amount: 5000,
        currency: "usd",
        customer: c.id,
        payment_method: paymentMethod,
        confirm: true,
        off_session: true,
      })
      .catch((e: Stripe.errors.StripeError) => e);
    expect(error).toMatchObject({
      type: "StripeCardError",
      statusCode: 402,
      code: "authentication_required",
      decline_code: "authentication_required",
    });
    const pi = (error as Stripe.errors.StripeCardError).payment_intent!;
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error?.code).toBe("authentication_required");
    expect((await t.stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
  });

  it("a declining card cannot be saved; the 0341 card saves but its charges decline", async () => {
    const c = await t.stripe.customers.create({});
    const session = await t.stripe.checkout.sessions.create({
      mode: "setup",
      customer: c.id,
      currency: "usd",
      success_url: SUCCESS,
    });
    const res = await postForm(session.url!, cardForm("4000000000000002"));
    expect(res.status).toBe(402);
    expect((await t.stripe.customers.listPaymentMethods(c.id)).data).toHaveLength(0);

    const { customer: c2, paymentMethod } = await saveCard("4000000000000341");
    await expect(
      t.stripe.paymentIntents.create({
        amount: 900,
        currency: "usd",
        customer: c2.id,
        payment_method: paymentMethod,
        confirm: true,
        off_session: true,
      }),
    ).rejects.toMatchObject({ code: "card_declined", decline_code: "generic_decline" });
  });
});
