/**
 * The statement's choices, in a module without database code so pages can import them into the
 * browser bundle.
 */

export const STATEMENT_PAGE_SIZE = 100;
export const DEFAULT_STATEMENT_DAYS = 90;
export const MAX_STATEMENT_YEARS = 5;

/** "activity": every document in the period with a running balance; "open": what is open today. */
export const STATEMENT_VIEWS = ["activity", "open"] as const;
export type StatementView = (typeof STATEMENT_VIEWS)[number];

/** Days past due: not yet due, 1–30, 31–60, 61–90, 91–120, more than 120. */
export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "91-120", "over-120"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
