import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { configureCardPayments } from "../base/card-payments-switch.ts";
import { getDb } from "../db/client.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createInvoiceForCustomer } from "../seed/factories.ts";
import { getPaymentPlanOffer } from "./get-payment-plan.ts";
import { acceptOffer, planOverInvoices, setInstalment } from "./plan-fixtures.test-support.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";

const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const now = new Date("2027-05-03T09:00:00Z");

let customerId: string;
let otherCustomerId: string;
let payer: PortalActor;
let viewer: PortalActor;

async function offered(options: { downPayment?: string; customer?: string } = {}) {
  const customer = options.customer ?? customerId;
  const first = await createInvoiceForCustomer(getDb(), customer);
  const second = await createInvoiceForCustomer(getDb(), customer);
  const plan = await proposePaymentPlan(
    {
      customerId: customer,
      invoiceIds: [first.id, second.id],
      ...(options.downPayment ? { downPayment: options.downPayment } : {}),
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: "2027-05-15",
      expiresOn: "2027-05-10",
      idempotencyKey: `offer-${randomUUID()}`,
    },
    collector,
    { now },
  );
  return { plan, invoices: [first, second] };
}

async function refusalCode(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Plan Offers Ltd" })).id;
  otherCustomerId = (await createCustomer(getDb(), { name: "Other Offers Co" })).id;
  payer = await portalUser(customerId, "PAYER");
  viewer = await portalUser(customerId, "VIEWER");
});

describe("an offered payment plan as the portal shows it", () => {
  it("has the invoices, the schedule with the down payment first, the totals and the terms' hash", async () => {
    const { plan, invoices } = await offered({ downPayment: "10.00" });
    const offer = await getPaymentPlanOffer({ customerId, planId: plan.id.toUpperCase() }, payer, { now });
    expect(offer).toMatchObject({
      id: plan.id,
      label: plan.label,
      status: "PROPOSED",
      termsHash: plan.termsHash,
      expired: false,
      answer: null,
      hasSavedCard: false,
      can: { answer: true },
    });
    expect(offer.invoices.map((i) => i.id).sort()).toEqual(invoices.map((i) => i.id).sort());
    expect(offer.invoices.reduce((sum, i) => sum + i.amount, 0n)).toBe(offer.covered);
    expect(offer.total).toBe(offer.covered + offer.fee);
    expect(offer.schedule).toHaveLength(4);
    expect(offer.schedule[0]).toMatchObject({ sequence: 0, amount: 1000n, downPayment: true });
    expect(offer.schedule.slice(1).every((p) => !p.downPayment)).toBe(true);
    expect(offer.schedule.reduce((sum, p) => sum + p.amount, 0n)).toBe(offer.total);
  });

  it("lets a viewer read but not answer, and nobody answer once the offer expired or was answered", async () => {
    const { plan } = await offered();
    const id = { customerId, planId: plan.id };
    expect((await getPaymentPlanOffer(id, viewer, { now })).can.answer).toBe(false);
    expect((await getPaymentPlanOffer(id, collector, { now })).can.answer).toBe(false);
    const late = await getPaymentPlanOffer(id, payer, { now: new Date("2027-05-11T08:00:00Z") });
    expect(late).toMatchObject({ expired: true, can: { answer: false } });
    await acceptOffer(customerId, plan, { payer, now });
    const accepted = await getPaymentPlanOffer(id, payer, { now });
    expect(accepted).toMatchObject({
      status: "ACCEPTED",
      can: { answer: false },
      answer: { acceptedName: "Pat Payable", payBy: "PORTAL" },
    });
  });

  it("is NOT_FOUND for another account's plan, an unknown plan and a malformed id", async () => {
    const { plan: foreign } = await offered({ customer: otherCustomerId });
    expect(await refusalCode(getPaymentPlanOffer({ customerId, planId: foreign.id }, payer))).toBe(
      "NOT_FOUND",
    );
    expect(
      await refusalCode(getPaymentPlanOffer({ customerId: otherCustomerId, planId: foreign.id }, payer)),
    ).toBe("NOT_FOUND");
    expect(await refusalCode(getPaymentPlanOffer({ customerId, planId: randomUUID() }, payer))).toBe(
      "NOT_FOUND",
    );
    expect(await refusalCode(getPaymentPlanOffer({ customerId, planId: "PP-1" }, payer))).toBe("NOT_FOUND");
  });
});

