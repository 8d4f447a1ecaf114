import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createCustomer } from "../seed/factories.ts";
import { acceptOffer, PLAN_DAY, planCollector, planOverInvoices } from "./plan-fixtures.test-support.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";

async function account() {
  return (await createCustomer(getDb(), { name: `Reschedule ${randomUUID().slice(0, 6)}` })).id;
}

/** A new schedule for the plan: four monthly instalments on `invoiceIds`. */
function reschedule(customerId: string, planId: string, invoiceIds: string[]) {
  return proposePaymentPlan(
    {
      customerId,
      invoiceIds,
      instalments: 4,
      frequency: "MONTHLY",
      firstDate: "2027-06-01",
      expiresOn: "2027-05-20",
      idempotencyKey: `plan-${randomUUID()}`,
      reschedules: planId,
    },
    planCollector,
    { now: PLAN_DAY },
  );
}

const accept = (customerId: string, offer: { id: string; termsHash: string }) =>
  acceptOffer(customerId, offer, { now: PLAN_DAY });

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.details?.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

const holder = async (itemId: string) =>
  (await getDb().paymentPlanInvoice.findFirst({ where: { openItemKey: itemId } }))?.planId ?? null;

describe("rescheduling a running plan", () => {
  it("keeps the old plan running until the customer accepts the new schedule, then ends it", async () => {
    const customerId = await account();
    const { plan: old, invoices } = await planOverInvoices(customerId, { invoices: 2 });
    const ids = invoices.map((i) => i.id);
    const offer = await reschedule(customerId, old.id, ids);
    // Offered: the old plan still holds the invoices.
    expect(await holder(ids[0]!)).toBe(old.id);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: offer.id } })).replacesPlanId).toBe(
      old.id,
    );
    const opens = await getDb().openItem.findMany({
      where: { id: { in: ids } },
      select: { openAmount: true },
    });

    await accept(customerId, offer);
    const ended = await getDb().paymentPlan.findUniqueOrThrow({
      where: { id: old.id },
      include: { instalments: true },
    });
    expect(ended.status).toBe("CANCELLED");
    expect(ended.instalments.every((i) => i.status === "CANCELLED")).toBe(true);
    expect(await holder(ids[0]!)).toBe(offer.id);
    expect(await holder(ids[1]!)).toBe(offer.id);
    // Nothing in the ledger moved.
    expect(
      await getDb().openItem.findMany({ where: { id: { in: ids } }, select: { openAmount: true } }),
    ).toEqual(opens);
    expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: old.id, action: "payment-plan.cancel" },
    });
    expect(audit.after).toMatchObject({ status: "CANCELLED", rescheduledAs: offer.label });
  });

  it("refuses invoices the plan does not hold, and plans that do not run", async () => {
    const customerId = await account();
    const { plan: old, invoices } = await planOverInvoices(customerId);
    const other = await planOverInvoices(customerId, { answer: "none" });
    expect(await refusal(reschedule(customerId, old.id, [invoices[0]!.id, other.invoices[0]!.id]))).toEqual({
      code: "VALIDATION",
      reason: "plan-reschedule-invoices",
    });
    expect(await refusal(reschedule(customerId, other.plan.id, [other.invoices[0]!.id]))).toEqual({
      code: "INVALID_STATE",
      reason: "plan-not-running",
    });
    const stranger = await account();
    expect(await refusal(reschedule(stranger, old.id, [invoices[0]!.id]))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("accepts one of two new schedules: the second finds its plan ended", async () => {
    const customerId = await account();
    const { plan: old, invoices } = await planOverInvoices(customerId);
    const first = await reschedule(customerId, old.id, [invoices[0]!.id]);
    const second = await reschedule(customerId, old.id, [invoices[0]!.id]);
    await accept(customerId, first);
    expect(await refusal(accept(customerId, second))).toEqual({
      code: "CONFLICT",
      reason: "plan-replaced-ended",
    });
    expect(await holder(invoices[0]!.id)).toBe(first.id);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(
      "PROPOSED",
    );
  });

  it("refuses an offer that both answers a request and reschedules, and a first payment beyond a year", async () => {
    const customerId = await account();
    const { plan: old, invoices } = await planOverInvoices(customerId);
    const both = proposePaymentPlan(
      {
        customerId,
        invoiceIds: [invoices[0]!.id],
        instalments: 2,
        frequency: "MONTHLY",
        firstDate: "2027-06-01",
        expiresOn: "2027-05-20",
        idempotencyKey: `plan-${randomUUID()}`,
        reschedules: old.id,
        requestId: old.id,
      },
      planCollector,
      { now: PLAN_DAY },
    );
    expect(await refusal(both)).toEqual({ code: "VALIDATION", reason: "plan-request-and-reschedule" });
    const far = proposePaymentPlan(
      {
        customerId,
        invoiceIds: [invoices[0]!.id],
        instalments: 2,
        frequency: "MONTHLY",
        firstDate: "2028-05-04",
        expiresOn: "2027-05-20",
        idempotencyKey: `plan-${randomUUID()}`,
        reschedules: old.id,
      },
      planCollector,
      { now: PLAN_DAY },
    );
    expect(await refusal(far)).toEqual({ code: "VALIDATION", reason: "plan-date-far" });
  });
});
