import { isDomainError } from "@settle/domain/errors";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { Form, Link } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { DISPUTE_REASON, REPORT_GROUP_LABELS, REPORT_GROUPS } from "../dispute-labels.ts";
import { loadDisputeReport, reportInput } from "../dispute-report.server.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-report";

export const meta: Route.MetaFunction = () => [{ title: "Dispute report · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const input = reportInput(request);
  try {
    return { input, report: await loadDisputeReport(input, staff.actor), problem: null };
  } catch (error) {
    // A period that is not one (a typo in a date, the end before the start): say so on the page.
    if (isDomainError(error) && error.code === "VALIDATION") {
      return { input, report: null, problem: error.message };
    }
    throwAsResponse(error);
  }
}

type Page = Route.ComponentProps["loaderData"];
type Report = NonNullable<Page["report"]>;
type Row = Report["rows"][number];

const nf = new Intl.NumberFormat("en-US");
const df = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** Hours as people read them: "5 h" under two days, "3.5 days" above. */
function cycle(hours: number | null) {
  if (hours === null) return <span className="text-ink-faint">—</span>;
  return (
    <span className="tabular">{hours < 48 ? `${nf.format(hours)} h` : `${df.format(hours / 24)} days`}</span>
  );
}

const GROUP_LABELS = REPORT_GROUP_LABELS;

function columns(groupBy: Report["groupBy"]): Column<Row>[] {
  return [
    {
      id: "group",
      header: GROUP_LABELS[groupBy],
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

/** Horizontal CSS bars of disputes per group; each bar's text says its number, so nothing is lost without sight. */
function Bars({ report }: { report: Report }) {
  const max = Math.max(1, ...report.rows.map((r) => r.count));
  const shown = report.rows.slice(0, 12);
  return (
    <figure>
      <figcaption className="mb-3 text-sm text-ink-muted">
        Disputes per {GROUP_LABELS[report.groupBy].toLowerCase()}
        {report.rows.length > shown.length ? `, the ${shown.length} largest (all are in the table)` : ""}
      </figcaption>
      <ul className="space-y-2">
        {shown.map((r) => (
          <li
            key={`${r.key}-${r.currency}`}
            className="grid grid-cols-[minmax(8rem,14rem)_1fr] items-center gap-3 text-sm"
          >
            <span className="truncate" title={r.label}>
              {r.label}
              {report.rows.some((o) => o.key === r.key && o.currency !== r.currency)
                ? ` (${r.currency})`
                : ""}
            </span>
            <span className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="h-4 rounded-sm bg-brand-500"
                style={{ width: `${Math.max(2, (r.count / max) * 100)}%` }}
              />
              <span className="tabular text-xs text-ink-muted whitespace-nowrap">
                {nf.format(r.count)} {r.count === 1 ? "dispute" : "disputes"}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export default function DisputeReport({ loaderData }: Route.ComponentProps) {
  const { input, report, problem } = loaderData;
  const query = new URLSearchParams({ from: input.from, to: input.to, groupBy: input.groupBy }).toString();
  const totals = new Map<string, { count: number; disputed: bigint; credited: bigint }>();
  for (const r of report?.rows ?? []) {
    const t = totals.get(r.currency) ?? { count: 0, disputed: 0n, credited: 0n };
    totals.set(r.currency, {
      count: t.count + r.count,
      disputed: t.disputed + r.disputedAmount,
      credited: t.credited + r.creditedAmount,
    });
  }
  return (
    <>
      <PageHeader
        title="Dispute report"
        description="Root causes of the disputes raised in a period: how many, how much, how they ended and how long they took, and customers who dispute the same thing again and again."
      />
      <Card className="mb-6">
        <Form method="get" className="flex flex-wrap items-end gap-3" aria-label="Report period and grouping">
          <div className="space-y-1">
            <label htmlFor="report-from" className="block text-xs font-medium text-ink-muted">
              Raised from
            </label>
            <input
              id="report-from"
              type="date"
              name="from"
              defaultValue={input.from}
              key={input.from}
              className="block rounded-lg border border-line bg-surface px-3 py-2 text-sm"
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="report-to" className="block text-xs font-medium text-ink-muted">
              Through
            </label>
            <input
              id="report-to"
              type="date"
              name="to"
              defaultValue={input.to}
              key={input.to}
              className="block rounded-lg border border-line bg-surface px-3 py-2 text-sm"
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="report-group" className="block text-xs font-medium text-ink-muted">
              Group by
            </label>
            <select
              id="report-group"
              name="groupBy"
              defaultValue={input.groupBy}
              key={input.groupBy}
              className="block rounded-lg border border-line bg-surface px-3 py-2 text-sm"
            >
              {REPORT_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {GROUP_LABELS[g]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Show
          </Button>
          {report ? (
            <span className="ms-auto flex gap-3 text-sm">
              <a
                href={`/reports/disputes.csv?${query}`}
                download
                className="font-medium text-brand-700 hover:underline"
              >
                Download CSV
              </a>
              <a
                href={`/reports/disputes.xlsx?${query}`}
                download
                className="font-medium text-brand-700 hover:underline"
              >
                Download Excel
              </a>
            </span>
          ) : null}
        </Form>
      </Card>
      {problem || !report ? (
        <div role="alert">
          <Alert tone="danger" title="Check the period">
            {problem}
          </Alert>
        </div>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-ink-muted">
            Raised <DateText value={report.from} /> through <DateText value={report.to} />:{" "}
            {totals.size === 0
              ? "no disputes."
              : [...totals.entries()].map(([currency, t], i) => (
                  <span key={currency}>
                    {i > 0 ? "; " : ""}
                    {nf.format(t.count)} in {currency}, <MoneyText amount={t.disputed} currency={currency} />{" "}
                    disputed, <MoneyText amount={t.credited} currency={currency} /> credited
                  </span>
                ))}
          </p>
          {report.rows.length > 0 ? (
            <Card title="Chart">
              <Bars report={report} />
            </Card>
          ) : null}
          <Card title={`By ${GROUP_LABELS[report.groupBy].toLowerCase()}`} flush>
            <DataTable
              caption={`Disputes by ${GROUP_LABELS[report.groupBy].toLowerCase()}, most first, one row per currency`}
              columns={columns(report.groupBy)}
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
          <Card title="Repeat issues" flush>
            {report.repeats.length === 0 ? (
              <p className="px-5 py-4 text-sm text-ink-muted">
                No customer disputed the same reason twice in this period.
              </p>
            ) : (
              <DataTable
                caption="Customers who disputed the same reason repeatedly in the period"
                columns={[
                  {
                    id: "customer",
                    header: "Customer",
                    rowHeader: true,
                    cell: (r) => (
                      <Link
                        to={`/customers/${r.customerId}`}
                        className="font-medium text-ink hover:text-brand-700 hover:underline"
                      >
                        {r.customerName}{" "}
                        <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>
                      </Link>
                    ),
                  },
                  { id: "reason", header: "Reason", cell: (r) => DISPUTE_REASON[r.reason] },
                  {
                    id: "count",
                    header: "Disputes",
                    align: "right",
                    cell: (r) => (
                      <Badge tone={r.count >= 4 ? "danger" : "warning"}>{nf.format(r.count)} times</Badge>
                    ),
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
                ]}
                rows={report.repeats}
                rowKey={(r) => `${r.customerId}-${r.reason}`}
              />
            )}
          </Card>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
