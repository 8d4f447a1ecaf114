import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { StripeSandboxControl } from "@settle/stripe-sandbox/control-client";
import { type RunningStripeSandbox, startStripeSandbox } from "@settle/stripe-sandbox/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PortalActor, type StaffActor, type StaffRole, systemActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
  createStaffUser,
} from "../seed/factories.ts";
import { getStatement } from "../statements/get-statement.ts";
import { getCardPaymentDetails } from "./card-payment-details.ts";
import { processStripeEvent } from "./process-stripe-inbox.ts";
import { receiveStripeWebhook } from "./receive-stripe-webhook.ts";
import { requestRefund } from "./request-refund.ts";
import { startCardPayment } from "./start-card-payment.ts";
import { configureStripe, getStripe } from "./stripe-client.ts";
import { applyStripeRefund } from "./sync-refund.ts";

// Refunds Settle learns about after the fact: a settled refund that Stripe later reports failed or
// cancelled (the money came back), and refunds made in Stripe's dashboard on a Settle card payment.

const SECRET = "whsec_refund_aftermath_tests";
const PORTAL_URL = new URL("http://127.0.0.1:9/");
let sandbox: RunningStripeSandbox;
let control: StripeSandboxControl;
let receiver: http.Server;
let entityId: string;
let cash: StaffActor;

function startReceiver(): Promise<string> {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const received = await receiveStripeWebhook(
          Buffer.concat(chunks).toString("utf8"),
          (req.headers["stripe-signature"] as string | undefined) ?? null,
        );
        // Stored by the route, processed here at once (the worker's job), before answering.
        res.writeHead((await processStripeEvent(received.eventId)) ? 200 : 500).end();
      } catch (error) {
        res.writeHead(error instanceof DomainError ? 400 : 500).end();
      }
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`),
    ),
  );
}

async function staff(roles: StaffRole[]): Promise<StaffActor> {
  const user = await createStaffUser(getDb(), {
    email: `staff-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
  });
  return { kind: "staff", userId: user.id, roles };
}

beforeAll(async () => {
  const url = await startReceiver();
  sandbox = await startStripeSandbox({
    port: 0,
    dataDir: null,
    log: false,
    webhooks: [{ url, secret: SECRET }],
    retry: { initialMs: 20, factor: 2, maxDelayMs: 200, maxAttempts: 6 },
    deliveryTimeoutMs: 5000,
    refundSettleMs: null,
  });
  control = new StripeSandboxControl(sandbox.url);
  configureStripe({ sandboxUrl: sandbox.url, webhookSecret: SECRET, maxNetworkRetries: 0 });
  entityId = (await createLegalEntity(getDb(), { name: "Aftermath Supply Inc." })).id;
  await getDb().refundApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 500n } });
  cash = await staff(["CASH_APPLIER"]);
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise((r) => receiver?.close(r));
});

beforeEach(async () => {
  await control.waitForDeliveries(10_000);
  await control.clearFaults();
  await control.resumeDeliveries();
});

interface Paid {
  customerId: string;
  attemptId: string;
  paymentItemId: string;
  paymentIntentId: string;
  invoices: { id: string; amount: bigint }[];
  total: bigint;
}

/** A customer with two invoices who pays both in full by card. */
async function paid(): Promise<Paid> {
  const db = getDb();
  const customer = await createCustomer(db, { legalEntityId: entityId });
  const invoices = [];
  for (let i = 0; i < 2; i++) {
    const created = await createInvoiceForCustomer(db, customer.id);
    invoices.push({ id: created.id, amount: created.amount });
  }
  const user = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
  const payer: PortalActor = {
    kind: "portal",
    userId: user.id,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  };
  const started = await startCardPayment(
    {
      customerId: customer.id,
      idempotencyKey: randomUUID(),
      allocations: invoices.map((i) => ({ invoiceId: i.id, amount: decimal(i.amount) })),
    },
    payer,
    { portalUrl: PORTAL_URL },
  );
  await control.payCheckout(started.checkoutUrl!.split("/").pop()!, { card: "4242424242424242" });
  await control.waitForDeliveries(10_000);
  const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
  expect(attempt.status).toBe("SUCCEEDED");
  return {
    customerId: customer.id,
    attemptId: attempt.id,
    paymentItemId: attempt.paymentItemId!,
    paymentIntentId: attempt.paymentIntentId!,
    invoices,
    total: invoices[0]!.amount + invoices[1]!.amount,
  };
}

