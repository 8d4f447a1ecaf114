import { describe, expect, it } from "vitest";
import { allocateOldestFirst, amountDueNow, type DueInstalment, instalmentState } from "./instalment-due.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const now = new Date("2027-07-20T15:00:00Z");

function schedule(...rows: [string, bigint, bigint, DueInstalment["status"]][]): DueInstalment[] {
  return rows.map(([date, amount, paidAmount, status], sequence) => ({
    sequence,
    dueDate: day(date),
    amount,
    paidAmount,
    status,
  }));
}

describe("what paying a plan now pays", () => {
  it("is everything owed of the instalments due up to today, the missed and the part-paid included", () => {
    const plan = schedule(
      ["2027-05-15", 1000n, 1000n, "PAID"],
      ["2027-06-15", 3000n, 500n, "MISSED"],
      ["2027-07-20", 3000n, 0n, "DUE"],
      ["2027-08-15", 3000n, 0n, "DUE"],
    );
    expect(amountDueNow(plan, now)).toBe(2500n + 3000n);
  });

  it("is the next instalment's remaining amount when nothing is due yet", () => {
    const plan = schedule(
      ["2027-06-15", 3000n, 3000n, "PAID"],
      ["2027-08-15", 3000n, 1200n, "DUE"],
      ["2027-09-15", 3000n, 0n, "DUE"],
    );
    expect(amountDueNow(plan, now)).toBe(1800n);
  });

  it("is nothing once every instalment is paid or cancelled", () => {
    const plan = schedule(["2027-06-15", 3000n, 3000n, "PAID"], ["2027-08-15", 3000n, 0n, "CANCELLED"]);
    expect(amountDueNow(plan, now)).toBe(0n);
  });
});

describe("a schedule row's state", () => {
  it("reads paid, missed, overdue, due today, upcoming and cancelled", () => {
    const rows = schedule(
      ["2027-05-15", 1n, 1n, "PAID"],
      ["2027-06-15", 1n, 0n, "MISSED"],
      ["2027-07-19", 1n, 0n, "DUE"],
      ["2027-07-20", 1n, 0n, "DUE"],
      ["2027-07-21", 1n, 0n, "DUE"],
      ["2027-08-15", 1n, 0n, "CANCELLED"],
    );
    expect(rows.map((r) => instalmentState(r, now))).toEqual([
      "paid",
      "missed",
      "overdue",
      "due",
      "upcoming",
      "cancelled",
    ]);
  });
});

describe("laying a payment over a plan's items", () => {
  const item = (id: string, open: bigint, due: string | null, document = "2027-01-01") => ({
    id,
    openAmount: open,
    dueDate: due ? day(due) : null,
    documentDate: day(document),
  });

  it("pays the oldest first (due date, document date, id), each up to its open amount", () => {
    const items = [
      item("c", 5000n, "2027-03-01"),
      item("b", 2000n, "2027-02-01", "2027-01-05"),
      item("a", 2000n, "2027-02-01", "2027-01-05"),
      item("z", 1000n, "2027-02-01", "2027-01-02"),
      item("paid", 0n, "2026-12-01"),
    ];
    expect(allocateOldestFirst(items, 4500n)).toEqual([
      { itemId: "z", amount: 1000n },
      { itemId: "a", amount: 2000n },
      { itemId: "b", amount: 1500n },
    ]);
  });

  it("takes an item without a due date by its document date, and never more than is open", () => {
    const items = [item("late", 1000n, "2027-04-01"), item("fee", 300n, null, "2027-03-01")];
    expect(allocateOldestFirst(items, 9999n)).toEqual([
      { itemId: "fee", amount: 300n },
      { itemId: "late", amount: 1000n },
    ]);
    expect(allocateOldestFirst(items, 0n)).toEqual([]);
  });
});
