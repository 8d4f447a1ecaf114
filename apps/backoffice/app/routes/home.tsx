import { getPortfolioSummary } from "@settle/domain/customers/get-portfolio-summary";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { StatCard } from "@settle/ui/stat-card";
import { load } from "@settle/web/domain-errors.server";
import { Link } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/home";

export const meta: Route.MetaFunction = () => [{ title: "Overview · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const summary = await load(() => getPortfolioSummary({ top: 8 }, staff.actor));
  return { summary, firstName: staff.user.name.split(" ")[0] ?? staff.user.name };
}

const BUCKETS = [
  { key: "current", label: "Not yet due" },
  { key: "days1to30", label: "1–30 days" },
  { key: "days31to60", label: "31–60 days" },
  { key: "days61to90", label: "61–90 days" },
  { key: "over90", label: "Over 90 days" },
] as const;

const nf = new Intl.NumberFormat("en-US");

export default function Home({ loaderData }: Route.ComponentProps) {
  const { summary, firstName } = loaderData;
  return (
    <>
      <PageHeader
        title={`Good to see you, ${firstName}`}
        description={`${nf.format(summary.customers)} customer accounts. Amounts are open items, per currency.`}
        actions={
          <LinkButton to="/customers" variant="primary">
            Find a customer
          </LinkButton>
        }
      />
      {summary.currencies.length === 0 ? (
        <Card>
          <EmptyState
            title="Nothing is open"
            description="No customer owes anything right now."
            icon="inbox"
          />
        </Card>
      ) : (
        <div className="space-y-8">
          {summary.currencies.map((c) => {
            const total = BUCKETS.reduce((sum, b) => sum + c.aging[b.key], 0n);
            return (
              <section key={c.currency} aria-labelledby={`cur-${c.currency}`} className="space-y-4">
                <h2
                  id={`cur-${c.currency}`}
                  className="text-sm font-semibold tracking-wide text-ink-muted uppercase"
                >
                  {c.currency}
                </h2>
                <div className="grid gap-4 lg:grid-cols-4">
                  <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
                    <StatCard
                      label="Balance"
                      value={<MoneyText amount={c.balance} currency={c.currency} />}
                      hint={`${nf.format(c.accounts)} accounts with open items`}
                    />
                    <StatCard
                      label="Overdue"
                      tone={c.overdue > 0n ? "danger" : "success"}
                      value={<MoneyText amount={c.overdue} currency={c.currency} />}
                      hint={`${nf.format(c.accountsOverdue)} accounts overdue`}
                    />
                  </div>
                  <Card title="Aging of open debits" headingLevel={3} className="lg:col-span-3">
                    <AgingBar
                      buckets={BUCKETS.map((b) => ({ label: b.label, amount: c.aging[b.key] }))}
                      total={total}
                      currency={c.currency}
                    />
                  </Card>
                </div>
              </section>
            );
          })}
          <Card title="Most overdue accounts" flush id="most-overdue">
            <DataTable
              caption="Most overdue accounts, largest overdue amount first"
              rows={summary.mostOverdue}
              rowKey={(r) => r.id}
              empty={
                <EmptyState
                  title="No overdue accounts"
                  description="Every open invoice is within its terms."
                  icon="users"
                />
              }
              columns={[
                {
                  id: "name",
                  header: "Customer",
                  rowHeader: true,
                  cell: (r) => (
                    <Link
                      to={`/customers/${r.id}`}
                      className="font-medium text-ink hover:text-brand-700 hover:underline"
                    >
                      {r.name}
                    </Link>
                  ),
                },
                {
                  id: "account",
                  header: "Account",
                  cell: (r) => <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>,
                },
                {
                  id: "oldest",
                  header: "Oldest due date",
                  cell: (r) => <DateText value={r.oldestDueDate} />,
                },
                {
                  id: "overdue",
                  header: "Overdue",
                  align: "right",
                  cell: (r) => (
                    <MoneyText
                      amount={r.overdue}
                      currency={r.currency}
                      tone="danger"
                      className="font-medium"
                    />
                  ),
                },
              ]}
            />
          </Card>
        </div>
      )}
    </>
  );
}

const BAR_COLORS = ["bg-emerald-500", "bg-amber-300", "bg-amber-500", "bg-orange-500", "bg-red-600"];

/** A stacked bar of the aging buckets with a legend that carries the numbers (the bar is decorative). */
function AgingBar({
  buckets,
  total,
  currency,
}: {
  buckets: { label: string; amount: bigint }[];
  total: bigint;
  currency: string;
}) {
  return (
    <div className="space-y-3">
      <div aria-hidden="true" className="flex h-3 overflow-hidden rounded-full bg-slate-100">
        {total > 0n
          ? buckets.map((b, i) =>
              b.amount > 0n ? (
                <div
                  key={b.label}
                  className={BAR_COLORS[i]}
                  // Display only: a share in basis points, from integers.
                  style={{ width: `${Number((b.amount * 10_000n) / total) / 100}%` }}
                />
              ) : null,
            )
          : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 pt-1 sm:grid-cols-3 xl:grid-cols-5">
        {buckets.map((b, i) => (
          <div key={b.label}>
            <dt className="flex items-center gap-1.5 text-xs text-ink-faint">
              <span aria-hidden="true" className={`size-2 rounded-full ${BAR_COLORS[i]}`} />
              {b.label}
            </dt>
            <dd className="mt-1 text-base font-semibold text-ink">
              <MoneyText amount={b.amount} currency={currency} />
            </dd>
            <dd className="text-xs text-ink-faint">
              {total > 0n ? `${Number((b.amount * 1000n) / total) / 10}%` : "—"}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
