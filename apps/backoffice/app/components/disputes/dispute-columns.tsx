import type { listDisputes } from "@settle/domain/disputes/list-disputes";
import { Badge } from "@settle/ui/badge";
import type { Column } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { DISPUTE_STATUS_TONE } from "../../dispute-labels.ts";

export type DisputeRow = Awaited<ReturnType<typeof listDisputes>>["rows"][number];

/** The dispute queue's columns (in the page's language), nearest deadline first by default. */
export const disputeColumnsIn = (t: TFunction): Column<DisputeRow>[] => [
  {
    id: "number",
    header: t("columns.dispute"),
    sortKey: "number",
    firstDir: "desc",
    rowHeader: true,
    className: "whitespace-nowrap",
    cell: (r: DisputeRow) => (
      <span className="block">
        <Link to={`/disputes/${r.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
          {r.label}
        </Link>
        <span className="block text-xs text-ink-muted">
          <Trans
            t={t}
            i18nKey="columns.onInvoice"
            values={{ invoice: r.invoice.number }}
            components={[<span key="invoice" className="font-mono" />]}
          />
        </span>
      </span>
    ),
  },
  {
    id: "customer",
    header: t("columns.customer"),
    sortKey: "customer",
    cell: (r: DisputeRow) => (
      <span className="block">
        <Link to={`/customers/${r.customer.id}`} className="text-ink hover:text-brand-700 hover:underline">
          <bdi>{r.customer.name}</bdi>
        </Link>
        <span className="block font-mono text-xs text-ink-muted">{r.customer.accountNumber}</span>
      </span>
    ),
  },
  {
    id: "reason",
    header: t("columns.reason"),
    className: "max-md:hidden",
    cell: (r: DisputeRow) => <span className="text-sm">{t(`labels:disputeReason.${r.reason}`)}</span>,
  },
  {
    id: "amount",
    header: t("columns.disputed"),
    sortKey: "amount",
    firstDir: "desc",
    align: "right",
    cell: (r: DisputeRow) => <MoneyText amount={r.amount} currency={r.currency} className="font-medium" />,
  },
  {
    id: "status",
    header: t("columns.status"),
    cell: (r: DisputeRow) => (
      <Badge tone={DISPUTE_STATUS_TONE[r.status]}>{t(`labels:disputeStatus.${r.status}`)}</Badge>
    ),
  },
  {
    id: "owner",
    header: t("columns.owner"),
    className: "max-lg:hidden",
    cell: (r: DisputeRow) => (
      <span className="block text-sm">
        {r.owner ? r.owner.name : <span className="text-ink-faint">{t("columns.unassigned")}</span>}
        {r.department ? <span className="block text-xs text-ink-muted">{r.department.name}</span> : null}
      </span>
    ),
  },
  {
    id: "deadline",
    header: t("columns.deadline"),
    sortKey: "deadline",
    className: "whitespace-nowrap",
    cell: (r: DisputeRow) => (
      <span className="block">
        <DateText value={r.deadline} className={r.overdue ? "font-medium text-red-700" : undefined} />
        {r.overdue ? (
          <span className="block text-xs text-red-700">
            {r.overdueBusinessDays > 0
              ? t("labels:overdueBy", { count: r.overdueBusinessDays })
              : t("labels:pastDeadline")}
          </span>
        ) : null}
        {r.escalatedAt ? (
          <Badge tone="danger" className="mt-1">
            {t("columns.escalated")}
          </Badge>
        ) : null}
      </span>
    ),
  },
  {
    id: "created",
    header: t("columns.raised"),
    sortKey: "created",
    firstDir: "desc",
    className: "whitespace-nowrap max-xl:hidden",
    cell: (r: DisputeRow) => <DateText value={r.createdAt} className="text-ink-muted" />,
  },
];
