import type { Column } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";

interface HomeDocument {
  number: string;
  kind: string;
  documentDate: Date;
  amount: bigint;
  currency: string;
}

/** The columns the open items and the credits share: document (number and kind), date, amount. */
export function documentColumns<T extends HomeDocument>(
  t: TFunction,
  locale: string,
): { document: Column<T>; date: Column<T>; amount: Column<T> } {
  return {
    document: {
      id: "number",
      header: t("columns.document"),
      rowHeader: true,
      cell: (d) => (
        <span className="block">
          <span className="block font-medium whitespace-nowrap text-ink">{d.number}</span>
          <span className="block text-xs text-ink-muted">{t(`common:kinds.${d.kind}`)}</span>
        </span>
      ),
    },
    date: {
      id: "date",
      header: t("columns.date"),
      className: "max-sm:hidden",
      cell: (d) => <DateText value={d.documentDate} locale={locale} className="tabular whitespace-nowrap" />,
    },
    amount: {
      id: "amount",
      header: t("columns.amount"),
      align: "right",
      className: "max-sm:hidden",
      cell: (d) => (
        <MoneyText amount={d.amount} currency={d.currency} locale={locale} className="text-ink-muted" />
      ),
    },
  };
}
