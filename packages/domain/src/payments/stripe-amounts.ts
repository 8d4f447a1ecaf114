import { DomainError } from "../errors.ts";
import { minorUnitDigits, toDecimalString } from "../money/money.ts";

// Amounts between Settle's minor units (ISO 4217) and Stripe's API units, exact both ways
// (decisions/018).

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
