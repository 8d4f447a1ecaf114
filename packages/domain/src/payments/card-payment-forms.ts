import { z } from "zod";
import { DomainError } from "../errors.ts";
import { amountExample, parseTypedAmount } from "../money/typed-amount.ts";

/** How many invoices one card payment may pay (one Checkout line each). */
export const MAX_INVOICES_PER_PAYMENT = 50;

// Ids stay plain strings here: a malformed id must be refused like an unknown one, not as a
// format error that tells it apart.
const InvoiceIdsSchema = z
  .array(z.string().max(100))
  .max(MAX_INVOICES_PER_PAYMENT, { error: "too-many" })
  .transform((ids) => [...new Set(ids.map((id) => id.trim().toLowerCase()).filter(Boolean))]);

/** The invoices a payer ticked on the invoice list, for the review page. */
export const ReviewCardPaymentSchema = z.object({
  customerId: z.string().max(100),
  invoiceIds: InvoiceIdsSchema,
});
export type ReviewCardPaymentInput = z.input<typeof ReviewCardPaymentSchema>;

/**
 * The review page's submission: an amount per invoice as typed (a decimal in the invoice's
 * currency, e.g. "1250.50"), converted to minor units by the money module once the currency is
 * known. `idempotencyKey` comes with the page, so a double submit is one payment.
 */
export const StartCardPaymentSchema = z.object({
  customerId: z.string().max(100),
  idempotencyKey: z.uuid(),
  allocations: z
    .array(z.object({ invoiceId: z.string().max(100), amount: z.string().max(40) }))
    .max(MAX_INVOICES_PER_PAYMENT, { error: "too-many" }),
});
export type StartCardPaymentInput = z.input<typeof StartCardPaymentSchema>;

/**
 * Why a payment is refused, as `details.reason` on the DomainError (the portal words each one in
 * the payer's language), with the invoice number where one is concerned.
 */
export type CardPaymentRefusal =
  | "no-invoices"
  | "too-many"
  | "unknown-invoice"
  | "other-account"
  | "mixed-currencies"
  | "already-paid"
  | "amount-invalid"
  | "amount-not-positive"
  | "amount-too-high"
  | "duplicate-invoice"
  | "form-used"
  | "payment-service-unavailable"
  | "payment-service-refused"
  | "amount-not-chargeable";

export function refuse(
  reason: CardPaymentRefusal,
  message: string,
  values: Record<string, string> = {},
): DomainError {
  // An invoice that is not the account's is NOT_FOUND, as everywhere: its id reveals nothing.
  const code = reason.startsWith("payment-service")
    ? "INVALID_STATE"
    : reason === "unknown-invoice"
      ? "NOT_FOUND"
      : "VALIDATION";
  return new DomainError(code, message, { reason, ...values });
}

/** The zod issues of these schemas as a refusal (the only custom message is "too-many"). */
export function refusalFromZod(error: z.ZodError): DomainError {
  if (error.issues.some((i) => i.message === "too-many")) {
    return refuse("too-many", `At most ${MAX_INVOICES_PER_PAYMENT} invoices can be paid at once.`, {
      max: String(MAX_INVOICES_PER_PAYMENT),
    });
  }
  return refuse("unknown-invoice", "The payment request is not valid.");
}

/**
 * A typed amount in minor units of `currency`, as the payer types it in their language
 * ("1,250.50" in English, "1.250,50" in Portuguese). Anything else (another language's
 * separators, a sign, an exponent) is refused with the form expected, never guessed.
 */
export function parsePaymentAmount(
  text: string,
  currency: string,
  invoiceNumber: string,
  locale = "en",
): bigint {
  const trimmed = text.trim();
  if (/^-/.test(trimmed)) {
    throw refuse("amount-not-positive", `The amount for ${invoiceNumber} must be more than zero.`, {
      number: invoiceNumber,
    });
  }
  let amount: bigint;
  try {
    amount = parseTypedAmount(trimmed, currency, locale);
  } catch {
    const example = amountExample(currency, locale);
    throw refuse(
      "amount-invalid",
      `The amount for ${invoiceNumber} is not an amount; type it like ${example}.`,
      {
        number: invoiceNumber,
        example,
      },
    );
  }
  if (amount <= 0n) {
    throw refuse("amount-not-positive", `The amount for ${invoiceNumber} must be more than zero.`, {
      number: invoiceNumber,
    });
  }
  return amount;
}

/**
 * The review page's form as posted: the invoices' ids and the amounts typed, one of each per row
 * (the account comes from the address). An empty amount stays empty, for the use case to refuse
 * with the invoice's number.
 */
export const PayInvoicesFormSchema = z.object({
  idempotencyKey: z.string().max(100).default(""),
  invoiceId: z.array(z.string().max(100)).max(MAX_INVOICES_PER_PAYMENT, { error: "too-many" }).default([]),
  amount: z
    .array(z.string().max(40).default(""))
    .max(MAX_INVOICES_PER_PAYMENT, { error: "too-many" })
    .default([]),
});
export type PayInvoicesForm = z.output<typeof PayInvoicesFormSchema>;
