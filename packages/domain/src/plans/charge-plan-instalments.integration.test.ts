import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { minBig } from "../money/money.ts";
import {
  createPayingCustomer,
  type PayingCustomer,
  saveCardFor,
  useStripeSandbox,
} from "../payments/stripe-test-setup.test-support.ts";
import { acceptOffer } from "./plan-fixtures.test-support.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { runPaymentPlans } from "./run-payment-plans.ts";
import { startInstalmentPayment } from "./start-instalment-payment.ts";

const stripe = useStripeSandbox({ secret: "whsec_plan_charges", webhooks: "processed", isolateTests: true });
const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const portalUrl = "http://portal.settle.example";
const DAY = 86_400_000;

/** Two overdue invoices (the older first) under an accepted three-instalment autopay plan starting today. */
async function autopayPlan(card?: string) {
  const today = new Date(`${isoDate(new Date())}T00:00:00Z`);
  const customer = await createPayingCustomer({
    invoices: [
      { documentDate: new Date(today.getTime() - 60 * DAY), dueDate: new Date(today.getTime() - 30 * DAY) },
      { documentDate: new Date(today.getTime() - 45 * DAY), dueDate: new Date(today.getTime() - 15 * DAY) },
    ],
  });
  const saved = await saveCardFor(stripe, customer, card);
  const offer = await proposePaymentPlan(
    {
      customerId: customer.customerId,
      invoiceIds: customer.invoices.map((i) => i.id),
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: isoDate(today),
      expiresOn: isoDate(today),
      idempotencyKey: `plan-${randomUUID()}`,
    },
    collector,
  );
  await acceptOffer(customer.customerId, offer, { payBy: "AUTOPAY", payer: customer.payer });
  return { customer, planId: offer.id, saved };
}

async function intentCreates() {
  return (await stripe.control.requests({ method: "POST", path: "/v1/payment_intents" })).length;
}

const run = (customer: PayingCustomer, now = new Date()) =>
  runPaymentPlans({ now, customerIds: [customer.customerId], portalUrl });

describe("autopay plan instalments", () => {
  it("charges the first instalment to the card once, oldest invoice first, however often the job runs", async () => {
    const { customer, planId, saved } = await autopayPlan();
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } })).savedCardId).toBe(
      saved.id,
    );
    const [first] = await getDb().paymentPlanInstalment.findMany({
      where: { planId },
      orderBy: { sequence: "asc" },
    });
    const creates = await intentCreates();
    const [a, b] = await Promise.all([run(customer), run(customer)]);
    const later = await run(customer, new Date(Date.now() + 3_600_000));
    expect(a.charged + b.charged + later.charged).toBe(1);
    expect(a.succeeded + b.succeeded).toBe(1);
    expect(await intentCreates()).toBe(creates + 1);

    const [older, newer] = await Promise.all(
      customer.invoices.map((i) => getDb().openItem.findUniqueOrThrow({ where: { id: i.id } })),
    );
    // Oldest invoice first: the older takes what it can, the newer the rest.
    const toOlder = minBig(first!.amount, customer.invoices[0]!.amount);
    expect(older!.openAmount).toBe(customer.invoices[0]!.amount - toOlder);
    expect(newer!.openAmount).toBe(customer.invoices[1]!.amount - (first!.amount - toOlder));
    const instalments = await getDb().paymentPlanInstalment.findMany({
      where: { planId },
      orderBy: { sequence: "asc" },
    });
    expect(instalments.map((i) => i.status)).toEqual(["PAID", "DUE", "DUE"]);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("ACTIVE");
    const charge = await getDb().planCharge.findFirstOrThrow({
      where: { planId },
      include: { paymentAttempt: true },
    });
    expect(charge).toMatchObject({ status: "SUCCEEDED", attempt: 1 });
    expect(charge.paymentAttempt).toMatchObject({
      source: "PLAN",
      status: "SUCCEEDED",
      amount: first!.amount,
    });
    expect(await findLedgerViolations()).toEqual([]);
  });

  it("tries a declined card again on autopay's retry days, once a day, and stops after the last try", async () => {
    const { customer, planId } = await autopayPlan("4000000000000341");
    const start = new Date();
    expect((await run(customer, start)).failed).toBe(1);
    expect((await run(customer, new Date(start.getTime() + 60_000))).charged).toBe(0);
    // Day 1, 3 and 5 after the first try; then nothing more (the missed-instalment steps take over).
    for (const day of [1, 2, 3, 4, 5, 6, 7]) {
      await run(customer, new Date(start.getTime() + day * DAY));
    }
    const charges = await getDb().planCharge.findMany({ where: { planId }, orderBy: { attempt: "asc" } });
    expect(
      charges.map((c) => [
        c.attempt,
        c.status,
        Math.round((c.runDate.getTime() - charges[0]!.runDate.getTime()) / DAY),
      ]),
    ).toEqual([
      [1, "FAILED", 0],
      [2, "FAILED", 1],
      [3, "FAILED", 3],
      [4, "FAILED", 5],
    ]);
    // The payers hear of each failure.
    expect(
      await getDb().outboxEmail.count({
        where: { toAddress: customer.email, category: "portal.autopay-failed" },
      }),
    ).toBe(4);
    const open = await getDb().openItem.findMany({
      where: { id: { in: customer.invoices.map((i) => i.id) } },
    });
    expect(open.map((i) => i.openAmount).sort()).toEqual(customer.invoices.map((i) => i.amount).sort());
  });

  it("leaves the card alone while the payer is paying the plan on the portal, and Pay now alone while the card is charged", async () => {
    const { customer, planId } = await autopayPlan();
    await startInstalmentPayment(
      { customerId: customer.customerId, planId, idempotencyKey: randomUUID() },
      customer.payer,
      { portalUrl: new URL("http://127.0.0.1:9/") },
    );
    expect((await run(customer)).charged).toBe(0);
    expect(await getDb().planCharge.count({ where: { planId } })).toBe(0);
    // Two hours later an unfinished Checkout no longer holds the invoices: the card is charged.
    expect((await run(customer, new Date(Date.now() + 2 * 3_600_000 + 60_000))).charged).toBe(1);

    // A charge in flight: the portal's Pay now says so instead of taking the money twice.
    const other = await autopayPlan();
    const attempt = await getDb().paymentAttempt.create({
      data: {
        customerId: other.customer.customerId,
        currency: "USD",
        amount: 1n,
        idempotencyKey: `plan:test-${randomUUID()}`,
        createdById: other.customer.payer.userId,
        source: "PLAN",
      },
    });
    await getDb().planCharge.create({
      data: {
        planId: other.planId,
        instalmentId: (
          await getDb().paymentPlanInstalment.findFirstOrThrow({ where: { planId: other.planId } })
        ).id,
        customerId: other.customer.customerId,
        runDate: new Date(`${isoDate(new Date())}T00:00:00Z`),
        attempt: 1,
        idempotencyKey: `settle-plan-test-${randomUUID()}`,
        savedCardId: other.saved.id,
        paymentAttemptId: attempt.id,
      },
    });
    await expect(
      startInstalmentPayment(
        { customerId: other.customer.customerId, planId: other.planId, idempotencyKey: randomUUID() },
        other.customer.payer,
        { portalUrl: new URL("http://127.0.0.1:9/") },
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATE", details: { reason: "plan-charge-in-progress" } });
  });
});
