import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { configureCardPayments } from "../base/card-payments-switch.ts";
import { getDb } from "../db/client.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createCreditForCustomer, createCustomer, createStaffUser } from "../seed/factories.ts";
import { PLAN_DAY, planOverInvoices } from "./plan-fixtures.test-support.ts";
import { runPaymentPlans } from "./run-payment-plans.ts";

const cashApplier: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["CASH_APPLIER"] };
const portalUrl = "http://portal.settle.example";
const at = (day: string) => new Date(`${day}T06:00:00Z`);
let collectorId: string;

beforeAll(async () => {
  collectorId = (
    await createStaffUser(getDb(), {
      email: `plans-${randomUUID().slice(0, 8)}@settle.example`,
      roles: ["COLLECTOR"],
    })
  ).id;
});

async function account() {
  return (await createCustomer(getDb(), { name: `Plan Runner ${randomUUID().slice(0, 6)}`, collectorId })).id;
}

async function instalments(planId: string) {
  return getDb().paymentPlanInstalment.findMany({ where: { planId }, orderBy: { sequence: "asc" } });
}

async function plan(planId: string) {
  return getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } });
}

/** A bank payment of `amount` received and applied to the invoice by the cash applier. */
async function pay(customerId: string, invoiceId: string, amount: bigint) {
  const payment = await createCreditForCustomer(getDb(), customerId, { amount });
  await applyCredit({ creditItemId: payment.id, debitItemId: invoiceId, amount }, cashApplier);
}

