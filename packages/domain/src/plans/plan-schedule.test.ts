import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../base/dates.ts";
import { PLAN_FREQUENCIES, planSchedule } from "./plan-schedule.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const shown = (payments: ReturnType<typeof planSchedule>) =>
  payments.map((p) => [p.sequence, isoDate(p.dueDate), p.amount]);

describe("a payment plan's schedule", () => {
  it("splits evenly with the rounding remainder on the last instalment", () => {
    const payments = planSchedule({
      covered: 100_000n,
      downPayment: 0n,
      fee: 0n,
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: day("2027-01-15"),
    });
    expect(shown(payments)).toEqual([
      [1, "2027-01-15", 33_333n],
      [2, "2027-02-15", 33_333n],
      [3, "2027-03-15", 33_334n],
    ]);
  });

  it("takes the down payment first and starts the instalments a period later, fee included", () => {
    const payments = planSchedule({
      covered: 120_000n,
      downPayment: 20_000n,
      fee: 1_000n,
      instalments: 2,
      frequency: "BIWEEKLY",
      firstDate: day("2027-03-01"),
    });
    expect(shown(payments)).toEqual([
      [0, "2027-03-01", 20_000n],
      [1, "2027-03-15", 50_500n],
      [2, "2027-03-29", 50_500n],
    ]);
  });

  it("keeps the first date's day of the month, or the month's last day when it is shorter", () => {
    const payments = planSchedule({
      covered: 400n,
      downPayment: 0n,
      fee: 0n,
      instalments: 4,
      frequency: "MONTHLY",
      firstDate: day("2028-01-31"),
    });
    expect(payments.map((p) => isoDate(p.dueDate))).toEqual([
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
      "2028-04-30",
    ]);
  });

  it("always adds up exactly, never pays less than the previous instalment, and moves forward in time", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(...PLAN_FREQUENCIES),
        fc.date({ min: new Date("2026-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        (covered, down, fee, instalments, frequency, date) => {
          const downPayment = down % covered;
          const firstDate = new Date(`${isoDate(date)}T00:00:00Z`);
          const payments = planSchedule({ covered, downPayment, fee, instalments, frequency, firstDate });
          expect(payments.reduce((sum, p) => sum + p.amount, 0n)).toBe(covered + fee);
          expect(payments.filter((p) => p.sequence > 0)).toHaveLength(instalments);
          const regular = payments.filter((p) => p.sequence > 0).map((p) => p.amount);
          expect(regular.at(-1)! >= regular[0]!).toBe(true);
          expect(regular.at(-1)! - regular[0]! < BigInt(instalments)).toBe(true);
          for (let i = 1; i < payments.length; i++) {
            expect(payments[i]!.dueDate.getTime()).toBeGreaterThan(payments[i - 1]!.dueDate.getTime());
          }
        },
      ),
    );
  });

  it("refuses terms that cannot make a plan", () => {
    const terms = {
      covered: 1_000n,
      downPayment: 0n,
      fee: 0n,
      instalments: 3,
      frequency: "WEEKLY" as const,
      firstDate: day("2027-01-01"),
    };
    expect(() => planSchedule({ ...terms, instalments: 0 })).toThrow(RangeError);
    expect(() => planSchedule({ ...terms, instalments: 61 })).toThrow(RangeError);
    expect(() => planSchedule({ ...terms, downPayment: 1_000n })).toThrow(RangeError);
    expect(() => planSchedule({ ...terms, covered: 0n })).toThrow(RangeError);
  });
});
