import type { PortalHome } from "@settle/domain/portal/get-portal-home";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { MoneyText } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";

type Balance = PortalHome["balances"][number];

/** An account with several currencies: open items, credits, balance and overdue in each. */
export function CurrencyTable({ home }: { home: PortalHome }) {
  const { t } = useTranslation("home");
  const locale = useLocale();
  const columns: Column<Balance>[] = [
    {
      id: "currency",
      header: t("currencies.currency"),
      rowHeader: true,
      cell: (b) => <span className="font-medium">{b.currency}</span>,
    },
    {
      id: "debits",
      header: t("currencies.openItems"),
      align: "right",
      cell: (b) => <MoneyText amount={b.openDebits} currency={b.currency} locale={locale} />,
    },
    {
      id: "credits",
      header: t("currencies.unappliedCredits"),
      align: "right",
      cell: (b) => <MoneyText amount={-b.openCredits} currency={b.currency} locale={locale} tone="signed" />,
    },
    {
      id: "balance",
      header: t("currencies.balance"),
      align: "right",
      cell: (b) => (
        <MoneyText amount={b.balance} currency={b.currency} locale={locale} className="font-semibold" />
      ),
    },
    {
      id: "overdue",
      header: t("currencies.overdue"),
      align: "right",
      cell: (b) => <MoneyText amount={b.overdue} currency={b.currency} locale={locale} tone="danger" />,
    },
  ];
  return (
    <Card title={t("currencies.title")} id="currencies" flush className="mb-6">
      <DataTable
        caption={t("currencies.title")}
        columns={columns}
        rows={home.balances}
        rowKey={(b) => b.currency}
      />
    </Card>
  );
}
