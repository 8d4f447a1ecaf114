import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createCreditForCustomer, createLegalEntity } from "../seed/factories.ts";
import { getCardPayment } from "./get-card-payment.ts";
import { drainStripeInbox, processStripeEvent } from "./process-stripe-inbox.ts";
import { recordCardPayments } from "./record-card-payment.ts";
import { reviewCardPayment } from "./review-card-payment.ts";
import { startCardPayment } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";
import {
  createPayingCustomer,
  type PayingCustomer,
  useStripeSandbox,
} from "./stripe-test-setup.test-support.ts";
import { sweepCardPayments } from "./sweep-card-payments.ts";

const SECRET = "whsec_card_payment_tests";
const stripeSandbox = useStripeSandbox({ secret: SECRET, webhooks: "processed", isolateTests: true });

const PORTAL_URL = new URL("http://127.0.0.1:9/");
/** A clock an hour ahead: the inbox retries events whose backoff has not run out yet. */
const later = () => new Date(Date.now() + 3_600_000);
let entityId: string;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Northwind Supply Inc." })).id;
});

type Account = PayingCustomer;

function account(invoiceCount = 2, role: "PAYER" | "ADMIN" | "VIEWER" = "PAYER"): Promise<Account> {
  return createPayingCustomer({ legalEntityId: entityId, invoices: invoiceCount, role });
}

