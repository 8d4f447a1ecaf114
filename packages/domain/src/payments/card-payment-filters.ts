/**
 * The card payments list's filter values. A module of constants only (no database code), so the
 * back office's page component can use them without pulling the domain's server code into the
 * browser bundle.
 */
export const CARD_PAYMENT_STATUSES = ["OPEN", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELED"] as const;
export const CARD_PAYMENTS_PAGE_SIZE = 50;
/** Refund filter: any refunded money, part of the payment, or all of it (succeeded refunds). */
export const CARD_PAYMENT_REFUND_FILTERS = ["any", "partial", "full"] as const;
/** Chargeback filter: any chargeback, or its outcome. */
export const CARD_PAYMENT_CHARGEBACK_FILTERS = ["any", "OPEN", "WON", "LOST"] as const;
export const CARD_PAYMENT_SOURCES = ["PORTAL", "AUTOPAY"] as const;
