import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { createCustomer, createInvoiceForCustomer } from "../seed/factories.ts";
import {
  inOpenPlanSql,
  inPlanByCustomer,
  inPlanByItem,
  notInOpenPlanWhere,
  openPlanProgress,
} from "./in-plan.ts";
import { planOverInvoices, setInstalment } from "./plan-fixtures.test-support.ts";

let customerId: string;

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "In Plan Traders" })).id;
});

/** The ids among `ids` the SQL predicate and the Prisma fragment each call in plan / not in plan. */
async function predicates(ids: string[]) {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT i.id::text AS id FROM open_item i WHERE i.id = ANY(${ids}::uuid[]) AND ${inOpenPlanSql(Prisma.sql`i.id`)}`;
  const outside = await getDb().openItem.findMany({
    where: { AND: [{ id: { in: ids } }, notInOpenPlanWhere] },
    select: { id: true },
  });
  return { inPlan: rows.map((r) => r.id).sort(), notInPlan: outside.map((r) => r.id).sort() };
}

describe("which items are in plan", () => {
  it("counts accepted and active plans, not proposed, declined, defaulted or completed ones", async () => {
    const accepted = await planOverInvoices(customerId, { invoices: 2 });
    const active = await planOverInvoices(customerId, { status: "ACTIVE" });
    const proposed = await planOverInvoices(customerId, { answer: "none" });
    const declined = await planOverInvoices(customerId, { answer: "decline" });
    const defaulted = await planOverInvoices(customerId, { status: "DEFAULTED" });
    const completed = await planOverInvoices(customerId, { status: "COMPLETED" });
    const loose = await createInvoiceForCustomer(getDb(), customerId);

    const covered = [...accepted.invoices, ...active.invoices].map((i) => i.id);
    const uncovered = [
      ...[proposed, declined, defaulted, completed].flatMap((p) => p.invoices.map((i) => i.id)),
      loose.id,
    ];
    const all = [...covered, ...uncovered];
    const byItem = await inPlanByItem(all.map((id) => id.toUpperCase()));
    expect([...byItem.keys()].sort()).toEqual([...covered].sort());
    expect(byItem.get(accepted.invoices[1]!.id)?.plan).toMatchObject({
      id: accepted.plan.id,
      label: accepted.plan.label,
      status: "ACCEPTED",
      currency: "USD",
    });
    expect(byItem.get(active.invoices[0]!.id)?.plan).toMatchObject({
      label: active.plan.label,
      status: "ACTIVE",
    });

    // The SQL predicate and the Prisma fragment agree with the reader.
    const { inPlan, notInPlan } = await predicates(all);
    expect(inPlan).toEqual([...covered].sort());
    expect(notInPlan).toEqual([...uncovered].sort());
  });

  it("names the next instalment: the first due or missed one by sequence, less what is paid of it", async () => {
    const { plan, invoices } = await planOverInvoices(customerId, { downPayment: "10.00" });
    const schedule = await getDb().paymentPlanInstalment.findMany({
      where: { planId: plan.id },
      orderBy: { sequence: "asc" },
    });
    const next = async () => (await inPlanByItem([invoices[0]!.id])).get(invoices[0]!.id)?.nextInstalment;
    expect(await next()).toEqual({
      sequence: 0,
      dueDate: schedule[0]!.dueDate,
      amount: 1000n,
      status: "DUE",
    });

    await setInstalment(plan.id, 0, { status: "PAID" });
    await setInstalment(plan.id, 1, { paidAmount: 500n });
    expect(await next()).toEqual({
      sequence: 1,
      dueDate: schedule[1]!.dueDate,
      amount: schedule[1]!.amount - 500n,
      status: "DUE",
    });

    // A missed instalment stays the next one until it is paid, even when a later one is due.
    await setInstalment(plan.id, 1, { status: "MISSED", missedOn: new Date("2027-06-20") });
    expect(await next()).toMatchObject({ sequence: 1, status: "MISSED", amount: schedule[1]!.amount - 500n });

    for (const s of schedule) await setInstalment(plan.id, s.sequence, { status: "PAID" });
    expect(await next()).toBeNull();
  });

  it("reads one query for many items (no query per item)", async () => {
    const plans = await Promise.all([1, 2, 3].map(() => planOverInvoices(customerId, { invoices: 2 })));
    const ids = plans.flatMap((p) => p.invoices.map((i) => i.id));
    let queries = 0;
    const db = getDb().$extends({
      query: {
        $allOperations: ({ args, query }) => {
          queries++;
          return query(args);
        },
      },
    });
    const byItem = await inPlanByItem(ids, db as unknown as ReturnType<typeof getDb>);
    expect(byItem.size).toBe(6);
    expect(queries).toBe(1);
  });
});

describe("what open plans cover per customer, and how each is being kept", () => {
  it("sums the open amounts of in-plan items per currency, and shows each open plan's progress", async () => {
    const customer = (await createCustomer(getDb(), { name: "Plan Progress Co" })).id;
    const kept = await planOverInvoices(customer, { invoices: 2, downPayment: "20.00", status: "ACTIVE" });
    await planOverInvoices(customer, { answer: "none" });
    await planOverInvoices(customer, { status: "DEFAULTED" });

    const sums = (await inPlanByCustomer([customer])).get(customer);
    expect(sums).toEqual([
      {
        currency: "USD",
        amount: kept.invoices[0]!.amount + kept.invoices[1]!.amount,
        items: 2,
        plans: 1,
      },
    ]);

    const schedule = await getDb().paymentPlanInstalment.findMany({
      where: { planId: kept.plan.id },
      orderBy: { sequence: "asc" },
    });
    await setInstalment(kept.plan.id, 0, { status: "PAID" });
    // Missed and then paid late: still counted as missed.
    await setInstalment(kept.plan.id, 1, { status: "PAID", missedOn: new Date("2027-05-25") });
    await setInstalment(kept.plan.id, 2, {
      status: "MISSED",
      missedOn: new Date("2027-06-25"),
      paidAmount: 100n,
    });

    const progress = await openPlanProgress(customer);
    expect(progress).toHaveLength(1);
    const total = schedule.reduce((sum, s) => sum + s.amount, 0n);
    expect(progress[0]).toEqual({
      id: kept.plan.id,
      number: Number(kept.plan.label.slice(3)),
      label: kept.plan.label,
      status: "ACTIVE",
      currency: "USD",
      instalments: 4,
      paidInstalments: 2,
      total,
      paid: schedule[0]!.amount + schedule[1]!.amount + 100n,
      missed: 2,
      nextInstalment: {
        sequence: 2,
        dueDate: schedule[2]!.dueDate,
        amount: schedule[2]!.amount - 100n,
        status: "MISSED",
      },
    });
  });
});
