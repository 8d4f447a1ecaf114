import { z } from "zod";
import { DomainError } from "../errors.ts";
import { minorUnitDigits, parseDecimal, toDecimalString } from "../money/money.ts";

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
 * A typed amount in minor units of `currency`: digits with an optional point and no more decimals
 * than the currency has. Anything else (a comma, a sign, an exponent) is refused, never guessed.
 */
export function parsePaymentAmount(text: string, currency: string, invoiceNumber: string): bigint {
  const trimmed = text.trim();
  if (/^-/.test(trimmed)) {
    throw refuse("amount-not-positive", `The amount for ${invoiceNumber} must be more than zero.`, {
      number: invoiceNumber,
    });
  }
  let amount: bigint;
  try {
    amount = parseDecimal(trimmed, currency);
  } catch {
    throw refuse("amount-invalid", `The amount for ${invoiceNumber} is not a valid amount.`, {
      number: invoiceNumber,
    });
  }
  if (amount <= 0n) {
    throw refuse("amount-not-positive", `The amount for ${invoiceNumber} must be more than zero.`, {
      number: invoiceNumber,
    });
  }
  return amount;
}

/**
 * Stripe's zero-decimal currencies: the API amount is in whole units (¥500 is 500). Every other
 * currency is two-decimal in the API unless it is one of the three-decimal ones below, whatever its
 * ISO 4217 minor unit (ISK and HUF have none in ISO 4217, two in Stripe's API).
 */
export const STRIPE_ZERO_DECIMAL: ReadonlySet<string> = new Set([
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "JPY",
  "KMF",
  "KRW",
  "MGA",
  "PYG",
  "RWF",
  "UGX",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
]);
/** Three decimals in the API, but the last digit must be 0 (5.124 KWD cannot be charged). */
export const STRIPE_THREE_DECIMAL: ReadonlySet<string> = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);
/**
 * Two decimals in the API but whole units only (card networks take whole krónur): the amount must
 * be divisible by 100. HUF and TWD are two-decimal for charges (whole units only for payouts, which
 * Settle does not make); Settle's HUF is already whole forints (ISO 4217 has no minor unit).
 */
const STRIPE_WHOLE_UNITS: ReadonlySet<string> = new Set(["ISK"]);

/** Decimal digits of `currency`'s amounts in Stripe's API (JPY 0, USD 2, ISK 2, KWD 3). */
export function stripeDigits(currency: string): number {
  const c = currency.toUpperCase();
  if (STRIPE_ZERO_DECIMAL.has(c)) return 0;
  if (STRIPE_THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/** The smallest step Stripe can charge in `currency`, in Settle's minor units (KWD 10, ISK 1). */
export function stripeStep(currency: string): bigint {
  const c = currency.toUpperCase();
  const settle = minorUnitDigits(c);
  // Stripe's smallest chargeable amount in its own API units, then in Settle's minor units.
  const stripeUnits = STRIPE_THREE_DECIMAL.has(c) ? 10n : STRIPE_WHOLE_UNITS.has(c) ? 100n : 1n;
  const stripe = stripeDigits(c);
  const inSettle =
    settle >= stripe
      ? stripeUnits * 10n ** BigInt(settle - stripe)
      : divideUp(stripeUnits, 10n ** BigInt(stripe - settle));
  return inSettle > 0n ? inSettle : 1n;
}

const divideUp = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * Why Stripe cannot take this amount (in Settle's minor units of `currency`), or null when it can:
 * not positive, not a multiple of what Stripe charges in that currency, or beyond what a JSON
 * number holds exactly.
 */
export function stripeAmountProblem(amount: bigint, currency: string): string | null {
  const c = currency.toUpperCase();
  if (amount <= 0n) return "The amount must be more than zero.";
  const step = stripeStep(c);
  if (amount % step !== 0n) {
    return `Card payments in ${c} must be a multiple of ${toDecimalString(step, c)} ${c}.`;
  }
  const settle = minorUnitDigits(c);
  const stripe = stripeDigits(c);
  const units =
    settle <= stripe ? amount * 10n ** BigInt(stripe - settle) : amount / 10n ** BigInt(settle - stripe);
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return "The amount is too large to be charged by card.";
  return null;
}

/**
 * Settle's minor units of `currency` as Stripe's API amount: exact, both ways. Refuses
 * (VALIDATION, reason "amount-not-chargeable") an amount Stripe cannot take, so nothing is sent.
 */
export function toStripeAmount(amount: bigint, currency: string): number {
  const problem = stripeAmountProblem(amount, currency);
  if (problem) {
    throw new DomainError("VALIDATION", problem, {
      reason: "amount-not-chargeable",
      currency: currency.toUpperCase(),
      step: toDecimalString(stripeStep(currency), currency.toUpperCase()),
    });
  }
  const settle = minorUnitDigits(currency.toUpperCase());
  const stripe = stripeDigits(currency);
  return Number(
    settle <= stripe ? amount * 10n ** BigInt(stripe - settle) : amount / 10n ** BigInt(settle - stripe),
  );
}

/**
 * A Stripe amount (a JSON integer in Stripe's units of `currency`) as Settle's minor units. An
 * amount Settle's minor unit cannot hold exactly (say 10.50 HUF, where Settle keeps whole forints)
 * is an error, never rounded.
 */
export function fromStripeAmount(amount: number, currency: string): bigint {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`Unexpected Stripe amount ${amount}`);
  const c = currency.toUpperCase();
  const settle = minorUnitDigits(c);
  const stripe = stripeDigits(c);
  const value = BigInt(amount);
  if (settle >= stripe) return value * 10n ** BigInt(settle - stripe);
  const factor = 10n ** BigInt(stripe - settle);
  if (value % factor !== 0n) {
    throw new Error(`Stripe amount ${amount} ${c} has a fraction Settle's ${c} amounts cannot hold.`);
  }
  return value / factor;
}
