import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createInvoiceForCustomer } from "../seed/factories.ts";
import { getPaymentPlanOffer } from "./get-payment-plan.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { respondToPaymentPlan } from "./respond-to-payment-plan.ts";

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
    await respondToPaymentPlan(
      {
        answer: "accept",
        customerId,
        planId: plan.id,
        name: "Pat Payable",
        confirm: "yes",
        termsHash: plan.termsHash,
        payBy: "PORTAL",
      },
      payer,
      { now },
    );
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
