import { createContext, type ReactNode, useContext } from "react";
import { cx } from "./cx.ts";
import { usePageLocale } from "./page-locale.tsx";

/** Formats minor units of a currency for a locale (the app passes its money module's formatter). */
export type MoneyFormat = (amount: bigint, currency: string, locale: string) => string;

const MoneyFormatContext = createContext<MoneyFormat | null>(null);

/**
 * Gives every <MoneyText> below it the app's money formatter. Components here never do money
 * arithmetic or formatting of their own: they show what the app's money module says.
 */
export function MoneyFormatProvider({ format, children }: { format: MoneyFormat; children: ReactNode }) {
  return <MoneyFormatContext.Provider value={format}>{children}</MoneyFormatContext.Provider>;
}

/** The app's money formatter (for long tables that build their cells with `moneyText`). */
export function useMoneyFormat(): MoneyFormat {
  const format = useContext(MoneyFormatContext);
  if (!format) throw new Error("Money needs a <MoneyFormatProvider> above it (the app's root layout).");
  return format;
}

export interface MoneyTextProps {
  /** Minor units (cents), never a float. */
  amount: bigint;
  currency: string;
  /** Defaults to the page's language (<PageLocaleProvider>), else en-US. */
  locale?: string;
  /** Colour negative amounts (credits) green and positive overdue-style amounts red. */
  tone?: "plain" | "signed" | "danger";
  className?: string;
}

/** A money amount formatted for the locale by the app's money module, in tabular figures. */
export function MoneyText({ amount, currency, locale: given, tone = "plain", className }: MoneyTextProps) {
  const format = useMoneyFormat();
  const pageLocale = usePageLocale();
  const locale = given ?? pageLocale;
  const color =
    tone === "signed" && amount < 0n
      ? "text-emerald-700"
      : tone === "danger" && amount > 0n
        ? "text-red-700"
        : undefined;
  const rtl = isRightToLeft(locale);
  return (
    <span dir={rtl ? "rtl" : undefined} className={cx("tabular whitespace-nowrap", color, className)}>
      {format(amount, currency, locale)}
      {/* In right-to-left text the bidi algorithm splits a sign that ends in a symbol after the
          number ("6,308.24 US$" shows as "$US 6,308.24"); a left-to-right mark keeps it whole. */}
      {rtl ? "\u200E" : null}
    </span>
  );
}

/**
 * The text <MoneyText> shows, for the cells of long tables that are styled by their table rather
 * than wrapped in a span each: the amount for the locale, kept whole in right-to-left text.
 */
export function moneyText(format: MoneyFormat, amount: bigint, currency: string, locale = "en-US"): string {
  const text = format(amount, currency, locale);
  return isRightToLeft(locale) ? `${text}\u200E` : text;
}

const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ur"]);

function isRightToLeft(locale: string): boolean {
  return RIGHT_TO_LEFT.has(locale.split("-")[0]?.toLowerCase() ?? "");
}
