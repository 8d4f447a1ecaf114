import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import { DomainError } from "../errors.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createPayingCustomer, useStripeSandbox } from "../payments/stripe-test-setup.test-support.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { respondToPaymentPlan } from "./respond-to-payment-plan.ts";
import { startInstalmentPayment } from "./start-instalment-payment.ts";

const stripe = useStripeSandbox({
  secret: "whsec_plan_portal_pay",
  webhooks: "processed",
  isolateTests: true,
});
const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const portalUrl = new URL("http://127.0.0.1:9/");
const DAY = 86_400_000;
const today = () => new Date(`${isoDate(new Date())}T00:00:00Z`);

const line = (unitPrice: bigint) => [{ description: "Work", quantityMilli: 1000n, unitPrice, taxRateBp: 0 }];

/**
 * Three overdue invoices (given newest first: the oldest is the smallest) under an accepted
 * two-instalment plan paid from the portal, the first instalment due `firstInDays` from today.
 */
async function portalPlan(firstInDays = 0) {
  const now = today();
  const customer = await createPayingCustomer({
    invoices: [
      {
        documentDate: new Date(now.getTime() - 30 * DAY),
        dueDate: new Date(now.getTime() - 5 * DAY),
        lines: line(500_00n),
      },
      {
        documentDate: new Date(now.getTime() - 60 * DAY),
        dueDate: new Date(now.getTime() - 20 * DAY),
        lines: line(300_00n),
      },
      // Due the same day as the one above, issued earlier: it goes first.
      {
        documentDate: new Date(now.getTime() - 70 * DAY),
        dueDate: new Date(now.getTime() - 20 * DAY),
        lines: line(100_00n),
      },
    ],
  });
  const offer = await proposePaymentPlan(
    {
      customerId: customer.customerId,
      invoiceIds: customer.invoices.map((i) => i.id),
      instalments: 2,
      frequency: "MONTHLY",
      firstDate: isoDate(new Date(now.getTime() + firstInDays * DAY)),
      expiresOn: isoDate(now),
      idempotencyKey: `plan-${randomUUID()}`,
    },
    collector,
  );
  await respondToPaymentPlan(
    {
      answer: "accept",
      customerId: customer.customerId,
      planId: offer.id,
      name: "Pat Payable",
      confirm: "yes",
      termsHash: offer.termsHash,
      payBy: "PORTAL",
    },
    customer.payer,
  );
  const instalments = await getDb().paymentPlanInstalment.findMany({
    where: { planId: offer.id },
    orderBy: { sequence: "asc" },
  });
  return { customer, planId: offer.id, instalments };
}

function pay(customerId: string, planId: string, actor: PortalActor, key = randomUUID()) {
  return startInstalmentPayment({ customerId, planId, idempotencyKey: key }, actor, { portalUrl });
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return `${error.code} ${String(error.details?.reason ?? "")}`.trim();
  }
}

async function allocationsOf(attemptId: string) {
  const attempt = await getDb().paymentAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { allocations: true },
  });
  return new Map(attempt.allocations.map((a) => [a.itemId, a.amount]));
}

async function payOnCheckout(checkoutUrl: string | null) {
  await stripe.control.payCheckout(checkoutUrl!.split("/").pop()!, { card: "4242424242424242" });
  await stripe.control.waitForDeliveries(10_000);
}

