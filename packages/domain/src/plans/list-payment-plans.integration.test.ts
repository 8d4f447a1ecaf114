import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createInvoiceForCustomer } from "../seed/factories.ts";
import { listPaymentPlans } from "./list-payment-plans.ts";
import { getPlanProposalForm } from "./plan-proposal-form.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";

const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const cashApplier: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["CASH_APPLIER"] };
const now = new Date("2027-03-10T15:00:00Z");

let customerId: string;
let otherId: string;
let planId: string;
let covered: bigint;
let freeInvoiceId: string;

const portalFor = (id: string): PortalActor => ({
  kind: "portal",
  userId: randomUUID(),
  memberships: [{ customerId: id, role: "ADMIN" }],
});

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "none";
}

beforeAll(async () => {
  const db = getDb();
  customerId = (await createCustomer(db, { name: "Plan List Ltd" })).id;
  otherId = (await createCustomer(db, { name: "No Plans Ltd" })).id;
  const invoices = [
    await createInvoiceForCustomer(db, customerId),
    await createInvoiceForCustomer(db, customerId),
  ];
  covered = invoices[0]!.amount + invoices[1]!.amount;
  freeInvoiceId = (await createInvoiceForCustomer(db, customerId)).id;
  const plan = await proposePaymentPlan(
    {
      customerId,
      invoiceIds: invoices.map((i) => i.id),
      downPayment: "10.00",
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: "2027-04-01",
      expiresOn: "2027-03-20",
      idempotencyKey: `plan-${randomUUID()}`,
    },
    collector,
    { now },
  );
  planId = plan.id;
});

describe("an account's payment plans", () => {
  it("lists the plan with its total, payments paid and next due date, and who may propose", async () => {
    const { plans, can } = await listPaymentPlans(customerId, collector);
    expect(can).toEqual({ propose: true });
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      id: planId,
      status: "PROPOSED",
      currency: "USD",
      total: covered,
      instalmentCount: 3,
      paidCount: 0,
      paymentCount: 4,
    });
    expect(plans[0]!.label).toMatch(/^PP-\d+$/);
    expect(isoDate(plans[0]!.nextDueDate!)).toBe("2027-04-01");
    expect(isoDate(plans[0]!.expiresOn)).toBe("2027-03-20");

    // The down payment paid: one of four paid, the next due is the first instalment.
    await getDb().paymentPlanInstalment.update({
      where: { planId_sequence: { planId, sequence: 0 } },
      data: { status: "PAID" },
    });
    const [after] = (await listPaymentPlans(customerId.toUpperCase(), cashApplier)).plans;
    expect(after).toMatchObject({ paidCount: 1 });
    expect(isoDate(after!.nextDueDate!)).toBe("2027-05-01");
    expect((await listPaymentPlans(customerId, cashApplier)).can).toEqual({ propose: false });
    expect((await listPaymentPlans(otherId, collector)).plans).toEqual([]);
  });

  it("shows a portal user their own account's plans and nobody else's", async () => {
    const own = await listPaymentPlans(customerId, portalFor(customerId));
    expect(own.plans.map((p) => p.id)).toEqual([planId]);
    expect(own.can).toEqual({ propose: false });
    expect(await codeOf(listPaymentPlans(customerId, portalFor(otherId)))).toBe("NOT_FOUND");
    expect(await codeOf(listPaymentPlans("not-an-id", collector))).toBe("NOT_FOUND");
    expect(await codeOf(listPaymentPlans(randomUUID(), collector))).toBe("NOT_FOUND");
  });
});

describe("the form to propose a plan", () => {
  it("offers the account's open invoices that no open plan covers, with default dates", async () => {
    const form = await getPlanProposalForm(customerId, collector, { now });
    expect(form.customer.id).toBe(customerId);
    expect(form.currency).toBe("USD");
    expect(form.invoices.map((i) => i.id)).toEqual([freeInvoiceId]);
    expect(form.defaults).toEqual({ firstDate: "2027-03-24", expiresOn: "2027-03-17" });
  });

  it("is for those who may propose: others are refused, another account is not found", async () => {
    expect(await codeOf(getPlanProposalForm(customerId, cashApplier, { now }))).toBe("FORBIDDEN");
    expect(await codeOf(getPlanProposalForm(customerId, portalFor(customerId), { now }))).toBe("FORBIDDEN");
    expect(await codeOf(getPlanProposalForm(randomUUID(), collector, { now }))).toBe("NOT_FOUND");
  });
});