const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`;

function start(a: Account, allocations: { invoiceId: string; amount: string }[], key = randomUUID()) {
  return startCardPayment({ customerId: a.customerId, idempotencyKey: key, allocations }, a.payer, {
    portalUrl: PORTAL_URL,
  });
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return String(error.details?.reason ?? error.code);
  }
}

async function openAmounts(ids: string[]) {
  const rows = await getDb().openItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, openAmount: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)!.openAmount);
}

async function paymentsFor(customerId: string) {
  return getDb().openItem.findMany({
    where: { customerId, kind: "PAYMENT", paymentMethod: "CARD" },
    include: { creditsApplied: true },
  });
}

async function countSessionCreates(): Promise<number> {
  return (await stripeSandbox.control.requests({ method: "POST", path: "/v1/checkout/sessions" })).length;
}

function sessionIdOf(url: string): string {
  return url.split("/").pop()!;
}

describe("reviewing and starting a card payment", () => {
  it("refuses tampered amounts and invoices on the server, and charges nothing", async () => {
    const a = await account(2);
    const other = await account(1);
    const [one, two] = a.invoices as [Account["invoices"][0], Account["invoices"][0]];
    const before = await countSessionCreates();
    const cases: [string, { invoiceId: string; amount: string }[]][] = [
      ["amount-not-positive", [{ invoiceId: one.id, amount: "-5.00" }]],
      ["amount-not-positive", [{ invoiceId: one.id, amount: "0" }]],
      ["amount-invalid", [{ invoiceId: one.id, amount: "1e3" }]],
      ["amount-invalid", [{ invoiceId: one.id, amount: "10.001" }]],
      ["amount-too-high", [{ invoiceId: one.id, amount: decimal(one.amount + 1n) }]],
      ["unknown-invoice", [{ invoiceId: other.invoices[0]!.id, amount: "1.00" }]],
      ["unknown-invoice", [{ invoiceId: "not-a-uuid", amount: "1.00" }]],
      ["no-invoices", []],
      [
        "duplicate-invoice",
        [
          { invoiceId: two.id, amount: "1.00" },
          { invoiceId: two.id, amount: "1.00" },
        ],
      ],
    ];
    for (const [reason, allocations] of cases) {
      expect(await refusal(start(a, allocations)), JSON.stringify(allocations)).toBe(reason);
    }

    // Another currency on the same account.
    const eur = await getDb().openItem.create({
      data: {
        customerId: a.customerId,
        legalEntityId: entityId,
        kind: "INVOICE",
        number: `EUR-${randomUUID().slice(0, 8)}`,
        currency: "EUR",
        amount: 5000n,
        openAmount: 5000n,
        documentDate: new Date("2026-01-01"),
      },
    });
    const mixed = [
      { invoiceId: one.id, amount: "1.00" },
      { invoiceId: eur.id, amount: "1.00" },
    ];
    expect(await refusal(start(a, mixed))).toBe("mixed-currencies");
    expect(
      await refusal(reviewCardPayment({ customerId: a.customerId, invoiceIds: [one.id, eur.id] }, a.payer)),
    ).toBe("mixed-currencies");

    // Already paid.
    const credit = await createCreditForCustomer(getDb(), a.customerId, { amount: two.amount });
    await applyCredit(
      { creditItemId: credit.id, debitItemId: two.id, amount: two.amount },
      { kind: "system", name: "test" },
    );
    expect(await refusal(start(a, [{ invoiceId: two.id, amount: "1.00" }]))).toBe("already-paid");

    // Viewers may look but not pay; other accounts are not found.
    const viewer = await account(1, "VIEWER");
    expect(await refusal(start(viewer, [{ invoiceId: viewer.invoices[0]!.id, amount: "1.00" }]))).toBe(
      "payers-only",
    );
    expect(
      await refusal(
        startCardPayment(
          { customerId: other.customerId, idempotencyKey: randomUUID(), allocations: [] },
          a.payer,
          { portalUrl: PORTAL_URL },
        ),
      ),
    ).toBe("NOT_FOUND");

    expect(await countSessionCreates()).toBe(before);
    expect(await getDb().paymentAttempt.count({ where: { customerId: a.customerId } })).toBe(0);
  });

  it("makes one attempt and one Checkout Session however often the same form is sent", async () => {
    const a = await account(1);
    const key = randomUUID();
    const allocations = [{ invoiceId: a.invoices[0]!.id, amount: "10.00" }];
    const results = await Promise.all([start(a, allocations, key), start(a, allocations, key)]);
    const again = await start(a, allocations, key);
    expect(new Set([...results, again].map((r) => r.attemptId)).size).toBe(1);
    expect(new Set([...results, again].map((r) => r.checkoutUrl)).size).toBe(1);
    expect(await refusal(start(a, [{ invoiceId: a.invoices[0]!.id, amount: "11.00" }], key))).toBe(
      "form-used",
    );
    const session = await new Stripe(
      "sk_test_x",
      stripeSandbox.server.stripeConfig(),
    ).checkout.sessions.retrieve(sessionIdOf(again.checkoutUrl!));
    expect(session).toMatchObject({ mode: "payment", amount_total: 1000, currency: "usd" });
    expect(session.metadata).toMatchObject({
      settle_attempt_id: again.attemptId,
      settle_customer_id: a.customerId,
    });
  });

  it("tells the payer to try again when Stripe fails, and the retry makes no second session", async () => {
    const a = await account(1);
    const key = randomUUID();
    const allocations = [{ invoiceId: a.invoices[0]!.id, amount: "12.34" }];
    // The session is created but the answer is lost.
    await stripeSandbox.control.failNext({ method: "POST", path: "/v1/checkout/sessions", when: "after" });
    expect(await refusal(start(a, allocations, key))).toBe("payment-service-unavailable");
    const retried = await start(a, allocations, key);
    const sessions = await new Stripe(
      "sk_test_x",
      stripeSandbox.server.stripeConfig(),
    ).checkout.sessions.list({
      limit: 100,
    });
    expect(sessions.data.filter((s) => s.metadata?.settle_attempt_id === retried.attemptId)).toHaveLength(1);
  });
});

describe("recording card payments exactly once", () => {
  it("pays two invoices, one partly, and applies exactly the chosen amounts", async () => {
    const a = await account(2);
    const [one, two] = a.invoices as [Account["invoices"][0], Account["invoices"][0]];
    const partial = two.amount / 2n;
    const started = await start(a, [
      { invoiceId: one.id, amount: decimal(one.amount) },
      { invoiceId: two.id, amount: decimal(partial) },
    ]);
    const paid = await stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), {
      card: "4242424242424242",
    });
    expect(paid.outcome).toBe("completed");
    await stripeSandbox.control.waitForDeliveries(10_000);

    const outcome = await getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, a.payer);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", amount: one.amount + partial, unapplied: 0n });
    expect(await openAmounts([one.id, two.id])).toEqual([0n, two.amount - partial]);
    const [payment, ...more] = await paymentsFor(a.customerId);
    expect(more).toHaveLength(0);
    expect(payment!.creditsApplied.map((x) => x.amount).sort()).toEqual([one.amount, partial].sort());
    expect(payment!.needsCashApplication).toBe(false);
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);

    const audit = await getDb().auditEvent.findMany({ where: { customerId: a.customerId } });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "card-payment.start",
        "payment.record",
        "application.apply",
        "card-payment.succeed",
      ]),
    );
    const receipt = await getDb().outboxEmail.findMany({ where: { category: "portal.payment-receipt" } });
    expect(receipt.filter((m) => m.textBody.includes(payment!.number))).toHaveLength(1);
  });

  it("stays exactly once under duplicated and reordered deliveries, replays and a racing return page", async () => {
    const a = await account(3);
    const started = await start(
      a,
      a.invoices.map((i) => ({ invoiceId: i.id, amount: decimal(i.amount) })),
    );
    await stripeSandbox.control.duplicateNext(20);
    await stripeSandbox.control.holdNext();
    await stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), { card: "4242424242424242" });
    // The return page and held events race; then the held deliveries arrive newest first, twice.
    const racing = Array.from({ length: 4 }, () =>
      getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, a.payer),
    );
    await stripeSandbox.control.release("reverse");
    const outcomes = await Promise.all(racing);
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(outcomes.every((o) => o.status === "SUCCEEDED")).toBe(true);

    // Replays of every event are no-ops.
    const events = await getDb().stripeEvent.findMany({ where: { processedAt: { not: null } } });
    for (const e of events.slice(0, 5)) await stripeSandbox.control.redeliver(e.id);
    await stripeSandbox.control.waitForDeliveries(10_000);

    const payments = await paymentsFor(a.customerId);
    expect(payments).toHaveLength(1);
    expect(payments[0]!.creditsApplied).toHaveLength(3);
    expect(await openAmounts(a.invoices.map((i) => i.id))).toEqual([0n, 0n, 0n]);
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);
    const receipts = await getDb().outboxEmail.count({
      where: { category: "portal.payment-receipt", textBody: { contains: payments[0]!.number } },
    });
    expect(receipts).toBe(1);
  });

  it("refuses forged, stale and future-dated signatures with nothing recorded", async () => {
    const url = stripeSandbox.receiver.url;
    const stripe = new Stripe("sk_test_x");
    const payload = JSON.stringify({
      id: "evt_forged_1",
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: { id: "pi_forged", object: "payment_intent" } },
      livemode: false,
      created: Math.floor(Date.now() / 1000),
    });
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    // Signed with the right secret, but dated ten minutes ahead (a clock or a replay trick).
    const future = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) + 600,
    });
    for (const signature of [forged, stale, future, ""]) {
      const res = await fetch(url, {
        method: "POST",
        body: payload,
        headers: { "Stripe-Signature": signature },
      });
      expect(res.status).toBe(400);
    }
    expect(await getDb().stripeEvent.findUnique({ where: { id: "evt_forged_1" } })).toBeNull();
  });

  it("keeps what can no longer be applied as unapplied cash flagged for cash application", async () => {
    const a = await account(2);
    const [one, two] = a.invoices as [Account["invoices"][0], Account["invoices"][0]];
    const started = await start(a, [
      { invoiceId: one.id, amount: decimal(one.amount) },
      { invoiceId: two.id, amount: decimal(two.amount) },
    ]);
    // Paid by bank transfer while the payer is on Stripe's page.
    const transfer = await createCreditForCustomer(getDb(), a.customerId, { amount: one.amount });
    await applyCredit(
      { creditItemId: transfer.id, debitItemId: one.id, amount: one.amount },
      { kind: "system", name: "test" },
    );
    await stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), { card: "4242424242424242" });
    await stripeSandbox.control.waitForDeliveries(10_000);
    const outcome = await getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, a.payer);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", unapplied: one.amount });
    const [payment] = await paymentsFor(a.customerId);
    expect(payment).toMatchObject({ needsCashApplication: true, openAmount: one.amount });
    expect(payment!.cashApplicationNote).toContain(one.number);
    expect(await openAmounts([one.id, two.id])).toEqual([0n, 0n]);
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);
  });

  it("leaves the invoices open after a declined card and says why", async () => {
    const a = await account(1);
    const started = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "5.00" }]);
    const declined = await stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), {
      card: "4000000000000002",
    });
    expect(declined.outcome).toBe("declined");
    await stripeSandbox.control.waitForDeliveries(10_000);
    const outcome = await getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, a.payer);
    expect(outcome.status).toBe("FAILED");
    expect(outcome.failureCode).toBe("generic_decline");
    expect(outcome.failureMessage).toMatch(/declined/i);
    expect(await openAmounts([a.invoices[0]!.id])).toEqual([a.invoices[0]!.amount]);
    expect(await paymentsFor(a.customerId)).toHaveLength(0);

    // "Back" on Stripe's page expires the session: it can no longer be paid.
    const canceled = await getCardPayment(
      { customerId: a.customerId, attemptId: started.attemptId, canceled: true },
      a.payer,
    );
    expect(canceled).toMatchObject({ status: "CANCELED", failureCode: "generic_decline" });
    await expect(
      stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), { card: "4242424242424242" }),
    ).rejects.toThrow(/expired/);
    expect(await paymentsFor(a.customerId)).toHaveLength(0);
  });

  it("shows another account's payment to nobody", async () => {
    const a = await account(1);
    const b = await account(1);
    const started = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "1.00" }]);
    expect(
      await refusal(getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, b.payer)),
    ).toBe("NOT_FOUND");
    expect(
      await refusal(getCardPayment({ customerId: b.customerId, attemptId: started.attemptId }, b.payer)),
    ).toBe("NOT_FOUND");
  });

  it("records payments whose webhooks never came, through the sweep and the inbox retry", async () => {
    const a = await account(2);
    const first = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "3.00" }]);
    const second = await start(a, [{ invoiceId: a.invoices[1]!.id, amount: "4.00" }]);
    await stripeSandbox.control.pauseDeliveries();
    await stripeSandbox.control.payCheckout(sessionIdOf(first.checkoutUrl!), { card: "4242424242424242" });
    await stripeSandbox.control.payCheckout(sessionIdOf(second.checkoutUrl!), { card: "4242424242424242" });
    const swept = await sweepCardPayments();
    expect(swept.recorded).toBe(2);
    expect(await sweepCardPayments()).toMatchObject({ recorded: 0 });
    const payments = await paymentsFor(a.customerId);
    expect(payments.map((p) => p.amount).sort()).toEqual([300n, 400n]);

    // The late deliveries change nothing.
    await stripeSandbox.control.resumeDeliveries();
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await paymentsFor(a.customerId)).toHaveLength(2);
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);
  });

  it("records a batch in one transaction: payments sharing an invoice, a PaymentIntent twice, batches racing", async () => {
    const a = await account(2);
    const [x, y] = a.invoices as [Account["invoices"][0], Account["invoices"][0]];
    // Two payments of 1.00 on invoice x, one of them also 2.00 on y; a third pays y 3.00.
    const started = [
      await start(a, [{ invoiceId: x.id, amount: "1.00" }]),
      await start(a, [
        { invoiceId: x.id, amount: "1.00" },
        { invoiceId: y.id, amount: "2.00" },
      ]),
      await start(a, [{ invoiceId: y.id, amount: "3.00" }]),
    ];
    await stripeSandbox.control.pauseDeliveries();
    for (const s of started)
      await stripeSandbox.control.payCheckout(sessionIdOf(s.checkoutUrl!), { card: "4242424242424242" });
    const stripe = getStripe().stripe;
    const payments = [];
    for (const s of started) {
      const session = await stripe.checkout.sessions.retrieve(sessionIdOf(s.checkoutUrl!));
      const intent = await stripe.paymentIntents.retrieve(session.payment_intent as string);
      payments.push({
        attemptId: s.attemptId,
        paymentIntentId: intent.id,
        amountReceived: BigInt(intent.amount_received),
        currency: "USD",
        paidAt: new Date(intent.created * 1000),
        cardLabel: null,
      });
    }
    const [p1, p2, p3] = payments as [(typeof payments)[0], (typeof payments)[0], (typeof payments)[0]];
    const actor = systemActor("test-batch");
    const [batch, racing] = await Promise.all([
      recordCardPayments([p1, p2, p1], actor),
      recordCardPayments([p3, p2], actor),
    ]);
    // Each PaymentIntent recorded once: its first appearance overall is the only one not replayed.
    const fresh = [...batch, ...racing].filter((r) => !r.replayed);
    expect(fresh.map((r) => r.amount).sort()).toEqual([100n, 300n, 300n]);
    expect(batch[2]).toMatchObject({ replayed: true, paymentItemId: batch[0]!.paymentItemId });
    expect(racing[1]!.paymentItemId).toBe(batch[1]!.paymentItemId);

    const recorded = await paymentsFor(a.customerId);
    expect(recorded).toHaveLength(3);
    expect(recorded.every((p) => p.openAmount === 0n && !p.needsCashApplication)).toBe(true);
    expect(await openAmounts([x.id, y.id])).toEqual([x.amount - 200n, y.amount - 500n]);
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);
    const audits = await getDb().auditEvent.findMany({
      where: { customerId: a.customerId, action: { in: ["payment.record", "application.apply"] } },
      orderBy: { id: "asc" },
    });
    expect(audits.filter((e) => e.action === "payment.record")).toHaveLength(3);
    expect(audits.filter((e) => e.action === "application.apply")).toHaveLength(4);
    expect(
      await getDb().outboxEmail.count({
        where: {
          toAddress: (await getDb().portalUser.findUniqueOrThrow({ where: { id: a.payer.userId } })).email,
        },
      }),
    ).toBe(3);
    await stripeSandbox.control.resumeDeliveries();
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await paymentsFor(a.customerId)).toHaveLength(3);
  });

  it("takes over events whose processor died holding them, once the lease runs out", async () => {
    const a = await account(1);
    const started = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "2.50" }]);
    await stripeSandbox.control.pauseDeliveries();
    await stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), { card: "4242424242424242" });
    const session = await getStripe().stripe.checkout.sessions.retrieve(sessionIdOf(started.checkoutUrl!));
    // As a processor leaves it when it dies after claiming: attempted once, leased for a while.
    const id = `evt_lease_${randomUUID().slice(0, 8)}`;
    await getDb().stripeEvent.create({
      data: {
        id,
        type: "payment_intent.succeeded",
        objectId: session.payment_intent as string,
        payload: {},
        attempts: 1,
        availableAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await drainStripeInbox()).toMatchObject({ claimed: 0 });
    expect(await paymentsFor(a.customerId)).toHaveLength(0);
    expect(await drainStripeInbox({ now: new Date(Date.now() + 61_000) })).toMatchObject({
      claimed: 1,
      processed: 1,
    });
    const row = await getDb().stripeEvent.findUniqueOrThrow({ where: { id } });
    expect(row.processedAt).not.toBeNull();
    expect(row.attempts).toBe(2);
    expect(await paymentsFor(a.customerId)).toHaveLength(1);
    await stripeSandbox.control.resumeDeliveries();
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await paymentsFor(a.customerId)).toHaveLength(1);
  });

  it("reads a completed Checkout Session from Stripe once per event", async () => {
    const a = await account(1);
    const started = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "3.00" }]);
    const sessionId = sessionIdOf(started.checkoutUrl!);
    await stripeSandbox.control.pauseDeliveries();
    await stripeSandbox.control.payCheckout(sessionId, { card: "4242424242424242" });
    const id = `evt_once_${randomUUID().slice(0, 8)}`;
    await getDb().stripeEvent.create({
      data: { id, type: "checkout.session.completed", objectId: sessionId, payload: {} },
    });
    const reads = async () =>
      (await stripeSandbox.control.requests({ method: "GET", path: `/v1/checkout/sessions/${sessionId}` }))
        .length;
    const before = await reads();
    expect(await processStripeEvent(id)).toBe(true);
    expect(await reads()).toBe(before + 1);
    expect(await paymentsFor(a.customerId)).toHaveLength(1);
    await stripeSandbox.control.resumeDeliveries();
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await paymentsFor(a.customerId)).toHaveLength(1);
  });

  it("retries inbox rows whose processing failed", async () => {
    const a = await account(1);
    const started = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "2.00" }]);
    // Every re-fetch fails while the events arrive: they stay in the inbox unprocessed.
    await stripeSandbox.control.failNext({ path: "/v1/*", method: "GET", count: 200, status: 500 });
    await stripeSandbox.control.payCheckout(sessionIdOf(started.checkoutUrl!), { card: "4242424242424242" });
    // Every delivery answered: each was stored and its processing tried (and failed) first.
    await stripeSandbox.control.waitForDeliveries(10_000);
    const failed = await getDb().stripeEvent.findMany({
      where: { processedAt: null, lastError: { not: null } },
      select: { id: true, availableAt: true, receivedAt: true, attempts: true },
    });
    await stripeSandbox.control.clearFaults();
    expect(failed.length).toBeGreaterThan(0);
    // Each waits for its retry: 5 s after its first failure, which came after it was stored.
    for (const e of failed) {
      expect(e.attempts).toBe(1);
      expect(e.availableAt.getTime() - e.receivedAt.getTime()).toBeGreaterThanOrEqual(5_000);
    }
    expect(await paymentsFor(a.customerId)).toHaveLength(0);

    const retried = await drainStripeInbox({ now: later() });
    expect(retried.claimed).toBeGreaterThan(0);
    expect(retried.processed).toBe(retried.claimed);
    expect(await paymentsFor(a.customerId)).toHaveLength(1);
    for (const { id } of await getDb().stripeEvent.findMany({ select: { id: true } })) {
      expect(await processStripeEvent(id)).toBe(true);
    }
    expect(await paymentsFor(a.customerId)).toHaveLength(1);
    expect(await findLedgerViolations(getDb())).toEqual([]);
  });

  it("chaos: duplicated, reordered, forged and failing deliveries and a crash mid-way still record every payment once", async () => {
    const a = await account(12);
    const url = stripeSandbox.receiver.url;
    const stripe = new Stripe("sk_test_x");
    const attempts = [];
    for (const [i, invoice] of a.invoices.entries()) {
      // Half in full, half partly; every third declined first and then paid with a good card.
      const amount = i % 2 === 0 ? invoice.amount : invoice.amount / 3n;
      attempts.push({
        started: await start(a, [{ invoiceId: invoice.id, amount: decimal(amount) }]),
        amount,
        i,
      });
    }
    await stripeSandbox.control.duplicateNext(200);
    await stripeSandbox.control.holdNext();
    // Stripe's API fails every read until the faults are cleared: each event is stored, its
    // processing fails and it waits for a retry.
    await stripeSandbox.control.failNext({ method: "GET", path: "/v1/*", count: 1_000, status: 500 });
    for (const { started, i } of attempts) {
      const session = sessionIdOf(started.checkoutUrl!);
      if (i % 3 === 0) await stripeSandbox.control.payCheckout(session, { card: "4000000000000002" });
      await stripeSandbox.control.payCheckout(session, { card: "4242424242424242" });
    }
    // Forged copies of real-looking events, interleaved with the real ones.
    const forgedPayload = JSON.stringify({
      id: "evt_chaos_forged",
      object: "event",
      type: "checkout.session.completed",
      data: { object: { id: sessionIdOf(attempts[0]!.started.checkoutUrl!), object: "checkout.session" } },
    });
    const forged = stripe.webhooks.generateTestHeaderString({
      payload: forgedPayload,
      secret: "whsec_wrong",
    });
    const forgeries = Array.from({ length: 5 }, () =>
      fetch(url, { method: "POST", body: forgedPayload, headers: { "Stripe-Signature": forged } }),
    );
    await stripeSandbox.control.release("shuffle", 42);
    expect((await Promise.all(forgeries)).map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    await stripeSandbox.control.waitForDeliveries(20_000);
    await stripeSandbox.control.clearFaults();
    // A worker is killed holding every event still unprocessed: claimed (leased, attempt counted)
    // and never finished. Nobody may take them until the lease runs out.
    const abandoned = await getDb().$executeRaw`
      UPDATE stripe_event SET available_at = now() + interval '2 minutes', attempts = attempts + 1
       WHERE processed_at IS NULL`;
    expect(abandoned).toBeGreaterThan(0);
    expect(await drainStripeInbox()).toMatchObject({ claimed: 0 });
    // Then the other workers take them over, two at once; and the sweeps run, twice.
    await Promise.all([drainStripeInbox({ now: later() }), drainStripeInbox({ now: later() })]);
    await Promise.all([sweepCardPayments(), sweepCardPayments()]);

    const payments = await paymentsFor(a.customerId);
    expect(payments).toHaveLength(attempts.length);
    expect(new Set(payments.map((p) => p.stripePaymentIntentId)).size).toBe(attempts.length);
    for (const { started, amount, i } of attempts) {
      const outcome = await getCardPayment(
        { customerId: a.customerId, attemptId: started.attemptId },
        a.payer,
      );
      expect(outcome.status, `attempt ${i}`).toBe("SUCCEEDED");
      expect(outcome.invoices[0]!.openAmount).toBe(a.invoices[i]!.amount - amount);
    }
    expect(await getDb().stripeEvent.count({ where: { id: "evt_chaos_forged" } })).toBe(0);
    expect(await getDb().stripeEvent.count({ where: { processedAt: null } })).toBe(0);
    expect(await findLedgerViolations(getDb())).toEqual([]);
  });

  // Last: it moves the sandbox's clock a day ahead.
  it("the sweep closes attempts whose Checkout Session expired unpaid", async () => {
    const a = await account(1);
    const started = await start(a, [{ invoiceId: a.invoices[0]!.id, amount: "1.50" }]);
    await stripeSandbox.control.pauseDeliveries();
    await stripeSandbox.control.advanceClock(25 * 3600);
    const later = new Date(Date.now() + 26 * 3_600_000);
    const swept = await sweepCardPayments({ now: later });
    expect(swept.settled).toBeGreaterThanOrEqual(1);
    const outcome = await getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, a.payer);
    expect(outcome.status).toBe("CANCELED");
    expect(await openAmounts([a.invoices[0]!.id])).toEqual([a.invoices[0]!.amount]);
  });
});
