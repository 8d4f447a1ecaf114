import { DomainError } from "../errors.ts";

const DAY_MS = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The earliest and latest calendar days a statement or filter may name; anything else is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** Date fields of statement and invoice filters and payment plans, with their names for messages. */
const DATE_FIELDS = {
  from: "start date",
  to: "end date",
  dueFrom: "due-from date",
  dueTo: "due-to date",
  firstDate: "first payment date",
  expiresOn: "offer expiry date",
} as const;
export type DateField = keyof typeof DATE_FIELDS;

/**
 * "2026-03-15" → UTC midnight of that calendar day, or VALIDATION naming the field. The error's
 * details (`problem`, `field`, `value`) let a page word the message in its own language.
 */
export function parseDateOnly(text: string, field: DateField): Date {
  const value = text.trim();
  const match = ISO_DATE_RE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2026-02-30 over to March: a real calendar day round-trips unchanged.
  if (!date || isoDate(date) !== value) {
    throw new DomainError(
      "VALIDATION",
      `The ${DATE_FIELDS[field]} "${text}" is not a date; use YYYY-MM-DD.`,
      {
        problem: "invalidDate",
        reason: "not-a-date",
        field,
        dateName: DATE_FIELDS[field],
        value: text,
      },
    );
  }
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError("VALIDATION", `The ${DATE_FIELDS[field]} ${text} is out of range.`, {
      problem: "dateOutOfRange",
      field,
      value: text,
    });
  }
  return date;
}

/** UTC midnight → "2026-03-15" (also the form PostgreSQL `date` parameters take). */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addYears(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** Whole calendar days from `a` to `b` (both UTC midnights). */
export const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY_MS);
