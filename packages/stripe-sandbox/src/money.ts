import { invalidRequest } from "./errors.ts";

// Stripe's own lists (they differ from ISO 4217 for a few currencies, e.g. ISK and HUF).
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Stripe's minimum charge amounts, in the currency's minor unit. */
const MINIMUMS: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  aud: 50,
  cad: 50,
  chf: 50,
  nzd: 50,
  sgd: 50,
  brl: 50,
  inr: 50,
  jpy: 50,
  dkk: 250,
  nok: 300,
  sek: 300,
  pln: 200,
  czk: 1500,
  huf: 17500,
  hkd: 400,
  mxn: 1000,
  ron: 200,
  bgn: 100,
  aed: 200,
  thb: 1000,
  myr: 200,
};

/** Stripe's maximum for most currencies: eight digits in the minor unit. */
const MAX_AMOUNT = 99_999_999;

export function minorDigits(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

export function validateCurrency(currency: string, param = "currency"): string {
  const c = currency.toLowerCase();
  let known = false;
  try {
    known = /^[a-z]{3}$/.test(c) && Intl.supportedValuesOf("currency").includes(c.toUpperCase());
  } catch {
    known = /^[a-z]{3}$/.test(c);
  }
  if (!known)
    throw invalidRequest(`Invalid currency: ${currency}.`, { param, code: "parameter_invalid_string" });
  return c;
}

/** A minor-unit amount as an exact decimal string (`1234`, usd → `12.34`), no floating point. */
export function toDecimalString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const s = String(Math.abs(amount)).padStart(digits + 1, "0");
  const out = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return negative ? `-${out}` : out;
}

/** `formatAmount(1234, "usd", "en")` → `$12.34`, through Intl with the currency's minor digits. */
export function formatAmount(amount: number, currency: string, locale = "en"): string {
  const digits = minorDigits(currency);
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  } catch {
    format = new Intl.NumberFormat("en", {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  }
  // Intl formats decimal strings exactly (no float rounding).
  return format.format(toDecimalString(amount, currency) as Intl.StringNumericLiteral);
}

/**
 * Stripe's rules beyond the minor unit: three-decimal currencies (BHD, JOD, KWD, OMR, TND) take
 * amounts whose last digit is 0, and ISK, two-decimal in the API, takes whole krónur only.
 */
export function validateAmountDigits(amount: number, currency: string, param = "amount"): void {
  const c = currency.toLowerCase();
  if (THREE_DECIMAL.has(c) && amount % 10 !== 0) {
    throw invalidRequest(
      `Invalid amount: ${c.toUpperCase()} amounts must be rounded to the nearest ten (the last digit must be 0).`,
      { param },
    );
  }
  if (c === "isk" && amount % 100 !== 0) {
    throw invalidRequest(
      "Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be evenly divisible by 100.",
      { param, code: "invalid_charge_amount_no_decimal_compatible" },
    );
  }
}

export function validateChargeAmount(amount: number, currency: string, param = "amount"): void {
  validateAmountDigits(amount, currency, param);
  const minimum = MINIMUMS[currency] ?? 50;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, {
      param,
      code: "amount_too_small",
    });
  }
  if (amount > MAX_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAX_AMOUNT, currency)}`, {
      param,
      code: "amount_too_large",
    });
  }
}
