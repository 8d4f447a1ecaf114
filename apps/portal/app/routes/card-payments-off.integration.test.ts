import { randomUUID } from "node:crypto";
import { startSession } from "@settle/domain/auth/start-session";
import { configureCardPayments } from "@settle/domain/base/card-payments-switch";
import { getDb } from "@settle/domain/db/client";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "@settle/domain/seed/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfTokenFor } from "../csrf.server";
import { sessionCookieFor } from "../session.server";
import { action as payAction, loader as payLoader } from "./pay-review";
import { action as methodsAction, loader as methodsLoader } from "./payment-methods";
import { loader as addedLoader } from "./payment-methods-added";
import { loader as outcomeLoader } from "./payment-outcome";
import { loader as layoutLoader } from "./signed-in-layout";

const BASE = "http://127.0.0.1:3000";
let customerId: string;
let invoiceId: string;
let payerCookie: string;

function args<T>(url: string, form?: [string, string][], params: Record<string, string> = {}) {
  const headers = new Headers({ origin: BASE, "sec-fetch-site": "same-origin" });
  let body: FormData | undefined;
  let cookies = payerCookie;
  if (form) {
    const csrf = csrfTokenFor(new Request(BASE, { headers: { cookie: payerCookie } }));
    if (csrf.setCookie) cookies = `${payerCookie}; ${csrf.setCookie.split(";")[0]}`;
    body = new FormData();
    body.append("csrf", csrf.token);
    for (const [k, v] of form) body.append(k, v);
  }
  headers.set("cookie", cookies);
  const request = new Request(`${BASE}${url}`, { method: body ? "POST" : "GET", headers, body });
  return { request, params: { customerId, ...params }, context: { clientAddress: "127.0.0.9" } } as T;
}

/** A thrown or returned Response, or data() with its status. */
async function settle(run: Promise<unknown>) {
  let result: unknown;
  try {
    result = await run;
  } catch (error) {
    result = error;
  }
  if (result instanceof Response) return { status: result.status, data: null };
  const wrapped = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (wrapped?.type === "DataWithResponseInit") {
    return { status: wrapped.init?.status ?? 200, data: wrapped.data as Record<string, unknown> };
  }
  return { status: 200, data: result as Record<string, unknown> };
}

beforeAll(async () => {
  // Nothing listens here: with card payments off nothing may call Stripe.
  configureStripe({ sandboxUrl: "http://127.0.0.1:9", maxNetworkRetries: 0, timeoutMs: 2000 });
  const db = getDb();
  const entity = await createLegalEntity(db, { name: "Cards Off Portal Inc." });
  customerId = (await createCustomer(db, { legalEntityId: entity.id })).id;
  invoiceId = (await createInvoiceForCustomer(db, customerId)).id;
  const user = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 6)}@route.example`,
    memberships: [{ customerId, role: "PAYER" }],
  });
  const { token, expiresAt } = await startSession({ app: "PORTAL", userId: user.id });
  payerCookie = sessionCookieFor(token, expiresAt).split(";")[0]!;
  configureCardPayments("switched-off");
});

afterAll(() => configureCardPayments(null));

describe("the portal with card payments off", () => {
  it("offers no payment controls: the payer's account says it cannot pay", async () => {
    const layout = await settle(layoutLoader(args(`/accounts/${customerId}`)));
    const accounts = (layout.data as { accounts: { customerId: string; canPay: boolean }[] }).accounts;
    expect(accounts.find((a) => a.customerId === customerId)?.canPay).toBe(false);
  });

  it("answers the pay, saved card and autopay pages with a page that says card payments are off", async () => {
    // The pages' boundaries explain the reason; the forms say it in their words.
    const off = { code: "INVALID_STATE", reason: "card-payments-off" };
    const review = await settle(payLoader(args(`/accounts/${customerId}/pay?id=${invoiceId}`)));
    expect(review).toMatchObject({ status: 409, data: off });
    const pay = await settle(
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

    expect(await settle(methodsLoader(args(`/accounts/${customerId}/payment-methods`)))).toMatchObject({
      status: 409,
      data: off,
    });
    const addCard = await settle(
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
    const outcome = await settle(
      outcomeLoader(args(`/accounts/${customerId}/payments/x`, undefined, { attemptId: randomUUID() })),
    );
    expect(outcome).toMatchObject({
      status: 503,
      data: { messageKey: "payments:errors.card-payments-off" },
    });
    const added = await settle(
      addedLoader(args(`/accounts/${customerId}/payment-methods/added?session_id=cs_test_x`)),
    );
    expect(added).toMatchObject({ status: 503, data: { messageKey: "payments:errors.card-payments-off" } });
    // Another account stays a plain 404.
    const foreign = await settle(
      outcomeLoader(
        args(`/accounts/x/payments/x`, undefined, { customerId: randomUUID(), attemptId: randomUUID() }),
      ),
    );
    expect(foreign.status).toBe(404);
  });
});
