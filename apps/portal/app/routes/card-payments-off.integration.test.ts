import { randomUUID } from "node:crypto";
import { configureCardPayments } from "@settle/domain/base/card-payments-switch";
import { getDb } from "@settle/domain/db/client";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { outcome } from "@settle/web/route-test.test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalCaller, signedInPayingCustomer } from "../route-test.test-support";
import { action as payAction, loader as payLoader } from "./pay-review";
import { action as methodsAction, loader as methodsLoader } from "./payment-methods";
import { loader as addedLoader } from "./payment-methods-added";
import { loader as outcomeLoader } from "./payment-outcome";
import { loader as layoutLoader } from "./signed-in-layout";

let customerId: string;
let invoiceId: string;
let payerCookie: string;
const call = portalCaller(() => ({ customerId }));
/** Every call here is the payer's. */
const args = <T>(url: string, form?: [string, string][], params?: Record<string, string>) =>
  call<T>(url, { cookie: payerCookie, ...(form ? { form } : {}), ...(params ? { params } : {}) });

beforeAll(async () => {
  // Nothing listens here: with card payments off nothing may call Stripe.
  configureStripe({ sandboxUrl: "http://127.0.0.1:9", maxNetworkRetries: 0, timeoutMs: 2000 });
  const account = await signedInPayingCustomer("Cards Off Portal Inc.", { invoices: 1 });
  ({ customerId, payerCookie } = account);
  invoiceId = account.invoices[0]!.id;
  configureCardPayments("switched-off");
});

afterAll(() => configureCardPayments(null));

describe("the portal with card payments off", () => {
  it("offers no payment controls: the payer's account says it cannot pay", async () => {
    const layout = await outcome(layoutLoader(args(`/accounts/${customerId}`)));
    const accounts = (layout.data as { accounts: { customerId: string; canPay: boolean }[] }).accounts;
    expect(accounts.find((a) => a.customerId === customerId)?.canPay).toBe(false);
  });

  it("answers the pay, saved card and autopay pages with a page that says card payments are off", async () => {
    // The pages' boundaries explain the reason; the forms say it in their words.
    const off = { code: "INVALID_STATE", reason: "card-payments-off" };
    const review = await outcome(payLoader(args(`/accounts/${customerId}/pay?id=${invoiceId}`)));
    expect(review).toMatchObject({ status: 409, data: off });
    const pay = await outcome(
      payAction(
        args(`/accounts/${customerId}/pay`, [
          ["idempotencyKey", randomUUID()],
          ["invoiceId", invoiceId],
          ["amount", "1.00"],
        ]),
      ),
    );
    expect(pay).toMatchObject({
      status: 409,
      data: {
        reply: {
          error: {
            "": [
              "Card payments are not offered in this portal at the moment. Your invoices and statements are still here; pay them as your invoices say.",
            ],
          },
        },
      },
    });
    expect(await getDb().paymentAttempt.count({ where: { customerId } })).toBe(0);

    expect(await outcome(methodsLoader(args(`/accounts/${customerId}/payment-methods`)))).toMatchObject({
      status: 409,
      data: off,
    });
    const addCard = await outcome(
      methodsAction(
        args(`/accounts/${customerId}/payment-methods`, [
          ["intent", "add-card"],
          ["idempotencyKey", randomUUID()],
        ]),
      ),
    );
    expect(addCard).toMatchObject({
      status: 409,
      data: {
        reply: {
          error: {
            "": [
              "Card payments are not offered in this portal at the moment, so cards and autopay cannot be changed.",
            ],
          },
        },
      },
    });
    expect(await getDb().savedCard.count({ where: { customerId } })).toBe(0);

    // Where Stripe sends payers back: a 503 page worded for it, not a 500.
    const returned = await outcome(
      outcomeLoader(args(`/accounts/${customerId}/payments/x`, undefined, { attemptId: randomUUID() })),
    );
    expect(returned).toMatchObject({
      status: 503,
      data: { messageKey: "payments:errors.card-payments-off" },
    });
    const added = await outcome(
      addedLoader(args(`/accounts/${customerId}/payment-methods/added?session_id=cs_test_x`)),
    );
    expect(added).toMatchObject({ status: 503, data: { messageKey: "payments:errors.card-payments-off" } });
    // Another account stays a plain 404.
    const foreign = await outcome(
      outcomeLoader(
        args(`/accounts/x/payments/x`, undefined, { customerId: randomUUID(), attemptId: randomUUID() }),
      ),
    );
    expect(foreign.status).toBe(404);
  });
});
