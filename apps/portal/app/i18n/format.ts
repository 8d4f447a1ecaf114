import { formatMoney } from "@settle/domain/money/money";
import { formatDate } from "@settle/ui/date-text";
import { useLocale } from "~/lib/root-data";

function formatsFor(locale: string) {
  const numbers = new Intl.NumberFormat(locale);
  return {
    locale,
    number: (value: number | bigint) => numbers.format(value),
    money: (amount: bigint, currency: string) => formatMoney(amount, currency, locale),
    date: (value: Date | string) => formatDate(value, { locale, mode: "date" }),
    dateTime: (value: Date | string) => formatDate(value, { locale, mode: "datetime" }),
  };
}

// Intl formatters cost far more to make than to use: one set per language for the process.
const formats = new Map<string, ReturnType<typeof formatsFor>>();

/**
 * Numbers, amounts and dates as text in the page's language, for places that need a string
 * (interpolation into `t`, aria-labels). In markup, prefer <MoneyText>/<DateText locale={locale}>.
 */
export function useFormat() {
  const locale = useLocale();
  let format = formats.get(locale);
  if (!format) {
    format = formatsFor(locale);
    formats.set(locale, format);
  }
  return format;
}
