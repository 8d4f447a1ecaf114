import { formatMoney } from "@settle/domain/money/money";
import { formatDate } from "@settle/ui/date-text";
import { useMemo } from "react";
import { useLocale } from "~/lib/root-data";

/**
 * Numbers, amounts and dates as text in the page's language, for places that need a string
 * (interpolation into `t`, aria-labels). In markup, prefer <MoneyText>/<DateText locale={locale}>.
 */
export function useFormat() {
  const locale = useLocale();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale);
    return {
      locale,
      number: (value: number | bigint) => numbers.format(value),
      money: (amount: bigint, currency: string) => formatMoney(amount, currency, locale),
      date: (value: Date | string) => formatDate(value, { locale, mode: "date" }),
      dateTime: (value: Date | string) => formatDate(value, { locale, mode: "datetime" }),
    };
  }, [locale]);
}
