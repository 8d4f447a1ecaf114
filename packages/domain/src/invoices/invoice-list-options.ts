/**
 * The invoice list's choices, in a module without database code so pages can import them into the
 * browser bundle.
 */

export const INVOICES_PAGE_SIZE = 25;
/** How many invoices one ZIP download may bundle. */
export const MAX_INVOICES_PER_DOWNLOAD = 100;

/**
 * Filter values. "open": anything still to pay (including partially paid and overdue);
 * "partially_paid": part paid, part open; "overdue": open after its due date; "paid": nothing open,
 * paid at least partly by payments; "credited": nothing open, cleared by credit memos only;
 * "disputed": with an open dispute (part of it is held, see disputes/in-dispute.ts); "in_plan":
 * covered by an accepted or active payment plan (plans/in-plan.ts).
 */
export const INVOICE_FILTERS = [
  "open",
  "partially_paid",
  "overdue",
  "paid",
  "credited",
  "disputed",
  "in_plan",
] as const;
export type InvoiceFilter = (typeof INVOICE_FILTERS)[number];

export const INVOICE_SORTS = ["number", "date", "due", "amount", "open"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];
