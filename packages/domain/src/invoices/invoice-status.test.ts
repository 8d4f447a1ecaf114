import { describe, expect, it } from "vitest";
import { invoiceStatus } from "./invoice-status.ts";

const today = new Date("2026-03-15T00:00:00Z");
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const status = (openAmount: bigint, dueDate: string | null, clearedByCreditMemosOnly = false) =>
  invoiceStatus({
    amount: 10_000n,
    openAmount,
    dueDate: dueDate ? date(dueDate) : null,
    today,
    clearedByCreditMemosOnly,
  });

describe("invoiceStatus", () => {
  it("is open when nothing is paid and it is not yet overdue", () => {
    expect(status(10_000n, "2026-04-01")).toEqual({
      code: "OPEN",
      daysOverdue: 0,
      partiallyPaid: false,
      dueToday: false,
    });
    expect(status(10_000n, null).code).toBe("OPEN");
  });

  it("is due today, not overdue, on the due date", () => {
    expect(status(10_000n, "2026-03-15")).toMatchObject({ code: "OPEN", dueToday: true, daysOverdue: 0 });
  });

  it("is overdue by whole days from the day after the due date", () => {
    expect(status(10_000n, "2026-03-14")).toMatchObject({ code: "OVERDUE", daysOverdue: 1 });
    expect(status(10_000n, "2025-03-15")).toMatchObject({ code: "OVERDUE", daysOverdue: 365 });
  });

  it("is partially paid when part is open, and says so when it is overdue too", () => {
    expect(status(2_500n, "2026-04-01")).toMatchObject({ code: "PARTIALLY_PAID", partiallyPaid: true });
    expect(status(1n, "2026-03-01")).toMatchObject({ code: "OVERDUE", partiallyPaid: true, daysOverdue: 14 });
  });

  it("is paid or credited when nothing is open, whatever the due date", () => {
    expect(status(0n, "2025-01-01")).toMatchObject({ code: "PAID", daysOverdue: 0 });
    expect(status(0n, "2025-01-01", true)).toMatchObject({ code: "CREDITED", daysOverdue: 0 });
  });
});
