import type {
  DisputeReport,
  DisputeReportGroup,
  DisputeReportRow,
  RepeatIssue,
} from "@settle/domain/disputes/dispute-report";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useNumberFormat } from "../../i18n/list-words.ts";
import { useTranslation } from "../../i18n/use-translation.ts";

type NumberText = (value: number) => string;

/** Hours as people read them: "5 h" under two days, "3.5 days" above. */
function cycle(t: TFunction, number: NumberText, hours: number | null) {
  if (hours === null) return <span className="text-ink-faint">—</span>;
  return (
    <span className="tabular">
      {hours < 48
        ? t("cycle.hours", { hours: number(hours) })
        : t("cycle.days", { days: number(Math.round((hours / 24) * 10) / 10) })}
    </span>
  );
}

const OUTCOMES = ["open", "valid", "partial", "invalid", "withdrawn"] as const;

function groupColumns(
  t: TFunction,
  number: NumberText,
  groupBy: DisputeReportGroup,
): Column<DisputeReportRow>[] {
  return [
    {
      id: "group",
      header: t(`labels:reportGroups.${groupBy}`),
      rowHeader: true,
      cell: (r) =>
        groupBy === "customer" && r.key ? (
          <Link
            to={`/customers/${r.key}`}
            className="font-medium text-ink hover:text-brand-700 hover:underline"
          >
            {r.label}
          </Link>
        ) : (
          <span className="font-medium">{r.label}</span>
        ),
    },
    {
      id: "count",
      header: t("groups.disputes"),
      align: "right",
      cell: (r) => <span className="tabular">{number(r.count)}</span>,
    },
    {
      id: "outcomes",
      header: t("groups.outcomes"),
      className: "max-lg:hidden",
      cell: (r) => (
        <span className="block text-xs text-ink-muted">
          {OUTCOMES.filter((outcome) => r[outcome] > 0)
            .map((outcome) => t("outcome", { number: number(r[outcome]), outcome: t(`outcomes.${outcome}`) }))
            .join(t("totals.separator"))}
        </span>
      ),
    },
    {
      id: "disputed",
      header: t("groups.disputed"),
      align: "right",
      cell: (r) => <MoneyText amount={r.disputedAmount} currency={r.currency} />,
    },
    {
      id: "credited",
      header: t("groups.credited"),
      align: "right",
      cell: (r) => <MoneyText amount={r.creditedAmount} currency={r.currency} className="font-medium" />,
    },
    {
      id: "average",
      header: t("groups.average"),
      align: "right",
      cell: (r) => cycle(t, number, r.averageCycleHours),
    },
    {
      id: "median",
      header: t("groups.median"),
      align: "right",
      cell: (r) => cycle(t, number, r.medianCycleHours),
    },
  ];
}

/** The report's rows: one per group and currency, most disputes first. */
export function ReportGroups({ report }: { report: DisputeReport }) {
  const { t } = useTranslation("dispute-report");
  const { number } = useNumberFormat();
  const columns = useMemo(() => groupColumns(t, number, report.groupBy), [t, number, report.groupBy]);
  return (
    <Card title={t(`groups.title.${report.groupBy}`)} flush>
      <DataTable
        caption={t(`groups.caption.${report.groupBy}`)}
        columns={columns}
        rows={report.rows}
        rowKey={(r) => `${r.key}-${r.currency}`}
        empty={<EmptyState title={t("groups.emptyTitle")} description={t("groups.emptyText")} />}
      />
    </Card>
  );
}

function repeatColumns(t: TFunction): Column<RepeatIssue>[] {
  return [
    {
      id: "customer",
      header: t("repeats.customer"),
      rowHeader: true,
      cell: (r) => (
        <Link
          to={`/customers/${r.customerId}`}
          className="font-medium text-ink hover:text-brand-700 hover:underline"
        >
          <bdi>{r.customerName}</bdi>{" "}
          <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>
        </Link>
      ),
    },
    { id: "reason", header: t("repeats.reason"), cell: (r) => t(`labels:disputeReason.${r.reason}`) },
    {
      id: "count",
      header: t("repeats.disputes"),
      align: "right",
      cell: (r) => (
        <Badge tone={r.count >= 4 ? "danger" : "warning"}>{t("repeats.times", { count: r.count })}</Badge>
      ),
    },
    {
      id: "find",
      header: <span className="sr-only">{t("repeats.find")}</span>,
      cell: (r) => (
        <Link
          to={`/disputes?status=all&q=${encodeURIComponent(r.accountNumber)}&reason=${r.reason}`}
          className="text-sm text-brand-700 hover:underline"
        >
          {t("repeats.see")}
        </Link>
      ),
    },
  ];
}

/** Customers who disputed the same reason repeatedly in the period. */
export function ReportRepeats({ repeats }: { repeats: RepeatIssue[] }) {
  const { t } = useTranslation("dispute-report");
  const columns = useMemo(() => repeatColumns(t), [t]);
  return (
    <Card title={t("repeats.title")} flush>
      {repeats.length === 0 ? (
        <p className="px-5 py-4 text-sm text-ink-muted">{t("repeats.none")}</p>
      ) : (
        <DataTable
          caption={t("repeats.caption")}
          columns={columns}
          rows={repeats}
          rowKey={(r) => `${r.customerId}-${r.reason}`}
        />
      )}
    </Card>
  );
}

/** The period in one sentence: how many disputes, how much disputed and credited, per currency. */
export function ReportTotals({ report }: { report: DisputeReport }) {
  const { t } = useTranslation("dispute-report");
  const totals = new Map<string, { count: number; disputed: bigint; credited: bigint }>();
  for (const r of report.rows) {
    const sum = totals.get(r.currency) ?? { count: 0, disputed: 0n, credited: 0n };
    totals.set(r.currency, {
      count: sum.count + r.count,
      disputed: sum.disputed + r.disputedAmount,
      credited: sum.credited + r.creditedAmount,
    });
  }
  if (totals.size === 0) return <>{t("totals.none")}</>;
  return (
    <>
      {[...totals.entries()].map(([currency, sum], i) => (
        <span key={currency}>
          {i > 0 ? t("totals.separator") : ""}
          <Trans
            t={t}
            i18nKey="totals.currency"
            count={sum.count}
            values={{ currency }}
            components={[
              <MoneyText key="disputed" amount={sum.disputed} currency={currency} />,
              <MoneyText key="credited" amount={sum.credited} currency={currency} />,
            ]}
          />
        </span>
      ))}
    </>
  );
}
