import type { PortalHome, PortalOpenItem } from "@settle/domain/portal/get-portal-home";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import { documentColumns } from "./document-columns";

/** Overdue by n days, due today or open; and partly paid. */
function StatusBadges({ item, today }: { item: PortalOpenItem; today: Date }) {
  const { t } = useTranslation("home");
  const dueToday = item.dueDate !== null && item.dueDate.getTime() === today.getTime();
  return (
    <span className="inline-flex flex-wrap gap-1 sm:justify-end">
      {item.status === "OVERDUE" ? (
        <Badge tone="danger">{t("status.overdueBy", { count: item.daysOverdue })}</Badge>
      ) : dueToday ? (
        <Badge tone="warning">{t("status.dueToday")}</Badge>
      ) : (
        <Badge tone="info">{t("status.open")}</Badge>
      )}
      {item.partiallyPaid ? <Badge tone="neutral">{t("status.partiallyPaid")}</Badge> : null}
    </span>
  );
}

/** The account's oldest open items. */
export function OpenItemsCard({ home }: { home: PortalHome }) {
  const { t } = useTranslation("home");
  const locale = useLocale();
  const shared = documentColumns<PortalOpenItem>(t, locale);
  const columns: Column<PortalOpenItem>[] = [
    shared.document,
    shared.date,
    {
      id: "due",
      header: t("columns.due"),
      cell: (i) => (
        <>
          {i.dueDate ? (
            <DateText value={i.dueDate} locale={locale} className="tabular whitespace-nowrap" />
          ) : (
            "—"
          )}
          {/* Small screens have no room for the status column: the status goes under the due date. */}
          <span className="mt-1 block sm:hidden">
            <StatusBadges item={i} today={home.today} />
          </span>
        </>
      ),
    },
    shared.amount,
    {
      id: "open",
      header: t("columns.open"),
      align: "right",
      cell: (i) => (
        <MoneyText amount={i.openAmount} currency={i.currency} locale={locale} className="font-semibold" />
      ),
    },
    {
      id: "status",
      header: t("columns.status"),
      align: "right",
      className: "max-sm:hidden",
      cell: (i) => <StatusBadges item={i} today={home.today} />,
    },
  ];
  const shown = home.oldestOpenItems.length;
  return (
    <Card
      title={t("openItems.title")}
      id="open-items"
      flush
      actions={
        shown > 0 ? (
          <span className="text-xs text-ink-muted">{t("openItems.shown", { count: shown })}</span>
        ) : null
      }
    >
      <DataTable
        caption={t("openItems.caption")}
        columns={columns}
        rows={home.oldestOpenItems}
        rowKey={(i) => i.id}
        empty={
          <EmptyState
            icon="inbox"
            title={t("openItems.emptyTitle")}
            description={t("openItems.emptyDescription")}
          />
        }
      />
    </Card>
  );
}