describe("an accepted payment plan as the portal shows it", () => {
  const instalmentsOf = (planId: string) =>
    getDb().paymentPlanInstalment.findMany({ where: { planId }, orderBy: { sequence: "asc" } });

  it("shows how the schedule is kept: paid of total, each instalment's state, the next one and what Pay now pays", async () => {
    const { plan } = await planOverInvoices(customerId, {
      invoices: 2,
      downPayment: "10.00",
      status: "ACTIVE",
    });
    await setInstalment(plan.id, 0, { status: "PAID" });
    await setInstalment(plan.id, 1, { status: "MISSED", paidAmount: 500n, missedOn: new Date("2027-05-25") });
    const rows = await instalmentsOf(plan.id);
    const [down, first, second, third] = rows as [
      (typeof rows)[0],
      (typeof rows)[0],
      (typeof rows)[0],
      (typeof rows)[0],
    ];
    // After the second instalment's due date, before the third's.
    const day = new Date(`${second.dueDate.toISOString().slice(0, 10)}T12:00:00Z`);
    const later = new Date(day.getTime() + 86_400_000);

    const page = await getPaymentPlanOffer({ customerId, planId: plan.id }, payer, { now: later });
    expect(page.status).toBe("ACTIVE");
    expect(page.schedule.map((p) => [p.sequence, p.state, p.paidAmount])).toEqual([
      [0, "paid", down.amount],
      [1, "missed", 500n],
      [2, "overdue", 0n],
      [3, "upcoming", 0n],
    ]);
    expect(page.running).toEqual({
      instalments: 4,
      paidInstalments: 1,
      total: down.amount + first.amount + second.amount + third.amount,
      paid: down.amount + 500n,
      next: { sequence: 1, dueDate: first.dueDate, amount: first.amount - 500n, status: "MISSED" },
      dueNow: first.amount - 500n + second.amount,
      overdue: true,
      ahead: false,
      payBy: "PORTAL",
      card: null,
      activatedAt: null,
      endedAt: null,
      endReason: null,
    });
    expect(page.can).toEqual({ payer: true, answer: false, pay: true });
    // On the second instalment's day it is due, not overdue; what is owed of the first comes with it.
    const onTheDay = await getPaymentPlanOffer({ customerId, planId: plan.id }, payer, { now: day });
    expect(onTheDay.schedule[2]?.state).toBe("due");
    expect(onTheDay.running).toMatchObject({ overdue: true, ahead: false });
    expect(onTheDay.running?.dueNow).toBe(first.amount - 500n + second.amount);
  });

  it("asks for the next instalment when nothing is due yet, and lets only payers pay", async () => {
    const { plan } = await planOverInvoices(customerId, { status: "ACCEPTED" });
    const [first] = await instalmentsOf(plan.id);
    const id = { customerId, planId: plan.id };
    const page = await getPaymentPlanOffer(id, payer, { now });
    expect(page.running).toMatchObject({
      instalments: 3,
      paidInstalments: 0,
      paid: 0n,
      dueNow: first!.amount,
      overdue: false,
      ahead: true,
      next: { sequence: 1, amount: first!.amount, status: "DUE" },
    });
    expect(page.schedule.every((p) => p.state === "upcoming")).toBe(true);
    expect(page.can.pay).toBe(true);
    expect((await getPaymentPlanOffer(id, viewer, { now })).can).toMatchObject({ payer: false, pay: false });
    // While card payments are off nobody pays in the portal; the payer is still a payer.
    configureCardPayments("switched-off");
    try {
      expect((await getPaymentPlanOffer(id, payer, { now })).can).toMatchObject({ payer: true, pay: false });
    } finally {
      configureCardPayments(null);
    }
    expect((await getPaymentPlanOffer(id, collector, { now })).can).toMatchObject({
      payer: false,
      pay: false,
    });
  });

  it("names the autopay card, and has nothing to pay once the plan ended or everything is paid", async () => {
    const { plan } = await planOverInvoices(customerId, { status: "ACTIVE" });
    const card = await getDb().savedCard.create({
      data: {
        customerId,
        stripeCustomerId: `cus_${randomUUID()}`,
        paymentMethodId: `pm_${randomUUID()}`,
        brand: "visa",
        last4: "4242",
        expMonth: 12,
        expYear: 2031,
        savedById: payer.userId,
      },
    });
    await getDb().paymentPlan.update({
      where: { id: plan.id },
      data: { payBy: "AUTOPAY", savedCardId: card.id },
    });
    const id = { customerId, planId: plan.id };
    expect((await getPaymentPlanOffer(id, payer, { now })).running).toMatchObject({
      payBy: "AUTOPAY",
      card: "Visa •••• 4242",
    });
    for (const sequence of [1, 2, 3]) await setInstalment(plan.id, sequence, { status: "PAID" });
    const paid = await getPaymentPlanOffer(id, payer, { now });
    expect(paid.running).toMatchObject({ paidInstalments: 3, next: null, dueNow: 0n });
    expect(paid.running?.paid).toBe(paid.running?.total);
    expect(paid.can.pay).toBe(false);

    const { plan: defaulted } = await planOverInvoices(customerId, { status: "DEFAULTED" });
    const ended = await getPaymentPlanOffer({ customerId, planId: defaulted.id }, payer, { now });
    expect(ended.status).toBe("DEFAULTED");
    expect(ended.running?.dueNow).toBeGreaterThan(0n);
    expect(ended.can.pay).toBe(false);
  });

  it("has no running plan while it is an offer", async () => {
    const { plan } = await offered();
    const page = await getPaymentPlanOffer({ customerId, planId: plan.id }, payer, { now });
    expect(page.running).toBeNull();
    expect(page.can.pay).toBe(false);
    expect(page.schedule.every((p) => p.paidAmount === 0n && p.status === "DUE")).toBe(true);
  });
});
