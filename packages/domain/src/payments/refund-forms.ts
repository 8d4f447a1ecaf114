import { z } from "zod";
import type { RefundReason, RefundStatus } from "../db/generated/enums.ts";

export type { RefundReason, RefundStatus };

export const REFUND_REASONS = ["DUPLICATE_PAYMENT", "OVERPAYMENT", "WRONG_COMPANY", "OTHER"] as const;

export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  DUPLICATE_PAYMENT: "Duplicate payment",
  OVERPAYMENT: "Overpayment",
  WRONG_COMPANY: "Payment to the wrong company",
  OTHER: "Other",
};

/** Staff who may ask for a refund, and who may approve one above the threshold (ADMIN always may). */
export const REFUND_REQUEST_ROLES = ["CASH_APPLIER", "AR_MANAGER"] as const;
export const REFUND_APPROVE_ROLES = ["AR_MANAGER"] as const;

/** Refunds that hold part of the payment: everything but the ones that came to nothing. */
export const LIVE_REFUND_STATUSES: readonly RefundStatus[] = [
  "PENDING_APPROVAL",
  "APPROVED",
  "PENDING",
  "SUCCEEDED",
];

/** What a staff member fills in to ask for a refund. */
const refundRequestFields = {
  /** Decimal text in the payment's currency, e.g. "125.50". */
  amount: z.string({ error: "Enter an amount." }).trim().min(1, "Enter an amount.").max(30),
  reason: z.enum(REFUND_REASONS, { message: "Choose a reason." }),
  note: z.string().trim().max(500).optional(),
  /** The form's key: the same submission twice makes one request. */
  idempotencyKey: z.string().min(8).max(200),
  /**
   * The invoices to reopen when the payment's unapplied remainder does not cover the refund, in
   * order (ids of invoices this payment paid; the use case checks them). None: the most recent.
   */
  reopen: z.array(z.string().max(100)).max(100).default([]),
};

const noteForOther = (v: { reason: RefundReason; note?: string | undefined }) =>
  v.reason !== "OTHER" || (v.note ?? "").length > 0;
const noteForOtherError = { message: "Say why when the reason is Other.", path: ["note"] };

export const RequestRefundSchema = z
  .object({
    /** The card payment (payment attempt) the refund gives back. */
    attemptId: z.string().max(100),
    ...refundRequestFields,
  })
  .refine(noteForOther, noteForOtherError);
export type RequestRefundInput = z.input<typeof RequestRefundSchema>;

/**
 * A decision on one refund of one card payment: the refund must belong to that payment (the page
 * it was decided on), otherwise it is not found.
 */
export const DecideRefundSchema = z.object({
  /** The card payment (payment attempt) the refund belongs to. */
  attemptId: z.string().max(100),
  refundId: z.string().max(100),
  note: z.string().trim().max(500).optional(),
});
export type DecideRefundInput = z.input<typeof DecideRefundSchema>;

const rejectionNote = z
  .string({ error: "Say why the refund is rejected." })
  .trim()
  .min(1, "Say why the refund is rejected.")
  .max(500);

export const RejectRefundSchema = DecideRefundSchema.extend({ note: rejectionNote });
export type RejectRefundInput = z.input<typeof RejectRefundSchema>;

/** "Send again" on an approved refund of one card payment. */
export const RetryRefundSchema = DecideRefundSchema.pick({ attemptId: true, refundId: true });
export type RetryRefundInput = z.input<typeof RetryRefundSchema>;

/**
 * The back office card payment page's refund forms, one per intent (the payment comes from the
 * address): ask for a refund, approve or reject one, send an approved one again.
 */
export const CardPaymentRefundFormSchema = z.discriminatedUnion("intent", [
  z
    .object({ intent: z.literal("refund-request"), ...refundRequestFields })
    .refine(noteForOther, noteForOtherError),
  DecideRefundSchema.omit({ attemptId: true }).extend({ intent: z.literal("refund-approve") }),
  RejectRefundSchema.omit({ attemptId: true }).extend({ intent: z.literal("refund-reject") }),
  RetryRefundSchema.omit({ attemptId: true }).extend({ intent: z.literal("refund-send") }),
]);
export type CardPaymentRefundForm = z.output<typeof CardPaymentRefundFormSchema>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stripe's refund reasons: only "duplicate" maps; everything else is the customer's request. */
export function stripeRefundReason(reason: RefundReason): "duplicate" | "requested_by_customer" {
  return reason === "DUPLICATE_PAYMENT" ? "duplicate" : "requested_by_customer";
}

export const REFUND_METADATA_KEY = "settle_refund_id";

/** One currency's approval amount (the settings page's form). */
export const SetRefundThresholdSchema = z.object({
  currency: z
    .string({ error: "Enter a three-letter currency code, e.g. USD." })
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "Enter a three-letter currency code, e.g. USD.")),
  /** A decimal amount in the currency, e.g. "1000.00"; 0 makes every refund need approval. */
  amount: z.string({ error: "Enter an amount." }).trim().min(1, "Enter an amount.").max(30),
});
export type SetRefundThresholdInput = z.input<typeof SetRefundThresholdSchema>;
