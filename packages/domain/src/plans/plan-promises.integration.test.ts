import { describe, expect, it } from "vitest";
import { getDb } from "../db/client.ts";
import { createCustomer } from "../seed/factories.ts";
import { planOverInvoices, setInstalment } from "./plan-fixtures.test-support.ts";
import { planPromises } from "./plan-promises.ts";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("plan promises", () => {
  it("lists what running plans' unpaid instalments promise in a range, overdue ones first", async () => {
    const customerId = (await createCustomer(getDb(), { name: "Promises Ltd" })).id;
    const { plan } = await planOverInvoices(customerId);
    const offered = await planOverInvoices(customerId, { answer: "none" });
    const instalments = await getDb().paymentPlanInstalment.findMany({
      where: { planId: plan.id },
      orderBy: { sequence: "asc" },
    });
    // The first instalment half paid and missed; the schedule runs 2027-05-15, 06-15, 07-15.
    await setInstalment(plan.id, 1, { paidAmount: instalments[0]!.amount / 2n, status: "MISSED" });

    const promises = await planPromises({
      from: day("2027-06-01"),
      to: day("2027-06-30"),
      customerIds: [customerId],
    });
    expect(
      promises.map((p) => [p.plan, p.sequence, p.dueDate.toISOString().slice(0, 10), p.amount, p.overdue]),
    ).toEqual([
      [plan.label, 1, "2027-05-15", instalments[0]!.amount - instalments[0]!.amount / 2n, true],
      [plan.label, 2, "2027-06-15", instalments[1]!.amount, false],
    ]);
    // An offer promises nothing yet; a paid instalment nothing more.
    expect(promises.some((p) => p.planId === offered.plan.id)).toBe(false);
    await setInstalment(plan.id, 2, { status: "PAID" });
    const later = await planPromises({
      from: day("2027-06-01"),
      to: day("2027-06-30"),
      customerIds: [customerId],
    });
    expect(later.map((p) => p.sequence)).toEqual([1]);
  });
});
