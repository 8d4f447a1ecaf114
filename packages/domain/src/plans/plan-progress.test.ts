import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minBig } from "../money/money.ts";
import { type InstalmentState, waterfall } from "./plan-progress.ts";

const schedule = (amounts: bigint[], extra: Partial<InstalmentState>[] = []): InstalmentState[] =>
  amounts.map((amount, i) => ({
    id: `i${i}`,
    sequence: i,
    amount,
    paidAmount: 0n,
    status: "DUE",
    missedOn: null,
    ...extra[i],
  }));

describe("waterfall", () => {
  it("pays instalments in sequence order, each in full before the next gets anything", () => {
    const changes = waterfall(schedule([100n, 200n, 300n]), 250n);
    expect(changes.map((c) => [c.id, c.paidAmount, c.status, c.paidNow])).toEqual([
      ["i0", 100n, "PAID", true],
      ["i1", 150n, "DUE", false],
    ]);
  });

  it("un-pays the latest instalments when less is settled (a refund), back to MISSED if they were", () => {
    const paid = schedule(
      [100n, 100n],
      [
        { paidAmount: 100n, status: "PAID" },
        { paidAmount: 100n, status: "PAID", missedOn: new Date("2027-06-20") },
      ],
    );
    expect(waterfall(paid, 150n).map((c) => [c.id, c.paidAmount, c.status])).toEqual([["i1", 50n, "MISSED"]]);
  });

  it("changes nothing that is already right, skips cancelled instalments and ignores negative settlement", () => {
    expect(waterfall(schedule([100n], [{ paidAmount: 100n, status: "PAID" }]), 100n)).toEqual([]);
    expect(waterfall(schedule([100n, 50n], [{ status: "CANCELLED" }]), 50n).map((c) => c.id)).toEqual(["i1"]);
    expect(waterfall(schedule([100n]), -5n)).toEqual([]);
  });

  it("never lays out more than was settled nor more than an instalment (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10_000n }), { minLength: 1, maxLength: 12 }),
        fc.bigInt({ min: 0n, max: 200_000n }),
        (amounts, settled) => {
          const before = schedule(amounts);
          const after = new Map(waterfall(before, settled).map((c) => [c.id, c]));
          const paid = before.map((i) => after.get(i.id)?.paidAmount ?? i.paidAmount);
          const total = paid.reduce((a, b) => a + b, 0n);
          const scheduled = amounts.reduce((a, b) => a + b, 0n);
          expect(total).toBe(minBig(settled, scheduled));
          for (const [i, p] of paid.entries()) expect(p <= amounts[i]!).toBe(true);
          // In order: an instalment has money only when every earlier one is paid in full.
          paid.forEach((p, i) => {
            if (p > 0n) for (let j = 0; j < i; j++) expect(paid[j]).toBe(amounts[j]);
          });
        },
      ),
    );
  });
});
