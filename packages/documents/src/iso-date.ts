import type { IsoDate } from "./types.ts";

/** "2025-03-31" → that calendar day at 00:00 UTC; anything else is a RangeError. */
export function parseIsoDate(iso: IsoDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD).`);
  }
  return date;
}
