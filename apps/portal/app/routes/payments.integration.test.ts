import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@settle/domain/db/client";
import { toDecimalString } from "@settle/domain/money/money";
import {
  type PayingCustomer,
  useStripeSandbox as sandboxForThisFile,
} from "@settle/domain/payments/stripe-test-setup.test-support";
import { outcome } from "@settle/web/route-test.test-support";
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import {
  PORTAL_BASE,
  portalCaller,
  signedInMember,
  signedInPayingCustomer,
} from "../route-test.test-support";
import { stripeWebhookHandler } from "../stripe-webhook.server";
import { action as payAction, loader as payLoader } from "./pay-review";
import { loader as outcomeLoader } from "./payment-outcome";
import { action as webhook } from "./stripe-webhook";

const SECRET = "whsec_portal_route_tests";
// (Not a React hook: it starts the sandbox for this file's tests; no webhooks reach them.)
const stripeSandbox = sandboxForThisFile({ secret: SECRET });
let customerId: string;
let invoices: PayingCustomer["invoices"];
let payerCookie: string;
let viewerCookie: string;
const call = portalCaller(() => ({ customerId }));

beforeAll(async () => {
  const account = await signedInPayingCustomer("Route Test Supplies Inc.", { invoices: 2 });
  ({ customerId, invoices, payerCookie } = account);
  viewerCookie = (await signedInMember(customerId, "VIEWER")).cookie;
});

describe("paying from the portal", () => {
  it("reviews the chosen invoices, goes to Stripe, and shows the recorded payment on return", async () => {
    const [one, two] = invoices as [(typeof invoices)[0], (typeof invoices)[0]];
    const review = await outcome(
      payLoader(call(`/accounts/${customerId}/pay?id=${one.id}&id=${two.id}`, { cookie: payerCookie })),
    );
    expect(review.status).toBe(200);
    const value = review.data as { idempotencyKey: string; review: { totalOpen: bigint } };
    expect(value.review.totalOpen).toBe(one.amount + two.amount);

    const partial = two.amount - 100n;
    const submitted = await outcome(
      payAction(
        call(`/accounts/${customerId}/pay`, {
          cookie: payerCookie,
          form: [
            ["idempotencyKey", value.idempotencyKey],
            ["invoiceId", one.id],
            ["amount", toDecimalString(one.amount, "USD")],
            ["invoiceId", two.id],
            ["amount", toDecimalString(partial, "USD")],
          ],
        }),
      ),
    );
    expect(submitted.status).toBe(302);
    expect(submitted.location).toMatch(new RegExp(`^${stripeSandbox.server.url}/c/pay/cs_`));

    const sessionId = submitted.location!.split("/").pop()!;
    const paid = await stripeSandbox.control.payCheckout(sessionId, { card: "4242424242424242" });
    const back = new URL(paid.redirectUrl!);
    // No webhook reaches this test: the return page records the payment itself.
    const page = await outcome(
      outcomeLoader(
        call(`${back.pathname}${back.search}`, {
          cookie: payerCookie,
          params: { attemptId: back.pathname.split("/").pop()! },
        }),
      ),
    );
    const payment = (page.data as { payment: { status: string; invoices: { openAmount: bigint }[] } })
      .payment;
    expect(payment.status).toBe("SUCCEEDED");
    expect(payment.invoices.map((i) => i.openAmount).sort()).toEqual([0n, 100n]);
  });

  it("answers tampered amounts with a reason and no Stripe call, and viewers with 403", async () => {
    const before = (await stripeSandbox.control.requests({ method: "POST", path: "/v1/checkout/sessions" }))
      .length;
    const tampered = await outcome(
      payAction(
        call(`/accounts/${customerId}/pay`, {
          cookie: payerCookie,
          form: [
            ["idempotencyKey", randomUUID()],
            ["invoiceId", invoices[1]!.id],
            ["amount", "-1"],
          ],
        }),
      ),
    );
    expect(tampered.status).toBe(400);
    expect((tampered.data as { reply: { error?: object } }).reply.error).toEqual({
      "": [`The amount for ${invoices[1]!.number} must be more than zero.`],
    });
    // More invoices than one payment takes: the form's field says so, before any use case runs.
    const tooMany = await outcome(
      payAction(
        call(`/accounts/${customerId}/pay`, {
          cookie: payerCookie,
          form: [
            ["idempotencyKey", randomUUID()],
            ...Array.from({ length: 51 }, (): [string, string] => ["invoiceId", invoices[1]!.id]),
          ],
        }),
      ),
    );
    expect(tooMany.status).toBe(400);
    expect((tooMany.data as { reply: { error?: object } }).reply.error).toEqual({
      invoiceId: ["You can pay at most 50 invoices at once."],
    });
    const viewer = await outcome(
      payLoader(call(`/accounts/${customerId}/pay?id=${invoices[1]!.id}`, { cookie: viewerCookie })),
    );
    expect(viewer).toMatchObject({ status: 403, data: { code: "FORBIDDEN", reason: "payers-only" } });
    expect(
      (await stripeSandbox.control.requests({ method: "POST", path: "/v1/checkout/sessions" })).length,
    ).toBe(before);
  });
});

/** The production server's direct handler, on a loopback port of its own. */
async function directPost(body: string, signature: string | null): Promise<Response> {
  const server = http.createServer((req, res) => stripeWebhookHandler.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await fetch(`http://127.0.0.1:${port}${stripeWebhookHandler.path}`, {
      method: "POST",
      body,
      headers: signature === null ? {} : { "stripe-signature": signature },
    }).then(async (r) => new Response(await r.text(), { status: r.status }));
  } finally {
    server.close();
  }
}

const routePost = (body: string, signature: string | null) =>
  webhook({
    request: new Request(`${PORTAL_BASE}/webhooks/stripe`, {
      method: "POST",
      body,
      headers: signature === null ? {} : { "stripe-signature": signature },
    }),
    params: {},
    context: {},
  } as never);

describe.each([
  ["the Stripe webhook route (dev server)", routePost],
  ["the Stripe webhook handler (production server)", directPost],
])("%s", (_name, post) => {
  it("refuses a body larger than any Stripe event with 413 and stores nothing", async () => {
    const response = await post(`{"id":"evt_big","pad":"${"x".repeat(600 * 1024)}"}`, "t=1,v1=00");
    expect(response.status).toBe(413);
    expect(await getDb().stripeEvent.count({ where: { id: "evt_big" } })).toBe(0);
  });

  it("answers 400 to forged, stale and missing signatures and stores nothing", async () => {
    const stripe = new Stripe("sk_test_x");
    const id = `evt_route_forged_${randomUUID().slice(0, 8)}`;
    const payload = JSON.stringify({
      id,
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: "pi_x", object: "payment_intent" } },
      livemode: false,
    });
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" });
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    for (const signature of [forged, stale, null]) expect((await post(payload, signature)).status).toBe(400);
    expect(await getDb().stripeEvent.count({ where: { id } })).toBe(0);
  });

  it("stores a signed event once; the replay is a no-op", async () => {
    const stripe = new Stripe("sk_test_x");
    const payload = JSON.stringify({
      id: `evt_route_${randomUUID().slice(0, 8)}`,
      object: "event",
      type: "customer.created",
      data: { object: { id: "cus_x", object: "customer" } },
      livemode: false,
    });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const first = await post(payload, signature);
    const second = await post(payload, signature);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toMatchObject({ duplicate: true });
  });
});