const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`;

async function openAmounts(ids: string[]) {
  const rows = await getDb().openItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, openAmount: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)!.openAmount);
}

async function healthy(customerId: string) {
  expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
}

/** Every inbox event about these Stripe objects processed again, as if Stripe sent them twice. */
async function replayEvents(objectIds: string[]) {
  const events = await getDb().stripeEvent.findMany({ where: { objectId: { in: objectIds } } });
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) {
    await getDb().stripeEvent.update({ where: { id: e.id }, data: { processedAt: null } });
    await processStripeEvent(e.id);
  }
}

/** What the ledger holds for a customer, to compare before and after replays. */
async function ledgerOf(customerId: string) {
  const db = getDb();
  const [items, applications, audits] = await Promise.all([
    db.openItem.findMany({
      where: { customerId },
      orderBy: { id: "asc" },
      select: { id: true, kind: true, amount: true, openAmount: true },
    }),
    db.application.count({ where: { customerId } }),
    db.auditEvent.count({ where: { customerId } }),
  ]);
  return { items, applications, audits };
}

describe("a settled refund that Stripe later reports failed", () => {
  it("is reversed once: the REFUND item is cleared by a reversal and the amount is unapplied on the payment", async () => {
    const p = await paid();
    const asked = await requestRefund(
      { attemptId: p.attemptId, amount: "4.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    const stripeRefundId = (await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } }))
      .stripeRefundId!;
    await control.succeedRefund(stripeRefundId);
    await control.waitForDeliveries(10_000);
    const settled = await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } });
    expect(settled.status).toBe("SUCCEEDED");
    const reopened = await openAmounts(p.invoices.map((i) => i.id));
    expect([...reopened].sort()).toEqual([0n, 400n]);

    await control.failRefund(stripeRefundId, "lost_or_stolen_card");
    await control.waitForDeliveries(10_000);
    const row = await getDb().refund.findUniqueOrThrow({
      where: { id: asked.id },
      include: { refundItem: true, reversalItem: true, paymentItem: true },
    });
    expect(row).toMatchObject({ status: "FAILED", failureReason: "lost_or_stolen_card" });
    expect(row.refundItem).toMatchObject({ kind: "REFUND", amount: 400n, openAmount: 0n });
    expect(row.reversalItem).toMatchObject({ kind: "REFUND_REVERSAL", amount: 400n, openAmount: 0n });
    // The 4.00 is back on the payment, unapplied and flagged; the invoice it had reopened stays open.
    expect(row.paymentItem).toMatchObject({ openAmount: 400n, needsCashApplication: true });
    expect(row.paymentItem.cashApplicationNote).toContain(row.refundItem!.number);
    expect(await openAmounts(p.invoices.map((i) => i.id))).toEqual(reopened);
    await healthy(p.customerId);
    const statement = await getStatement({ customerId: p.customerId, currency: "USD" }, cash, {
      allLines: true,
    });
    expect(statement.lines.rows.find((l) => l.kind === "REFUND_REVERSAL")).toMatchObject({
      isCredit: true,
      amount: 400n,
    });
    expect(statement.totals.closing).toBe(0n);
    expect(
      await getDb().auditEvent.count({ where: { action: "refund.reverse", customerId: p.customerId } }),
    ).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "refund.failed", entityId: asked.id } })).toBe(
      1,
    );

    // The staff page says so, and the whole payment is refundable again.
    const details = await getCardPaymentDetails({ attemptId: p.attemptId }, cash);
    expect(details.refunds[0]).toMatchObject({ id: asked.id, status: "FAILED", reversed: true });
    expect(details.refundable).toBe(p.total);

    // Every event again, and an older answer of Stripe's ("succeeded") arriving late: nothing moves.
    const before = await ledgerOf(p.customerId);
    await replayEvents([stripeRefundId]);
    const stale = await getStripe().stripe.refunds.retrieve(stripeRefundId);
    expect(await applyStripeRefund({ ...stale, status: "succeeded" }, systemActor("test"))).toBe("FAILED");
    expect(await applyStripeRefund(stale, systemActor("test"))).toBe("FAILED");
    expect(await ledgerOf(p.customerId)).toEqual(before);
    await healthy(p.customerId);
  });

  it("cancelled after it succeeded is reversed the same way", async () => {
    const p = await paid();
    const asked = await requestRefund(
      { attemptId: p.attemptId, amount: "2.00", reason: "DUPLICATE_PAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    const stripeRefundId = (await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } }))
      .stripeRefundId!;
    await control.succeedRefund(stripeRefundId);
    await control.waitForDeliveries(10_000);
    // The sandbox cannot cancel a settled refund; Stripe's object says so directly here.
    const settled = await getStripe().stripe.refunds.retrieve(stripeRefundId);
    const canceled = { ...settled, status: "canceled" };
    const results = await Promise.all([0, 1].map(() => applyStripeRefund(canceled, systemActor("test"))));
    expect(results).toEqual(["CANCELED", "CANCELED"]);
    const row = await getDb().refund.findUniqueOrThrow({
      where: { id: asked.id },
      include: { reversalItem: true, paymentItem: true },
    });
    expect(row.status).toBe("CANCELED");
    expect(row.reversalItem).toMatchObject({ kind: "REFUND_REVERSAL", amount: 200n, openAmount: 0n });
    expect(row.paymentItem.openAmount).toBe(200n);
    expect(
      await getDb().openItem.count({ where: { customerId: p.customerId, kind: "REFUND_REVERSAL" } }),
    ).toBe(1);
    await healthy(p.customerId);
  });
});

describe("a refund made in Stripe's dashboard", () => {
  it("is recorded once as made in Stripe, without approval, and settles into the ledger", async () => {
    const p = await paid();
    // Even above the approval threshold: the money has already moved.
    await control.duplicateNext(6);
    const made = await getStripe().stripe.refunds.create({
      payment_intent: p.paymentIntentId,
      amount: 700,
      reason: "requested_by_customer",
    });
    await control.waitForDeliveries(10_000);
    const rows = await getDb().refund.findMany({ where: { paymentItemId: p.paymentItemId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: "STRIPE",
      stripeRefundId: made.id,
      status: "PENDING",
      amount: 700n,
      currency: "USD",
      reason: "OTHER",
      requiresApproval: false,
      requestedById: null,
      decidedById: null,
    });
    expect(rows[0]!.note).toContain("requested_by_customer");
    // Pending: nothing in the ledger yet, but the amount is no longer refundable through Settle.
    expect(await openAmounts([p.paymentItemId])).toEqual([0n]);
    expect((await getCardPaymentDetails({ attemptId: p.attemptId }, cash)).refundable).toBe(p.total - 700n);

    await control.duplicateNext(6);
    await control.succeedRefund(made.id);
    await control.waitForDeliveries(10_000);
    const row = await getDb().refund.findUniqueOrThrow({
      where: { id: rows[0]!.id },
      include: { refundItem: true },
    });
    expect(row.status).toBe("SUCCEEDED");
    expect(row.refundItem).toMatchObject({ kind: "REFUND", amount: 700n, openAmount: 0n });
    const open = await openAmounts(p.invoices.map((i) => i.id));
    expect(open.reduce((a, b) => a + b, 0n)).toBe(700n);
    await healthy(p.customerId);
    expect(
      await getDb().auditEvent.count({ where: { action: "refund.made-in-stripe", entityId: row.id } }),
    ).toBe(1);
    const details = await getCardPaymentDetails({ attemptId: p.attemptId }, cash);
    expect(details.refunds[0]).toMatchObject({
      source: "STRIPE",
      requestedBy: null,
      can: { decide: false, sendAgain: false },
    });

    // Replays: still one row, one REFUND item, the same ledger.
    const before = await ledgerOf(p.customerId);
    await replayEvents([made.id]);
    expect(await getDb().refund.count({ where: { paymentItemId: p.paymentItemId } })).toBe(1);
    expect(await ledgerOf(p.customerId)).toEqual(before);

    // And when it fails after it succeeded, it is reversed like any other.
    await control.failRefund(made.id);
    await control.waitForDeliveries(10_000);
    expect(await getDb().refund.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "FAILED",
      reversalItemId: expect.any(String),
    });
    expect(await openAmounts([p.paymentItemId])).toEqual([700n]);
    await healthy(p.customerId);
  });

  it("two deliveries racing before any row exists make one refund", async () => {
    const p = await paid();
    await control.pauseDeliveries();
    const made = await getStripe().stripe.refunds.create({ payment_intent: p.paymentIntentId, amount: 300 });
    const results = await Promise.all([0, 1, 2].map(() => applyStripeRefund(made, systemActor("test"))));
    expect(results).toEqual(["PENDING", "PENDING", "PENDING"]);
    await control.resumeDeliveries();
    await control.succeedRefund(made.id);
    await control.waitForDeliveries(10_000);
    const rows = await getDb().refund.findMany({ where: { paymentItemId: p.paymentItemId } });
    expect(rows.map((r) => [r.source, r.status, r.amount])).toEqual([["STRIPE", "SUCCEEDED", 300n]]);
    expect(await getDb().openItem.count({ where: { customerId: p.customerId, kind: "REFUND" } })).toBe(1);
    await healthy(p.customerId);
  });

  it("ignores refunds of payments Settle did not record, and ones naming a Settle refund it does not know", async () => {
    // A PaymentIntent paid in Stripe without Settle.
    const customer = await getStripe().stripe.customers.create({});
    const foreign = await getStripe().stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
    });
    const made = await getStripe().stripe.refunds.create({ payment_intent: foreign.id, amount: 1000 });
    expect(await applyStripeRefund(made, systemActor("test"))).toBeNull();
    expect(await getDb().refund.count({ where: { stripeRefundId: made.id } })).toBe(0);

    // A refund carrying another installation's Settle id on a payment of ours is left alone too.
    const p = await paid();
    const tagged = await getStripe().stripe.refunds.create({
      payment_intent: p.paymentIntentId,
      amount: 100,
      metadata: { settle_refund_id: randomUUID() },
    });
    await control.waitForDeliveries(10_000);
    expect(await applyStripeRefund(tagged, systemActor("test"))).toBeNull();
    expect(await getDb().refund.count({ where: { paymentItemId: p.paymentItemId } })).toBe(0);
  });
});

describe("the webhook inbox", () => {
  it("processed every event of these tests without an error", async () => {
    await control.waitForDeliveries(10_000);
    const stuck = await getDb().stripeEvent.findMany({
      where: { OR: [{ processedAt: null }, { lastError: { not: null } }] },
      select: { type: true, lastError: true },
    });
    expect(stuck).toEqual([]);
  });
});
