/**
 * Settle's one money module. An amount is a bigint count of the currency's minor unit (cents for
 * USD, whole yen for JPY, fils for KWD) next to an ISO 4217 code. No floating point anywhere:
 * parsing, arithmetic, allocation and rounding are integer operations; formatting hands
 * Intl.NumberFormat an exact decimal string.
 */
import { DomainError } from "../errors.ts";

export interface Money {
  amount: bigint;
  currency: string;
}

const CURRENCY_RE = /^[A-Z]{3}$/;
const digitsCache = new Map<string, number>();

export function assertCurrency(currency: string): void {
  if (!CURRENCY_RE.test(currency))
    throw new DomainError("VALIDATION", `Unknown currency code "${currency}".`);
}

/** Decimal digits of the currency's minor unit, per ISO 4217 as known to Intl (USD 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    assertCurrency(currency);
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      throw new DomainError("VALIDATION", `Unknown currency code "${currency}".`);
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function money(amount: bigint, currency: string): Money {
  assertCurrency(currency);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError("VALIDATION", `Cannot combine ${a.currency} and ${b.currency} amounts.`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function sumAmounts(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
}

export const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
export const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);

/** Integer division rounding half away from zero (commercial rounding). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** `amount` × rate in basis points (1900 = 19.00%), rounded half away from zero. */
export function percentOfBp(amount: bigint, basisPoints: number): bigint {
  return divRound(amount * BigInt(basisPoints), 10_000n);
}

/**
 * Splits `total` in proportion to `weights` so that the parts add up to exactly `total`
 * (largest-remainder method; ties go to the earlier part). Weights must be non-negative and not
 * all zero.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must be non-negative");
  const weightSum = sumAmounts(weights);
  if (weightSum === 0n) throw new RangeError("weights must not all be zero");
  const sign = total < 0n ? -1n : 1n;
  const abs = total * sign;
  const parts = weights.map((w) => (abs * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % weightSum }));
  let left = abs - sumAmounts(parts);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts.map((p) => p * sign);
}

/** "1234.5" → 123450n for USD. Rejects more decimals than the currency has, exponents, commas. */
export function parseDecimal(input: string, currency: string): bigint {
  const digits = minorUnitDigits(currency);
  const text = input.trim();
  const match = /^(-)?(\d{1,16})(?:\.(\d+))?$/.exec(text);
  if (!match) throw new DomainError("VALIDATION", `"${input}" is not an amount.`);
  const [, minus, whole, fraction = ""] = match;
  if (fraction.length > digits) {
    throw new DomainError("VALIDATION", `${currency} amounts have at most ${digits} decimal places.`);
  }
  const minor = BigInt(whole as string) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return minus ? -minor : minor;
}

/** 123450n USD → "1234.50" (exact; the input for Intl formatting and for exports). */
export function toDecimalString(amount: bigint, currency: string): string {
  const digits = minorUnitDigits(currency);
  const negative = amount < 0n;
  const abs = (negative ? -amount : amount).toString();
  if (digits === 0) return (negative ? "-" : "") + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Localized currency formatting, e.g. 123450n USD in "en-US" → "$1,234.50", in "pt-BR" for BRL → "R$ 1.234,50". */
export function formatMoney(amount: bigint, currency: string, locale = "en-US"): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, f);
  }
  // A decimal string keeps full precision: Intl formats it exactly (no conversion to a double).
  return f.format(toDecimalString(amount, currency) as unknown as number);
}
