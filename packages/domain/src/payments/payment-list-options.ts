import type { ItemKind } from "../db/generated/enums.ts";

/**
 * The Payments tab's choices, in a module without database code so pages can import them into
 * the browser bundle.
 */

export const PAYMENTS_PAGE_SIZE = 25;

/** What the Payments tab lists: payments, credit memos, and the money that went back. */
export const PAYMENT_LIST_KINDS: readonly ItemKind[] = [
  "PAYMENT",
  "CREDIT_MEMO",
  "REFUND",
  "CHARGEBACK",
  "REFUND_REVERSAL",
];

/** "payments": card payments and receipts; "credits": credit memos; "refunds": money that went back. */
export const PAYMENT_FILTERS = ["payments", "credits", "refunds"] as const;
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];

export const PAYMENT_SORTS = ["date", "number", "amount"] as const;
export type PaymentSort = (typeof PAYMENT_SORTS)[number];
