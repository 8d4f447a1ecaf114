import { isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import { planLabel } from "./plan-forms.ts";
import { RUNNING_PLAN_STATUSES } from "./plan-progress.ts";

/** What a running plan's unpaid instalment promises: this much, in this currency, on this day. */
export interface PlanPromise {
  planId: string;
  plan: string;
  customerId: string;
  legalEntityId: string;
  currency: string;
  sequence: number;
  dueDate: Date;
  /** What is still to come of the instalment (amount − paid). */
  amount: bigint;
  /** Past its due date and unpaid: a promise already broken (MISSED) or in its grace days. */
  overdue: boolean;
  /** Charged to a saved card on the day (autopay), or paid by the customer from the portal. */
  autopay: boolean;
}

/**
 * Each unpaid instalment of the accepted and active plans is a promise to pay: the collection
 * forecast reads them here (by due date, in a date range), next to promises the collectors record.
 * Instalments due before `from` that are still unpaid are included, marked overdue.
 */
export async function planPromises(
  range: { from: Date; to: Date; customerIds?: readonly string[]; legalEntityIds?: readonly string[] },
  tx: Tx = getDb(),
): Promise<PlanPromise[]> {
  const rows = await tx.paymentPlanInstalment.findMany({
    where: {
      status: { in: ["DUE", "MISSED"] },
      dueDate: { lte: new Date(`${isoDate(range.to)}T00:00:00Z`) },
      plan: {
        status: { in: [...RUNNING_PLAN_STATUSES] },
        ...(range.customerIds ? { customerId: { in: [...range.customerIds] } } : {}),
        ...(range.legalEntityIds ? { legalEntityId: { in: [...range.legalEntityIds] } } : {}),
      },
    },
    orderBy: [{ dueDate: "asc" }, { planId: "asc" }, { sequence: "asc" }],
    select: {
      sequence: true,
      dueDate: true,
      amount: true,
      paidAmount: true,
      plan: {
        select: {
          id: true,
          number: true,
          customerId: true,
          legalEntityId: true,
          currency: true,
          payBy: true,
        },
      },
    },
  });
  const from = isoDate(range.from);
  return rows
    .filter((r) => r.amount > r.paidAmount)
    .map((r) => ({
      planId: r.plan.id,
      plan: planLabel(r.plan.number),
      customerId: r.plan.customerId,
      legalEntityId: r.plan.legalEntityId,
      currency: r.plan.currency.trim(),
      sequence: r.sequence,
      dueDate: r.dueDate,
      amount: r.amount - r.paidAmount,
      overdue: isoDate(r.dueDate) < from,
      autopay: r.plan.payBy === "AUTOPAY",
    }));
}
