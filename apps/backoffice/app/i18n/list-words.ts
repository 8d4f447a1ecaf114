import { moneyText, useMoneyFormat } from "@settle/ui/money-text";
import { usePageLocale } from "@settle/ui/page-locale";
import type { PaginationText } from "@settle/ui/pagination";
import { useMemo } from "react";
import { useTranslation } from "./use-translation.ts";

/** The words of packages/ui's <Pagination> in the page's language (its landmark: <ListPagination>). */
export function usePaginationText(): PaginationText {
  const { t } = useTranslation("common");
  return useMemo(
    () => ({
      pageOf: (page, pageCount) => t("pagination.pageOf", { page, pageCount }),
      range: (first, last, total) => t("pagination.range", { first, last, total }),
      previous: t("pagination.previous"),
      next: t("pagination.next"),
    }),
    [t],
  );
}

function formatsFor(locale: string) {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return {
    locale,
    number: (value: number | bigint) => numbers.format(value),
    /** A share as a percentage with one decimal: 0.123 → 12.3%. */
    percent: (share: number) => percents.format(share),
  };
}

// Intl formatters cost far more to make than to use: one set per language for the process.
const formats = new Map<string, ReturnType<typeof formatsFor>>();

/** Numbers and shares as text in the page's language (the same functions on every render). */
export function useNumberFormat() {
  const locale = usePageLocale();
  let format = formats.get(locale);
  if (!format) {
    format = formatsFor(locale);
    formats.set(locale, format);
  }
  return format;
}

/** Money as text in the page's language, for sentences that carry an amount ("$1.00 in dispute"). */
export function useMoneyWords(): (amount: bigint, currency: string) => string {
  const format = useMoneyFormat();
  const locale = usePageLocale();
  return useMemo(
    () => (amount: bigint, currency: string) => moneyText(format, amount, currency, locale),
    [format, locale],
  );
}