describe("paying a plan's instalment from the portal", () => {
  it("charges the instalment due by card over the plan's invoices oldest first, each up to its open amount, and marks it paid", async () => {
    const { customer, planId, instalments } = await portalPlan();
    const [newest, middle, oldest] = customer.invoices as [
      (typeof customer.invoices)[0],
      (typeof customer.invoices)[0],
      (typeof customer.invoices)[0],
    ];
    const first = instalments[0]!;
    expect(first.amount).toBe(450_00n);

    const started = await pay(customer.customerId, planId, customer.payer);
    expect(started).toMatchObject({ planId, amount: first.amount, currency: "USD", replayed: false });
    expect(started.checkoutUrl).toBeTruthy();
    // The oldest (issued first) in full, the next in full, the newest the rest.
    expect(await allocationsOf(started.attemptId)).toEqual(
      new Map([
        [oldest.id, 100_00n],
        [middle.id, 300_00n],
        [newest.id, 50_00n],
      ]),
    );

    await payOnCheckout(started.checkoutUrl);
    const after = await getDb().paymentPlanInstalment.findMany({
      where: { planId },
      orderBy: { sequence: "asc" },
    });
    expect(after.map((i) => [i.status, i.paidAmount])).toEqual([
      ["PAID", first.amount],
      ["DUE", 0n],
    ]);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("ACTIVE");
    const audit = await getDb().auditEvent.findFirst({
      where: { action: "payment-plan.pay", entityId: planId },
    });
    expect(audit).not.toBeNull();
    expect(await findLedgerViolations()).toEqual([]);
  });

  it("is one payment for the same form however often it is sent, and leads to its outcome once paid", async () => {
    const { customer, planId, instalments } = await portalPlan();
    const key = randomUUID();
    const [a, b] = await Promise.all([
      pay(customer.customerId, planId, customer.payer, key),
      pay(customer.customerId, planId, customer.payer, key),
    ]);
    const c = await pay(customer.customerId, planId, customer.payer, key);
    expect(new Set([a, b, c].map((r) => r.attemptId)).size).toBe(1);
    expect(new Set([a, b, c].map((r) => r.checkoutUrl)).size).toBe(1);
    expect([a, b, c].filter((r) => !r.replayed)).toHaveLength(1);
    expect(await getDb().paymentAttempt.count({ where: { customerId: customer.customerId } })).toBe(1);
    expect(await getDb().auditEvent.count({ where: { action: "payment-plan.pay", entityId: planId } })).toBe(
      1,
    );

    await payOnCheckout(a.checkoutUrl);
    // The same form after it was paid: its payment, finished, not a charge of the next instalment.
    const again = await pay(customer.customerId, planId, customer.payer, key);
    expect(again).toMatchObject({ attemptId: a.attemptId, checkoutUrl: null, replayed: true });

    // A new form once nothing is due: the next instalment, on the newest invoice's remainder.
    const next = await pay(customer.customerId, planId, customer.payer);
    expect(next.attemptId).not.toBe(a.attemptId);
    expect(next.amount).toBe(instalments[1]!.amount);
    expect(await allocationsOf(next.attemptId)).toEqual(
      new Map([[customer.invoices[0]!.id, instalments[1]!.amount]]),
    );
  });

  it("pays the next instalment when none is due yet", async () => {
    const { customer, planId, instalments } = await portalPlan(10);
    const started = await pay(customer.customerId, planId, customer.payer);
    expect(started.amount).toBe(instalments[0]!.amount);
  });

  it("refuses a viewer in words, and is NOT_FOUND for another account's plan or an unknown one", async () => {
    const { customer, planId } = await portalPlan();
    const { customer: other, planId: otherPlan } = await portalPlan();
    const viewer = await portalUser(customer.customerId, "VIEWER");
    const refused = pay(customer.customerId, planId, viewer);
    await expect(refused).rejects.toThrow("Only payers and administrators of this account can pay.");
    expect(await refusal(pay(customer.customerId, planId, viewer))).toBe("FORBIDDEN payers-only");
    // Another account's plan under this account, or under its own account the payer is not in.
    expect(await refusal(pay(customer.customerId, otherPlan, customer.payer))).toBe("NOT_FOUND");
    expect(await refusal(pay(other.customerId, otherPlan, customer.payer))).toBe("NOT_FOUND");
    expect(await refusal(pay(customer.customerId, randomUUID(), customer.payer))).toBe("NOT_FOUND");
    expect(await refusal(pay(customer.customerId, "PP-1001", customer.payer))).toBe("NOT_FOUND");
    expect(await getDb().paymentAttempt.count({ where: { customerId: customer.customerId } })).toBe(0);
  });

  it("says so when nothing is owed or the plan no longer runs", async () => {
    const { customer, planId } = await portalPlan();
    await getDb().paymentPlanInstalment.updateMany({
      where: { planId },
      data: { status: "PAID", paidAmount: 450_00n },
    });
    expect(await refusal(pay(customer.customerId, planId, customer.payer))).toBe("INVALID_STATE nothing-due");
    await getDb().paymentPlan.update({ where: { id: planId }, data: { status: "CANCELLED" } });
    expect(await refusal(pay(customer.customerId, planId, customer.payer))).toBe(
      "INVALID_STATE plan-not-running",
    );
    expect(await getDb().paymentAttempt.count({ where: { customerId: customer.customerId } })).toBe(0);
  });
});
