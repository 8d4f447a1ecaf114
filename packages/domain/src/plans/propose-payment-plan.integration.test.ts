import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createInvoiceForCustomer, createLegalEntity } from "../seed/factories.ts";
import { proposePaymentPlan, termsHashOf } from "./propose-payment-plan.ts";

const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const cashApplier: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["CASH_APPLIER"] };
const now = new Date("2027-03-10T15:00:00Z");

let customerId: string;
let invoices: { id: string; number: string; amount: bigint }[];

const offer = (extra: Record<string, unknown> = {}) => ({
  customerId,
  invoiceIds: invoices.slice(0, 2).map((i) => i.id),
  downPayment: "",
  instalments: 3,
  frequency: "MONTHLY" as const,
  firstDate: "2027-04-01",
  expiresOn: "2027-03-20",
  idempotencyKey: `plan-${randomUUID()}`,
  ...extra,
});

async function refusal(run: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details ?? {} };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  const db = getDb();
  customerId = (await createCustomer(db, { name: "Plan Test Ltd" })).id;
  invoices = [];
  for (let i = 0; i < 3; i++) invoices.push(await createInvoiceForCustomer(db, customerId));
});

describe("proposing a payment plan", () => {
  it("offers a schedule that adds up exactly to the covered invoices, audited, and is idempotent", async () => {
    const input = offer({ downPayment: "100.00" });
    const plan = await proposePaymentPlan(input, collector, { now });
    const covered = invoices[0]!.amount + invoices[1]!.amount;
    expect(plan).toMatchObject({ customerId, currency: "USD", covered, total: covered, replayed: false });
    expect(plan.label).toMatch(/^PP-\d+$/);
    expect(plan.schedule.map((p) => [p.sequence, isoDate(p.dueDate)])).toEqual([
      [0, "2027-04-01"],
      [1, "2027-05-01"],
      [2, "2027-06-01"],
      [3, "2027-07-01"],
    ]);
    expect(plan.schedule.reduce((sum, p) => sum + p.amount, 0n)).toBe(covered);
    expect(plan.schedule[0]!.amount).toBe(10_000n);
    // The hash names exactly these terms.
    expect(plan.termsHash).toBe(
      termsHashOf({
        customerId,
        currency: "USD",
        invoices: invoices.slice(0, 2).map((i) => ({ itemId: i.id, amount: i.amount })),
        fee: 0n,
        schedule: plan.schedule,
        expiresOn: plan.expiresOn,
      }),
    );
    const stored = await getDb().paymentPlan.findUniqueOrThrow({
      where: { id: plan.id },
      include: { invoices: true },
    });
    expect(stored.status).toBe("PROPOSED");
    expect(stored.invoices.map((i) => i.openItemKey).sort()).toEqual(
      invoices
        .slice(0, 2)
        .map((i) => i.id)
        .sort(),
    );
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityType: "payment_plan", entityId: plan.id },
    });
    expect(audit).toMatchObject({ action: "payment-plan.propose", customerId });

    // The same form again: the same plan, nothing new.
    const again = await proposePaymentPlan(input, collector, { now });
    expect(again).toMatchObject({ id: plan.id, replayed: true });
    expect(await getDb().paymentPlan.count({ where: { customerId } })).toBe(1);
  });

  it("refuses bad terms with a clear reason and changes nothing", async () => {
    const before = await getDb().paymentPlan.count();
    const other = await createCustomer(getDb(), { name: "Other Plan Co" });
    const foreign = await createInvoiceForCustomer(getDb(), other.id);
    const euro = await createCustomer(getDb(), {
      name: "Euro Plan GmbH",
      legalEntityId: (await createLegalEntity(getDb(), { currency: "EUR", country: "DE" })).id,
    });
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      // Already in the first test's plan.
      [{}, "CONFLICT", "plan-invoice-in-plan"],
      [{ invoiceIds: [invoices[2]!.id], firstDate: "2027-03-01" }, "VALIDATION", "plan-date-past"],
      [{ invoiceIds: [invoices[2]!.id], expiresOn: "2027-04-02" }, "VALIDATION", "plan-expiry"],
      [{ invoiceIds: [invoices[2]!.id], downPayment: "1,000,000.00" }, "VALIDATION", "plan-down-payment"],
      [{ invoiceIds: [invoices[2]!.id], downPayment: "1.000,00" }, "VALIDATION", "not-an-amount"],
      [{ invoiceIds: [invoices[2]!.id], firstDate: "2027-02-30" }, "VALIDATION", "not-a-date"],
      [{ invoiceIds: [invoices[2]!.id], instalments: 0 }, "VALIDATION", "invalid"],
      [{ invoiceIds: [foreign.id] }, "NOT_FOUND", undefined],
      [{ invoiceIds: ["not-an-id"] }, "NOT_FOUND", undefined],
    ];
    for (const [extra, code, reason] of cases) {
      const { code: got, details } = await refusal(proposePaymentPlan(offer(extra), collector, { now }));
      expect([extra, got, details.reason]).toEqual([extra, code, reason]);
    }
    // An account bills in its legal entity's currency: an invoice in another currency belongs to
    // another account, and is not found from this one.
    const euroInvoice = await createInvoiceForCustomer(getDb(), euro.id);
    expect(
      (
        await refusal(
          proposePaymentPlan(offer({ invoiceIds: [euroInvoice.id, invoices[2]!.id] }), collector, { now }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    // Only collectors and AR managers offer plans.
    expect(
      (await refusal(proposePaymentPlan(offer({ invoiceIds: [invoices[2]!.id] }), cashApplier, { now })))
        .code,
    ).toBe("FORBIDDEN");
    expect(await getDb().paymentPlan.count()).toBe(before);
  });

  it("reads the down payment the way the staff member types amounts", async () => {
    const plan = await proposePaymentPlan(
      offer({ invoiceIds: [invoices[2]!.id], downPayment: "1,50", instalments: 2, frequency: "WEEKLY" }),
      collector,
      { now, locale: "pt-BR" },
    );
    expect(plan.schedule[0]).toMatchObject({ sequence: 0, amount: 150n });
    expect(plan.schedule.map((p) => isoDate(p.dueDate))).toEqual(["2027-04-01", "2027-04-08", "2027-04-15"]);
  });

  it("charges the entity's plan fee when asked: its share of what is financed, in the schedule and the terms' hash", async () => {
    const entity = await createLegalEntity(getDb(), { currency: "EUR", country: "DE" });
    await getDb().paymentPlanPolicy.create({
      data: {
        legalEntityId: entity.id,
        feeBps: 150,
        graceDays: 5,
        reminderDays: 7,
        missesToDefault: 2,
        selfServiceEnabled: true,
        selfServiceMaxTotal: 1_000_000n,
        selfServiceMaxInstalments: 6,
        selfServiceMinDownBps: 1000,
        selfServiceRiskClasses: ["LOW"],
      },
    });
    const euro = await createCustomer(getDb(), { name: "Fee Plan GmbH", legalEntityId: entity.id });
    const bill = await createInvoiceForCustomer(getDb(), euro.id, {
      lines: [{ description: "Work", quantityMilli: 1000n, unitPrice: 1_001_00n, taxRateBp: 0 }],
    });
    const terms = { customerId: euro.id, invoiceIds: [bill.id], downPayment: "1.00", instalments: 3 };
    const plan = await proposePaymentPlan(offer({ ...terms, chargeFee: true }), collector, { now });
    // 1.5 % of the 1,000.00 financed.
    expect(plan).toMatchObject({ covered: 1_001_00n, fee: 15_00n, total: 1_016_00n });
    expect(plan.schedule.map((p) => p.amount)).toEqual([1_00n, 338_33n, 338_33n, 338_34n]);
    expect(plan.termsHash).toBe(
      termsHashOf({
        customerId: euro.id,
        currency: "EUR",
        invoices: [{ itemId: bill.id, amount: 1_001_00n }],
        fee: 15_00n,
        schedule: plan.schedule,
        expiresOn: plan.expiresOn,
      }),
    );
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).fee).toBe(15_00n);
    // Without the box, or for an entity without a fee, none.
    await getDb().paymentPlan.update({ where: { id: plan.id }, data: { status: "CANCELLED" } });
    await getDb().paymentPlanInvoice.updateMany({ where: { planId: plan.id }, data: { openItemKey: null } });
    expect((await proposePaymentPlan(offer(terms), collector, { now })).fee).toBe(0n);
    const free = await proposePaymentPlan(
      offer({ invoiceIds: [(await createInvoiceForCustomer(getDb(), customerId)).id], chargeFee: true }),
      collector,
      {
        now,
      },
    );
    expect(free.fee).toBe(0n);
  });
});
