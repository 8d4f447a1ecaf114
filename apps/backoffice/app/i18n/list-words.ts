import { usePageLocale } from "@settle/ui/page-locale";
import type { PaginationText } from "@settle/ui/pagination";
import { useMemo } from "react";
import { useTranslation } from "./use-translation.ts";

/** The words of packages/ui's <Pagination> in the page's language. */
export function usePaginationText(): PaginationText {
  const { t } = useTranslation("common");
  return useMemo(
    () => ({
      landmark: (label) => t("pagination.landmark", { label }),
      pageOf: (page, pageCount) => t("pagination.pageOf", { page, pageCount }),
      range: (first, last, total) => t("pagination.range", { first, last, total }),
      previous: t("pagination.previous"),
      next: t("pagination.next"),
    }),
    [t],
  );
}

// Intl formatters cost far more to make than to use: one per language and style for the process.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, style: "decimal" | "percent"): Intl.NumberFormat {
  const key = `${locale}|${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, style === "percent" ? { style, maximumFractionDigits: 1 } : {});
    numberFormats.set(key, format);
  }
  return format;
}

/** Numbers and shares (0.123 → 12.3%) as text in the page's language. */
export function useNumberFormat() {
  const locale = usePageLocale();
  return {
    locale,
    number: (value: number | bigint) => numberFormat(locale, "decimal").format(value),
    percent: (share: number) => numberFormat(locale, "percent").format(share),
  };
}
