import { isoDate } from "../base/dates.ts";
import type { PlanInstalmentStatus } from "../db/generated/enums.ts";
import { minBig } from "../money/money.ts";

/** Pure rules for paying a running plan's instalments (no database code). */

export interface DueInstalment {
  sequence: number;
  dueDate: Date;
  amount: bigint;
  paidAmount: bigint;
  status: PlanInstalmentStatus;
}

const owed = (i: DueInstalment) =>
  (i.status === "DUE" || i.status === "MISSED") && i.paidAmount < i.amount ? i.amount - i.paidAmount : 0n;

/**
 * What paying a plan now pays: what is still owed of every instalment due today or earlier (DUE
 * or MISSED), or, when none is, of the next instalment. 0 when nothing is left to pay.
 */
export function amountDueNow(instalments: readonly DueInstalment[], now: Date): bigint {
  const today = isoDate(now);
  const ordered = [...instalments].sort((a, b) => a.sequence - b.sequence);
  const overdue = ordered.filter((i) => isoDate(i.dueDate) <= today).reduce((sum, i) => sum + owed(i), 0n);
  if (overdue > 0n) return overdue;
  const next = ordered.find((i) => owed(i) > 0n);
  return next ? owed(next) : 0n;
}

/** How a schedule row reads: paid, missed (past its grace), overdue, due today, upcoming or cancelled. */
export type InstalmentState = "paid" | "missed" | "overdue" | "due" | "upcoming" | "cancelled";

export function instalmentState(i: DueInstalment, now: Date): InstalmentState {
  if (i.status === "PAID") return "paid";
  if (i.status === "CANCELLED") return "cancelled";
  if (i.status === "MISSED") return "missed";
  const due = isoDate(i.dueDate);
  const today = isoDate(now);
  return due < today ? "overdue" : due === today ? "due" : "upcoming";
}

export interface CoveredItem {
  id: string;
  openAmount: bigint;
  dueDate: Date | null;
  documentDate: Date;
}

/**
 * `amount` laid over a plan's covered items oldest first (due date, or the document date without
 * one; then document date; then id), each up to its open amount. What the items cannot take is
 * left out: the allocations add up to at most Σ open amounts.
 */
export function allocateOldestFirst(
  items: readonly CoveredItem[],
  amount: bigint,
): { itemId: string; amount: bigint }[] {
  const ordered = items
    .filter((i) => i.openAmount > 0n)
    .sort(
      (a, b) =>
        (a.dueDate ?? a.documentDate).getTime() - (b.dueDate ?? b.documentDate).getTime() ||
        a.documentDate.getTime() - b.documentDate.getTime() ||
        a.id.localeCompare(b.id),
    );
  const allocations: { itemId: string; amount: bigint }[] = [];
  let left = amount;
  for (const item of ordered) {
    if (left <= 0n) break;
    const part = minBig(item.openAmount, left);
    allocations.push({ itemId: item.id, amount: part });
    left -= part;
  }
  return allocations;
}
