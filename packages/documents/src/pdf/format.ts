import { formatMoney, minorUnitDigits, toDecimalString } from "@settle/domain/money/money";
import { isolate } from "@settle/i18n/isolate";
import { textDirection } from "@settle/i18n/locales";
import { parseIsoDate } from "../iso-date.ts";
import type { DocumentLocale, IsoDate } from "../types.ts";

/** Locale-aware formatting for one document: numbers, money and dates through Intl, never floats for money. */
export interface DocumentFormat {
  locale: DocumentLocale;
  currency: string;
  /** Localized currency name with its code, e.g. "US dollars (USD)". */
  currencyLabel: string;
  /** With currency symbol: "$1,234.50", "R$ 1.234,50". */
  money(amount: bigint): string;
  /** Table figure without symbol (the currency is stated once above the table): "1,234.50". */
  figure(amount: bigint): string;
  /** Compact numeric date for table cells: "03/04/2025", "04/03/2025". */
  date(iso: IsoDate): string;
  /** Written-out date for headings: "March 4, 2025", "4 de marzo de 2025". */
  longDate(iso: IsoDate): string;
  /** Quantity in thousandths: 1500n → "1.5". */
  quantity(milli: bigint): string;
  /** Basis points as a percentage: 1900 → "19%". */
  percent(basisPoints: number): string;
}

/** Intl.NumberFormat takes exact decimal strings; the cast only satisfies the older lib typing. */
const decimal = (text: string) => text as unknown as number;

export function documentFormat(locale: DocumentLocale, currency: string): DocumentFormat {
  const digits = minorUnitDigits(currency);
  const figures = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const shortDates = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const longDates = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" });
  const quantities = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const currencyName = new Intl.DisplayNames(locale, { type: "currency" }).of(currency) ?? currency;
  return {
    locale,
    currency,
    currencyLabel: currencyName === currency ? currency : `${currencyName} (${currency})`,
    money: moneyWithSymbol(locale, currency),
    figure: (amount) => figures.format(decimal(toDecimalString(amount, currency))),
    date: (iso) => shortDates.format(parseIsoDate(iso)),
    longDate: (iso) => longDates.format(parseIsoDate(iso)),
    quantity: (milli) => quantities.format(decimal(milliToDecimal(milli))),
    percent: (basisPoints) => percents.format(decimal(milliToDecimal(BigInt(basisPoints), 4))),
  };
}

/**
 * An amount with its currency symbol as Intl writes it for the language. Arabic puts the symbol
 * after the number ("‏1,234.50 US$"); drawn right to left, a Latin symbol ending in "$" would be
 * split by the bidirectional algorithm ("$US 1,234.50"), so the symbol is isolated and stays whole
 * ("US$ 1,234.50" left to right, the symbol read after the number). Left-to-right languages as Intl.
 */
function moneyWithSymbol(locale: DocumentLocale, currency: string): (amount: bigint) => string {
  if (textDirection(locale) !== "rtl") return (amount) => formatMoney(amount, currency, locale);
  const symbol = new Intl.NumberFormat(locale, { style: "currency", currency })
    .formatToParts(0)
    .find((part) => part.type === "currency")?.value;
  return (amount) => {
    const text = formatMoney(amount, currency, locale);
    return symbol ? text.replace(symbol, isolate(symbol)) : text;
  };
}

/** 1500n → "1.500"; with scale 4, basis points become a fraction (1900n → "0.1900"). */
function milliToDecimal(value: bigint, scale = 3): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
