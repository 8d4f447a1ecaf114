import { DomainError } from "../errors.ts";
import { minorUnitDigits, parseDecimal, toDecimalString } from "./money.ts";

/** How a language writes numbers: its grouping and decimal separators. */
export interface AmountNotation {
  group: string;
  decimal: string;
}

const notations = new Map<string, AmountNotation>();

export function amountNotation(locale: string): AmountNotation {
  let notation = notations.get(locale);
  if (!notation) {
    const parts = new Intl.NumberFormat(locale, { numberingSystem: "latn" }).formatToParts(1234567.5);
    notation = {
      group: parts.find((p) => p.type === "group")?.value ?? ",",
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    };
    notations.set(locale, notation);
  }
  return notation;
}

/** How to type an amount of `currency` in `locale`, for messages: "1,000.00", "1.000,00", "1,000". */
export function amountExample(currency: string, locale: string): string {
  const { group, decimal } = amountNotation(locale);
  const digits = minorUnitDigits(currency);
  return `1${group}000${digits ? decimal + "0".repeat(digits) : ""}`;
}

const writers = new Map<string, Intl.NumberFormat>();

/**
 * An amount as the language writes it in a form field: its separators, Latin digits, no currency
 * ("1,234.50", "1.234,50"); parseTypedAmount reads it back exactly.
 */
export function typedAmountText(amount: bigint, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const key = `${locale}|${digits}`;
  let writer = writers.get(key);
  if (!writer) {
    writer = new Intl.NumberFormat(locale, {
      numberingSystem: "latn",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    writers.set(key, writer);
  }
  // A decimal string keeps full precision (no conversion to a double).
  return writer.format(toDecimalString(amount, currency) as unknown as number);
}

// Arabic-Indic and Extended Arabic-Indic digits, and the Arabic separators, as a phone types them.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const easternDigit = (d: string) => String((d.codePointAt(0)! - 0x0660) % 0x90);
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SPACE_BETWEEN_DIGITS = /(?<=\d)[ \u00A0\u202F](?=\d)/g;

/**
 * An amount as a person types it in their language, in minor units of `currency`: the locale's
 * grouping ("1,000.00" in English, "1.000,00" in Portuguese, spaces too) and decimal separator,
 * Arabic-Indic digits, a leading minus. Grouping must be in threes. Anything that could be read
 * two ways (a point where the language groups with points and decimals with commas, more
 * decimals than the currency has) is refused, never guessed: VALIDATION with the reason
 * "not-an-amount" and an `example` of the expected form for the message.
 */
export function parseTypedAmount(input: string, currency: string, locale: string): bigint {
  const { group, decimal } = amountNotation(locale);
  const refuse = () =>
    new DomainError(
      "VALIDATION",
      `"${input}" is not an amount in ${currency}; type it like ${amountExample(currency, locale)}.`,
      { reason: "not-an-amount", currency, example: amountExample(currency, locale) },
    );
  let text = input
    .trim()
    .replace(EASTERN_DIGITS, easternDigit)
    .replaceAll("\u066B", decimal)
    .replaceAll("\u066C", group)
    .replace(SPACE_BETWEEN_DIGITS, group);
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1);
  const pieces = text.split(decimal);
  if (pieces.length > 2) throw refuse();
  const [whole = "", fraction] = pieces;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) throw refuse();
  if (fraction !== undefined && fraction.length > minorUnitDigits(currency)) throw refuse();
  const grouped = new RegExp(`^\\d{1,3}(?:${literally(group)}\\d{3})+$`);
  if (!(/^\d+$/.test(whole) || grouped.test(whole) || (whole === "" && fraction !== undefined))) {
    throw refuse();
  }
  const plain = `${negative ? "-" : ""}${whole.replaceAll(group, "") || "0"}${fraction ? `.${fraction}` : ""}`;
  try {
    return parseDecimal(plain, currency);
  } catch {
    throw refuse();
  }
}

/**
 * An amount typed in a form's field: parseTypedAmount, its refusal on that field (VALIDATION,
 * reason "not-an-amount", the currency and an example of the expected form for the page's words).
 */
export function parseAmountField(input: string, currency: string, field: string, locale = "en"): bigint {
  try {
    return parseTypedAmount(input, currency, locale);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError("VALIDATION", error.message, { ...error.details, field });
  }
}
