import type { PortalCredit, PortalHome } from "@settle/domain/portal/get-portal-home";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { MoneyText } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import { documentColumns } from "./document-columns";

/** Payments and credit memos not yet applied to invoices (the newest few, and how many more). */
export function CreditsCard({ home }: { home: PortalHome }) {
  const { t } = useTranslation("home");
  const locale = useLocale();
  const shared = documentColumns<PortalCredit>(t, locale);
  const columns: Column<PortalCredit>[] = [
    shared.document,
    shared.date,
    {
      id: "reference",
      header: t("columns.reference"),
      className: "max-md:hidden",
      cell: (c) => (c.reference ? <bdi>{c.reference}</bdi> : "—"),
    },
    shared.amount,
    {
      id: "open",
      header: t("columns.notYetApplied"),
      align: "right",
      cell: (c) => (
        <MoneyText
          amount={c.openAmount}
          currency={c.currency}
          locale={locale}
          className="font-semibold text-emerald-700"
        />
      ),
    },
  ];
  const more = home.unappliedCreditCount - home.unappliedCredits.length;
  return (
    <Card
      title={t("credits.title")}
      id="credits"
      flush
      actions={<span className="text-xs text-ink-muted">{t("credits.note")}</span>}
    >
      <DataTable
        caption={t("credits.caption")}
        columns={columns}
        rows={home.unappliedCredits}
        rowKey={(c) => c.id}
      />
      {more > 0 ? (
        <p className="border-t border-line px-5 py-3 text-xs text-ink-muted">
          {t("credits.more", { count: more })}
        </p>
      ) : null}
    </Card>
  );
}
