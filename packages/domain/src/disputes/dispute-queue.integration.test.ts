import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { customerWithInvoice, key, staff } from "./dispute-fixtures.test-support.ts";
import { getDisputeReport } from "./dispute-report.ts";
import { getDispute } from "./get-dispute.ts";
import { listDisputes } from "./list-disputes.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { resolveDispute } from "./resolve-dispute.ts";

let entityId: string;
let analyst: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Queue Test Entity" })).id;
  analyst = await staff(["DISPUTE_ANALYST"]);
  // A holiday two business days after the deadline below (deadline Monday 2026-01-19).
  await getDb().holiday.create({
    data: { legalEntityId: entityId, date: new Date("2026-01-21T00:00:00Z"), name: "Founders' day" },
  });
});

async function raise(amount: string, now: Date) {
  const { customerId, invoiceId, invoiceNumber } = await customerWithInvoice(entityId);
  const raised = await raiseDispute(
    {
      customerId,
      invoiceId,
      scope: "AMOUNT",
      amount,
      reason: "DAMAGED_GOODS",
      description: "Broken on arrival.",
      channel: "PHONE",
      idempotencyKey: key(),
    },
    analyst,
    { now },
  );
  return { ...raised, customerId, invoiceNumber };
}

describe("dispute queue", () => {
  it("searches, sorts, counts per status and says how many business days a dispute is late", async () => {
    // No rule for this reason: 10 business days from Monday 2026-01-05 is Monday 2026-01-19.
    const late = await raise("10.00", new Date("2026-01-05T10:00:00Z"));
    const other = await raise("25.00", new Date("2026-01-05T11:00:00Z"));
    const now = new Date("2026-01-23T12:00:00Z");
    const customer = await getDb().customer.findUniqueOrThrow({ where: { id: late.customerId } });

    const byName = await listDisputes({ q: customer.name }, analyst, { now });
    expect(byName.rows.map((r) => r.id)).toEqual([late.id]);
    expect(byName.rows[0]).toMatchObject({ overdue: true, overdueBusinessDays: 3 });
    expect((await listDisputes({ q: late.label.toLowerCase() }, analyst, { now })).rows[0]?.id).toBe(late.id);
    expect((await listDisputes({ q: other.invoiceNumber }, analyst, { now })).rows.map((r) => r.id)).toEqual([
      other.id,
    ]);

    const both = [late.id, other.id];
    const byAmount = await listDisputes({ sort: "amount", dir: "desc", reason: "DAMAGED_GOODS" }, analyst);
    expect(byAmount.rows.filter((r) => both.includes(r.id)).map((r) => r.id)).toEqual([other.id, late.id]);
    const bogus = await listDisputes({ sort: "nonsense" as "amount", dir: "sideways" as "asc" }, analyst);
    expect(bogus).toMatchObject({ sort: "deadline", dir: "asc" });

    await resolveDispute(
      { disputeId: other.id, outcome: "INVALID", rootCause: "CUSTOMER_ERROR", explanation: "As ordered." },
      analyst,
    );
    const open = await listDisputes({ q: other.invoiceNumber }, analyst);
    expect(open.total).toBe(0);
    expect(open.byStatus).toMatchObject({ OPEN: 0, RESOLVED_INVALID: 1 });
    expect((await getDispute({ disputeId: late.id }, analyst, { now })).overdueBusinessDays).toBe(3);
  });

  it("reports the median cycle time beside the average", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = await getDisputeReport({ from: "2026-01-01", to: today, groupBy: "legalEntity" }, analyst);
    const row = report.rows.find((r) => r.key === entityId);
    expect(row?.count).toBeGreaterThanOrEqual(2);
    expect(row?.medianCycleHours).not.toBeNull();
    expect(row?.medianCycleHours).toBeGreaterThanOrEqual(0);
  });
});
