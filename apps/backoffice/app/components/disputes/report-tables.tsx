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
import { Link } from "react-router";
import { DISPUTE_REASON, REPORT_GROUP_LABELS } from "../../dispute-labels.ts";

const nf = new Intl.NumberFormat("en-US");
const df = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** Hours as people read them: "5 h" under two days, "3.5 days" above. */
function cycle(hours: number | null) {
  if (hours === null) return <span className="text-ink-faint">—</span>;
  return (
    <span className="tabular">{hours < 48 ? `${nf.format(hours)} h` : `${df.format(hours / 24)} days`}</span>
  );
}

function groupColumns(groupBy: DisputeReportGroup): Column<DisputeReportRow>[] {
  return [
    {
      id: "group",
      header: REPORT_GROUP_LABELS[groupBy],
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
      header: "Disputes",
      align: "right",
      cell: (r) => <span className="tabular">{nf.format(r.count)}</span>,
    },
    {
      id: "outcomes",
      header: "Outcomes",
      className: "max-lg:hidden",
      cell: (r) => (
        <span className="block text-xs text-ink-muted">
          {(
            [
              [r.open, "open"],
              [r.valid, "valid"],
              [r.partial, "partly valid"],
              [r.invalid, "invalid"],
              [r.withdrawn, "withdrawn"],
            ] as const
          )
            .filter(([n]) => n > 0)
            .map(([n, word]) => `${nf.format(n)} ${word}`)
            .join(", ")}
        </span>
      ),
    },
    {
      id: "disputed",
      header: "Disputed",
      align: "right",
      cell: (r) => <MoneyText amount={r.disputedAmount} currency={r.currency} />,
    },
    {
      id: "credited",
      header: "Credited",
      align: "right",
      cell: (r) => <MoneyText amount={r.creditedAmount} currency={r.currency} className="font-medium" />,
    },
    { id: "average", header: "Average cycle", align: "right", cell: (r) => cycle(r.averageCycleHours) },
    { id: "median", header: "Median cycle", align: "right", cell: (r) => cycle(r.medianCycleHours) },
  ];
}

/** The report's rows: one per group and currency, most disputes first. */
export function ReportGroups({ report }: { report: DisputeReport }) {
  const group = REPORT_GROUP_LABELS[report.groupBy].toLowerCase();
  return (
    <Card title={`By ${group}`} flush>
      <DataTable
        caption={`Disputes by ${group}, most first, one row per currency`}
        columns={groupColumns(report.groupBy)}
        rows={report.rows}
        rowKey={(r) => `${r.key}-${r.currency}`}
        empty={
          <EmptyState
            title="No disputes in this period"
            description="Choose a longer period, or check back once customers have raised disputes."
          />
        }
      />
    </Card>
  );
}

const repeatColumns: Column<RepeatIssue>[] = [
  {
    id: "customer",
    header: "Customer",
    rowHeader: true,
    cell: (r) => (
      <Link
        to={`/customers/${r.customerId}`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
      >
        {r.customerName} <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>
      </Link>
    ),
  },
  { id: "reason", header: "Reason", cell: (r) => DISPUTE_REASON[r.reason] },
  {
    id: "count",
    header: "Disputes",
    align: "right",
    cell: (r) => <Badge tone={r.count >= 4 ? "danger" : "warning"}>{nf.format(r.count)} times</Badge>,
  },
  {
    id: "find",
    header: <span className="sr-only">Disputes</span>,
    cell: (r) => (
      <Link
        to={`/disputes?status=all&q=${encodeURIComponent(r.accountNumber)}&reason=${r.reason}`}
        className="text-sm text-brand-700 hover:underline"
      >
        See them
      </Link>
    ),
  },
];

/** Customers who disputed the same reason repeatedly in the period. */
export function ReportRepeats({ repeats }: { repeats: RepeatIssue[] }) {
  return (
    <Card title="Repeat issues" flush>
      {repeats.length === 0 ? (
        <p className="px-5 py-4 text-sm text-ink-muted">
          No customer disputed the same reason twice in this period.
        </p>
      ) : (
        <DataTable
          caption="Customers who disputed the same reason repeatedly in the period"
          columns={repeatColumns}
          rows={repeats}
          rowKey={(r) => `${r.customerId}-${r.reason}`}
        />
      )}
    </Card>
  );
}

/** The period in one sentence: how many disputes, how much disputed and credited, per currency. */
export function ReportTotals({ report }: { report: DisputeReport }) {
  const totals = new Map<string, { count: number; disputed: bigint; credited: bigint }>();
  for (const r of report.rows) {
    const t = totals.get(r.currency) ?? { count: 0, disputed: 0n, credited: 0n };
    totals.set(r.currency, {
      count: t.count + r.count,
      disputed: t.disputed + r.disputedAmount,
      credited: t.credited + r.creditedAmount,
    });
  }
  return (
    <>
      {totals.size === 0
        ? "no disputes."
        : [...totals.entries()].map(([currency, t], i) => (
            <span key={currency}>
              {i > 0 ? "; " : ""}
              {nf.format(t.count)} in {currency}, <MoneyText amount={t.disputed} currency={currency} />{" "}
              disputed, <MoneyText amount={t.credited} currency={currency} /> credited
            </span>
          ))}
    </>
  );
}
