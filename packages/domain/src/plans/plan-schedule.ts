import { addDays } from "../base/dates.ts";

export const PLAN_FREQUENCIES = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

/** The most instalments one plan may have (five years of monthly payments). */
export const MAX_INSTALMENTS = 60;

export interface ScheduleTerms {
  /** What the plan covers: the chosen invoices' open amounts, in minor units. */
  covered: bigint;
  /** Paid first, on the first date (0: none). Less than what is covered. */
  downPayment: bigint;
  /** A fee or interest the legal entity's policy adds, spread over the instalments (0: none). */
  fee: bigint;
  instalments: number;
  frequency: PlanFrequency;
  /** A calendar date (UTC midnight): the down payment's, else the first instalment's. */
  firstDate: Date;
}

export interface ScheduledPayment {
  /** 0 for the down payment, then 1, 2, … */
  sequence: number;
  dueDate: Date;
  amount: bigint;
}

/**
 * A month later on the same day of the month, or the month's last day when it has fewer days
 * (31 January → 28 or 29 February → 31 March: always counted from the first date, so a short
 * month does not pull the later ones earlier).
 */
function monthsAfter(first: Date, months: number): Date {
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(first.getUTCDate(), lastDay)));
}

export function nthDate(first: Date, frequency: PlanFrequency, n: number): Date {
  if (frequency === "MONTHLY") return monthsAfter(first, n);
  return addDays(first, n * (frequency === "WEEKLY" ? 7 : 14));
}

/**
 * The payments of a plan, which add up exactly to what is covered plus the fee: the down payment
 * on the first date, then equal instalments one period apart (starting a period after the down
 * payment, or on the first date without one), the rounding remainder on the last. Pure: the
 * proposal checks the terms (positive amounts, dates) before it asks.
 */
export function planSchedule(terms: ScheduleTerms): ScheduledPayment[] {
  const { covered, downPayment, fee, instalments, frequency, firstDate } = terms;
  if (instalments < 1 || instalments > MAX_INSTALMENTS || !Number.isInteger(instalments)) {
    throw new RangeError(`instalments must be 1 to ${MAX_INSTALMENTS}`);
  }
  if (covered <= 0n || downPayment < 0n || downPayment >= covered || fee < 0n) {
    throw new RangeError("covered > down payment >= 0 and fee >= 0");
  }
  const financed = covered - downPayment + fee;
  const count = BigInt(instalments);
  const each = financed / count;
  const remainder = financed - each * count;
  const offset = downPayment > 0n ? 1 : 0;
  const payments: ScheduledPayment[] =
    downPayment > 0n ? [{ sequence: 0, dueDate: firstDate, amount: downPayment }] : [];
  for (let i = 1; i <= instalments; i++) {
    payments.push({
      sequence: i,
      dueDate: nthDate(firstDate, frequency, i - 1 + offset),
      amount: i === instalments ? each + remainder : each,
    });
  }
  return payments;
}