async function actions(planId: string) {
  const rows = await getDb().auditEvent.findMany({
    where: { entityId: planId, action: { startsWith: "payment-plan." } },
    orderBy: { at: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}

const count = (list: string[], action: string) => list.filter((a) => a === action).length;

/** E-mails of a kind queued for the account's payers. */
async function mails(customerId: string, category: string) {
  const payers = await getDb().portalMembership.findMany({
    where: { customerId },
    select: { portalUser: { select: { email: true } } },
  });
  return getDb().outboxEmail.count({
    where: { category, toAddress: { in: payers.map((p) => p.portalUser.email) } },
  });
}

/** Every day from `from` to `to` (inclusive), as the job's clock. */
function* days(from: string, to: string) {
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    yield d.toISOString().slice(0, 10);
  }
}

describe("the plan job", () => {
  it("lays payments on the covered invoices over the schedule in order, then completes the plan", async () => {
    const customerId = await account();
    const { plan: p, invoices } = await planOverInvoices(customerId);
    const [first, second] = await instalments(p.id);
    // Less than the first instalment: nothing is paid yet, but the plan runs.
    await pay(customerId, invoices[0]!.id, first!.amount - 1n);
    const run = await runPaymentPlans({ now: at("2027-05-10"), customerIds: [customerId], portalUrl });
    expect(run).toMatchObject({ activated: 1, instalments: 1, completed: 0 });
    expect((await plan(p.id)).status).toBe("ACTIVE");
    expect((await instalments(p.id)).map((i) => [i.status, i.paidAmount])).toEqual([
      ["DUE", first!.amount - 1n],
      ["DUE", 0n],
      ["DUE", 0n],
    ]);
    // The rest of the first and half of the second.
    await pay(customerId, invoices[0]!.id, 1n + second!.amount / 2n);
    await runPaymentPlans({ now: at("2027-05-11"), customerIds: [customerId], portalUrl });
    const now = await instalments(p.id);
    expect(now.map((i) => i.status)).toEqual(["PAID", "DUE", "DUE"]);
    expect(now[0]!.paidOn?.toISOString().slice(0, 10)).toBe("2027-05-11");
    expect(now[1]!.paidAmount).toBe(second!.amount / 2n);
    // The same day again: nothing changes.
    expect(
      await runPaymentPlans({ now: at("2027-05-11"), customerIds: [customerId], portalUrl }),
    ).toMatchObject({
      instalments: 0,
      activated: 0,
      completed: 0,
    });
    // Everything else: completed, and the invoice leaves the plan.
    const open = (await getDb().openItem.findUniqueOrThrow({ where: { id: invoices[0]!.id } })).openAmount;
    await pay(customerId, invoices[0]!.id, open);
    expect(
      await runPaymentPlans({ now: at("2027-05-12"), customerIds: [customerId], portalUrl }),
    ).toMatchObject({
      completed: 1,
    });
    expect((await plan(p.id)).status).toBe("COMPLETED");
    expect((await instalments(p.id)).every((i) => i.status === "PAID")).toBe(true);
    expect(
      await getDb().paymentPlanInvoice.count({ where: { planId: p.id, openItemKey: { not: null } } }),
    ).toBe(0);
    expect(count(await actions(p.id), "payment-plan.instalment-paid")).toBe(3);
    expect(await mails(customerId, "portal.plan-completed")).toBe(1);
    expect(await findLedgerViolations()).toEqual([]);
  });

  it("follows a missed instalment through grace, reminder and broken task to default once, run daily", async () => {
    const customerId = await account();
    const { plan: p, invoices } = await planOverInvoices(customerId);
    const schedule = await instalments(p.id);
    const seen: Record<string, string[]> = {};
    for (const day of days("2027-05-14", "2027-07-31")) {
      const run = await runPaymentPlans({ now: at(day), customerIds: [customerId], portalUrl });
      for (const key of ["reminded", "broken", "defaulted"] as const) {
        if (run[key] > 0) seen[key] = [...(seen[key] ?? []), `${day}×${run[key]}`];
      }
    }
    // Default policy: grace 5 days, the reminder's 7 days, default at the second broken instalment.
    expect(schedule.map((i) => i.dueDate.toISOString().slice(0, 10))).toEqual([
      "2027-05-15",
      "2027-06-15",
      "2027-07-15",
    ]);
    expect(seen).toEqual({
      reminded: ["2027-05-21×1", "2027-06-21×1"],
      broken: ["2027-05-28×1", "2027-06-28×1"],
      defaulted: ["2027-06-28×1"],
    });
    const after = await plan(p.id);
    expect(after).toMatchObject({ status: "DEFAULTED", misses: 2, endReason: null });
    expect((await instalments(p.id)).map((i) => i.status)).toEqual(["MISSED", "MISSED", "CANCELLED"]);
    // Its invoices are back in normal collection.
    expect(
      await getDb().paymentPlanInvoice.count({
        where: { itemId: invoices[0]!.id, openItemKey: { not: null } },
      }),
    ).toBe(0);
    const tasks = await getDb().collectorTask.findMany({
      where: { planId: p.id },
      orderBy: { createdAt: "asc" },
    });
    expect(tasks.map((t) => [t.kind, t.assigneeId, t.dueOn.toISOString().slice(0, 10)])).toEqual([
      ["PLAN_BROKEN", collectorId, "2027-05-28"],
      ["PLAN_BROKEN", collectorId, "2027-06-28"],
      ["PLAN_DEFAULTED", collectorId, "2027-06-28"],
    ]);
    const log = await actions(p.id);
    expect(count(log, "payment-plan.instalment-missed")).toBe(2);
    expect(count(log, "payment-plan.instalment-broken")).toBe(2);
    expect(count(log, "payment-plan.default")).toBe(1);
    expect(await mails(customerId, "portal.plan-reminder")).toBe(2);
    expect(await mails(customerId, "portal.plan-defaulted")).toBe(1);
  });

  it("takes the same steps once, in order, when the job runs seldom, twice a day or twice at once", async () => {
    const customerId = await account();
    const { plan: p } = await planOverInvoices(customerId);
    const runDays = [
      "2027-05-10",
      "2027-06-30",
      "2027-06-30",
      "2027-07-01",
      "2027-07-20",
      "2027-07-20",
      "2027-09-01",
    ];
    const steps: string[] = [];
    for (const day of runDays) {
      const [a, b] = await Promise.all([
        runPaymentPlans({ now: at(day), customerIds: [customerId], portalUrl }),
        runPaymentPlans({ now: at(day), customerIds: [customerId], portalUrl }),
      ]);
      steps.push(`${day}: ${a.reminded + b.reminded}/${a.broken + b.broken}/${a.defaulted + b.defaulted}`);
    }
    // Both instalments past grace on 06-30 are reminded first; they break only the reminder's
    // seven days later (the job next runs on 07-20), and the second break defaults the plan.
    expect(steps).toEqual([
      "2027-05-10: 0/0/0",
      "2027-06-30: 2/0/0",
      "2027-06-30: 0/0/0",
      "2027-07-01: 0/0/0",
      "2027-07-20: 0/2/1",
      "2027-07-20: 0/0/0",
      "2027-09-01: 0/0/0",
    ]);
    const log = await actions(p.id);
    expect(count(log, "payment-plan.instalment-missed")).toBe(2);
    expect(count(log, "payment-plan.instalment-broken")).toBe(2);
    expect(count(log, "payment-plan.default")).toBe(1);
    expect(await getDb().collectorTask.count({ where: { planId: p.id } })).toBe(3);
    expect(await mails(customerId, "portal.plan-reminder")).toBe(2);
    expect(await mails(customerId, "portal.plan-defaulted")).toBe(1);
  });

  it("defaults a plan whose last instalment broke, though it missed fewer than the policy's misses", async () => {
    const customerId = await account();
    const { plan: p, invoices } = await planOverInvoices(customerId);
    const [first, second] = await instalments(p.id);
    await pay(customerId, invoices[0]!.id, first!.amount + second!.amount);
    const steps: string[] = [];
    for (const day of days("2027-07-14", "2027-08-10")) {
      const run = await runPaymentPlans({ now: at(day), customerIds: [customerId], portalUrl });
      if (run.broken || run.defaulted) steps.push(`${day}: ${run.broken}/${run.defaulted}`);
    }
    // The third instalment (due 07-15): missed 07-21, broken 07-28 with nothing left to come.
    expect(steps).toEqual(["2027-07-28: 1/1"]);
    expect(await plan(p.id)).toMatchObject({ status: "DEFAULTED", misses: 1 });
    expect(
      await getDb().paymentPlanInvoice.count({ where: { planId: p.id, openItemKey: { not: null } } }),
    ).toBe(0);
  });

  it("charges nothing while card payments are off, and still follows missed instalments", async () => {
    const customerId = await account();
    const { plan: p } = await planOverInvoices(customerId);
    await getDb().paymentPlan.update({ where: { id: p.id }, data: { payBy: "AUTOPAY" } });
    configureCardPayments("switched-off");
    try {
      const run = await runPaymentPlans({ now: at("2027-05-21"), customerIds: [customerId], portalUrl });
      expect(run).toMatchObject({ charged: 0, reminded: 1 });
    } finally {
      configureCardPayments(null);
    }
    expect(await getDb().planCharge.count({ where: { planId: p.id } })).toBe(0);
    expect(await getDb().paymentAttempt.count({ where: { customerId } })).toBe(0);
  });

  it("does not miss an instalment paid within the grace days", async () => {
    const customerId = await account();
    const { plan: p, invoices } = await planOverInvoices(customerId);
    const [first] = await instalments(p.id);
    await runPaymentPlans({ now: at("2027-05-18"), customerIds: [customerId], portalUrl });
    await pay(customerId, invoices[0]!.id, first!.amount);
    const run = await runPaymentPlans({ now: at("2027-05-21"), customerIds: [customerId], portalUrl });
    expect(run.reminded).toBe(0);
    expect((await instalments(p.id)).map((i) => i.status)).toEqual(["PAID", "DUE", "DUE"]);
  });
});

it("leaves offers alone and expires them at the end of their day", async () => {
  const customerId = await account();
  const { plan: p } = await planOverInvoices(customerId, { answer: "none" });
  expect(
    (await runPaymentPlans({ now: at("2027-05-10"), customerIds: [customerId], portalUrl })).expired,
  ).toBe(0);
  expect((await plan(p.id)).status).toBe("PROPOSED");
  expect(
    (await runPaymentPlans({ now: at("2027-05-11"), customerIds: [customerId], portalUrl })).expired,
  ).toBeGreaterThan(0);
  expect((await plan(p.id)).status).toBe("EXPIRED");
  expect(PLAN_DAY < at("2027-05-11")).toBe(true);
});

it("lets a customer's request nobody answered lapse after the first date it asked for, closing its task", async () => {
  const customerId = await account();
  const { plan: p, invoices } = await planOverInvoices(customerId, { answer: "none" });
  await getDb().$transaction([
    getDb().paymentPlan.update({ where: { id: p.id }, data: { status: "REQUESTED" } }),
    getDb().collectorTask.create({
      data: {
        kind: "PLAN_REQUEST",
        customerId,
        planId: p.id,
        dueOn: PLAN_DAY,
        dedupeKey: `plan-request:${p.id}`,
      },
    }),
  ]);
  expect(
    (await runPaymentPlans({ now: at("2027-05-10"), customerIds: [customerId], portalUrl })).expired,
  ).toBe(0);
  await runPaymentPlans({ now: at("2027-05-11"), customerIds: [customerId], portalUrl });
  expect((await plan(p.id)).status).toBe("EXPIRED");
  expect(
    await getDb().paymentPlanInvoice.count({
      where: { itemId: invoices[0]!.id, openItemKey: { not: null } },
    }),
  ).toBe(0);
  expect((await getDb().collectorTask.findFirstOrThrow({ where: { planId: p.id } })).status).toBe("DONE");
  const audit = await getDb().auditEvent.findFirstOrThrow({
    where: { entityId: p.id, action: "payment-plan.expire" },
  });
  expect(audit.before).toEqual({ status: "REQUESTED" });
});
