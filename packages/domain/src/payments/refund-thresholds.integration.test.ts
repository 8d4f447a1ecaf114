import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { listRefundThresholds, setRefundThreshold } from "./refund-thresholds.ts";

const manager: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["AR_MANAGER"] };
const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe("refund approval thresholds", () => {
  it("lets an AR manager set a currency's threshold, audited, and lists it for those who may change it", async () => {
    const set = await setRefundThreshold({ currency: "chf", amount: "2500.50" }, manager);
    expect(set).toMatchObject({ currency: "CHF", amount: 250_050n, changed: true });
    const read = await listRefundThresholds(manager);
    expect(read.thresholds.find((t) => t.currency === "CHF")?.amount).toBe(250_050n);
    // A settings page for those who change them: a collector is refused.
    expect(await failure(listRefundThresholds(collector))).toBe("FORBIDDEN");

    const again = await setRefundThreshold({ currency: "CHF", amount: "2500.5" }, manager);
    expect(again.changed).toBe(false);
    await setRefundThreshold({ currency: "CHF", amount: "100" }, manager);
    const events = await getDb().auditEvent.findMany({
      where: { entityType: "refund_approval_threshold", entityId: "CHF" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ["refund-threshold.set", null, { amount: "2500.50" }],
      ["refund-threshold.set", { amount: "2500.50" }, { amount: "100.00" }],
    ]);
  });

  it("refuses other roles and amounts that are not amounts of the currency", async () => {
    expect(await failure(setRefundThreshold({ currency: "USD", amount: "1" }, collector))).toBe("FORBIDDEN");
    expect(await failure(setRefundThreshold({ currency: "US", amount: "1" }, manager))).toBe("VALIDATION");
    expect(await failure(setRefundThreshold({ currency: "XYZ1", amount: "1" }, manager))).toBe("VALIDATION");
    expect(await failure(setRefundThreshold({ currency: "USD", amount: "1.000,00" }, manager))).toBe(
      "VALIDATION",
    );
    expect(await failure(setRefundThreshold({ currency: "USD", amount: "10.001" }, manager))).toBe(
      "VALIDATION",
    );
    expect(await failure(setRefundThreshold({ currency: "USD", amount: "-5" }, manager))).toBe("VALIDATION");
    // A refusal names the field it is about, for the form to show it there.
    await expect(setRefundThreshold({ currency: "USD", amount: "1.000,00" }, manager)).rejects.toMatchObject({
      details: { field: "amount", reason: "not-an-amount", currency: "USD", example: "1,000.00" },
    });
    // Typed in the manager's language: "1,000" is a thousand in English, three decimals in Portuguese.
    expect((await setRefundThreshold({ currency: "CAD", amount: "1,000" }, manager)).amount).toBe(100_000n);
    await expect(
      setRefundThreshold({ currency: "CAD", amount: "1,000" }, manager, { locale: "pt-BR" }),
    ).rejects.toMatchObject({ details: { field: "amount", reason: "not-an-amount", example: "1.000,00" } });
    expect(
      (await setRefundThreshold({ currency: "CAD", amount: "2.000,50" }, manager, { locale: "pt-BR" }))
        .amount,
    ).toBe(200_050n);
    await expect(setRefundThreshold({ currency: "US", amount: "1" }, manager)).rejects.toMatchObject({
      details: { field: "currency" },
    });
    expect(await failure(setRefundThreshold({ currency: "JPY", amount: "1000.5" }, manager))).toBe(
      "VALIDATION",
    );
  });
});
