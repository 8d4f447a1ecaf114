/**
 * Business-day arithmetic for dispute deadlines. Pure (no database): dates are UTC midnights of
 * calendar days; a legal entity's holidays arrive as "YYYY-MM-DD" strings.
 */

const DAY_MS = 86_400_000;

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Saturday and Sunday. Every legal entity Settle serves today works Monday to Friday. */
export function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

export function isBusinessDay(date: Date, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(isoDay(date));
}

/**
 * The `days`-th business day after `start` (start itself never counts): raised on a Friday with
 * 1 day, the deadline is Monday, or Tuesday when Monday is a holiday. `days` must be at least 1.
 */
export function addBusinessDays(start: Date, days: number, holidays: ReadonlySet<string>): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError("days must be a positive integer");
  let current = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  let left = days;
  // Bounded: a year of holidays cannot make this loop forever.
  for (let guard = 0; guard < days * 7 + 400; guard++) {
    current += DAY_MS;
    if (isBusinessDay(new Date(current), holidays)) {
      left -= 1;
      if (left === 0) return new Date(current);
    }
  }
  throw new RangeError("No business day found: check the holiday calendar.");
}

/** The calendar window `addBusinessDays` can reach, for loading holidays in one query. */
export function businessDayWindowEnd(start: Date, days: number): Date {
  return new Date(start.getTime() + (days * 7 + 400) * DAY_MS);
}

/**
 * How many business days lie after `deadline` up to and including `today`: 0 on the deadline
 * itself, 1 on the first business day after it ("overdue by 1 business day").
 */
export function businessDaysAfter(deadline: Date, today: Date, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = deadline.getTime() + DAY_MS; day <= today.getTime(); day += DAY_MS) {
    if (isBusinessDay(new Date(day), holidays)) count += 1;
  }
  return count;
}
