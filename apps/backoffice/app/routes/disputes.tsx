import {
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
  type DisputeStatus,
  OPEN_DISPUTE_STATUSES,
} from "@settle/domain/disputes/dispute-forms";
import { listDepartments } from "@settle/domain/disputes/list-departments";
import { listDisputeStaff } from "@settle/domain/disputes/list-dispute-staff";
import { listDisputes } from "@settle/domain/disputes/list-disputes";
import { Badge } from "@settle/ui/badge";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { Pagination } from "@settle/ui/pagination";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { Form, Link, NavLink } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { DISPUTE_REASON, DISPUTE_STATUS, overdueText } from "../dispute-labels.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/disputes";

export const meta: Route.MetaFunction = () => [{ title: "Disputes · Settle back office" }];

const RESOLVED: DisputeStatus[] = ["RESOLVED_VALID", "RESOLVED_PARTIAL", "RESOLVED_INVALID"];

/** The status tabs: a tab is one URL value standing for one or more statuses. */
const TABS: { key: string; label: string; statuses: readonly DisputeStatus[] }[] = [
  { key: "", label: "Open", statuses: OPEN_DISPUTE_STATUSES },
  { key: "OPEN", label: "New", statuses: ["OPEN"] },
  { key: "UNDER_REVIEW", label: "Under review", statuses: ["UNDER_REVIEW"] },
  { key: "PENDING_APPROVAL", label: "Waiting for approval", statuses: ["PENDING_APPROVAL"] },
  { key: "resolved", label: "Resolved", statuses: RESOLVED },
  { key: "WITHDRAWN", label: "Withdrawn", statuses: ["WITHDRAWN"] },
  { key: "all", label: "All", statuses: DISPUTE_STATUSES },
];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const tab = TABS.find((t) => t.key === (params.get("status") ?? "")) ?? TABS[0]!;
  const text = (name: string) => params.get(name) || undefined;
  const [list, people, departments] = await Promise.all([
    load(() =>
      listDisputes(
        {
          status: [...tab.statuses],
          reason: text("reason") as (typeof DISPUTE_REASONS)[number] | undefined,
          ownerId: text("owner"),
          departmentId: text("department"),
          q: text("q"),
          overdue: params.get("overdue") === "1" || undefined,
          sort: text("sort") as "deadline" | undefined,
          dir: text("dir") as "asc" | undefined,
          page: text("page"),
        },
        staff.actor,
      ),
    ),
    load(() => listDisputeStaff(staff.actor)),
    load(() => listDepartments(staff.actor)),
  ]);
  return {
    ...list,
    tab: tab.key,
    filters: {
      q: text("q") ?? "",
      reason: DISPUTE_REASONS.find((r) => r === params.get("reason")) ?? "",
      owner: text("owner") ?? "",
      department: text("department") ?? "",
      overdue: params.get("overdue") === "1",
    },
    people: people.map((p) => ({ id: p.id, name: p.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    me: staff.user.id,
  };
}

type Queue = Route.ComponentProps["loaderData"];
type Row = Queue["rows"][number];

const nf = new Intl.NumberFormat("en-US");

const columns: Column<Row>[] = [
  {
    id: "number",
    header: "Dispute",
    sortKey: "number",
    firstDir: "desc",
    rowHeader: true,
    className: "whitespace-nowrap",
    cell: (r) => (
      <span className="block">
        <Link to={`/disputes/${r.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
          {r.label}
        </Link>
        <span className="block text-xs text-ink-muted">
          on <span className="font-mono">{r.invoice.number}</span>
        </span>
      </span>
    ),
  },
  {
    id: "customer",
    header: "Customer",
    sortKey: "customer",
    cell: (r) => (
      <span className="block">
        <Link to={`/customers/${r.customer.id}`} className="text-ink hover:text-brand-700 hover:underline">
          {r.customer.name}
        </Link>
        <span className="block font-mono text-xs text-ink-muted">{r.customer.accountNumber}</span>
      </span>
    ),
  },
  {
    id: "reason",
    header: "Reason",
    className: "max-md:hidden",
    cell: (r) => <span className="text-sm">{DISPUTE_REASON[r.reason]}</span>,
  },
  {
    id: "amount",
    header: "Disputed",
    sortKey: "amount",
    firstDir: "desc",
    align: "right",
    cell: (r) => <MoneyText amount={r.amount} currency={r.currency} className="font-medium" />,
  },
  {
    id: "status",
    header: "Status",
    cell: (r) => <Badge tone={DISPUTE_STATUS[r.status].tone}>{DISPUTE_STATUS[r.status].label}</Badge>,
  },
  {
    id: "owner",
    header: "Owner",
    className: "max-lg:hidden",
    cell: (r) => (
      <span className="block text-sm">
        {r.owner ? r.owner.name : <span className="text-ink-faint">Unassigned</span>}
        {r.department ? <span className="block text-xs text-ink-muted">{r.department.name}</span> : null}
      </span>
    ),
  },
  {
    id: "deadline",
    header: "Deadline",
    sortKey: "deadline",
    className: "whitespace-nowrap",
    cell: (r) => (
      <span className="block">
        <DateText value={r.deadline} className={r.overdue ? "font-medium text-red-700" : undefined} />
        {r.overdue ? (
          <span className="block text-xs text-red-700">{overdueText(r.overdueBusinessDays)}</span>
        ) : null}
        {r.escalatedAt ? (
          <Badge tone="danger" className="mt-1">
            Escalated
          </Badge>
        ) : null}
      </span>
    ),
  },
  {
    id: "created",
    header: "Raised",
    sortKey: "created",
    firstDir: "desc",
    className: "whitespace-nowrap max-xl:hidden",
    cell: (r) => <DateText value={r.createdAt} className="text-ink-muted" />,
  },
];

/** Status tabs with counts under the other filters; each keeps the filters and starts at page 1. */
function StatusTabs({ queue }: { queue: Queue }) {
  const href = (key: string) => {
    const search = new URLSearchParams();
    const f = queue.filters;
    if (f.q) search.set("q", f.q);
    if (f.reason) search.set("reason", f.reason);
    if (f.owner) search.set("owner", f.owner);
    if (f.department) search.set("department", f.department);
    if (f.overdue) search.set("overdue", "1");
    if (key) search.set("status", key);
    const text = search.toString();
    return text ? `/disputes?${text}` : "/disputes";
  };
  return (
    <nav aria-label="Filter by status" className="border-b border-line px-5">
      <ul className="-mb-px flex gap-5 overflow-x-auto text-sm font-medium">
        {TABS.map((tab) => {
          const current = queue.tab === tab.key;
          const count = tab.statuses.reduce((sum, s) => sum + queue.byStatus[s], 0);
          return (
            <li key={tab.key || "open"}>
              <NavLink
                to={href(tab.key)}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 border-b-2 px-1 py-3 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-brand-600 ${
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-muted hover:border-slate-300 hover:text-ink"
                }`}
              >
                {tab.label}
                <span className="tabular rounded-full bg-slate-100 px-1.5 text-xs text-ink-muted">
                  {nf.format(count)}
                </span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Select({
  name,
  label,
  value,
  options,
  all = "All",
}: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
  all?: string;
}) {
  const id = `dispute-filter-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-ink-muted">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        key={value}
        className="block max-w-56 rounded-lg border border-line bg-surface px-3 py-2 text-sm"
      >
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Disputes({ loaderData }: Route.ComponentProps) {
  const queue = loaderData;
  const f = queue.filters;
  const filtered = Boolean(f.q || f.reason || f.owner || f.department || f.overdue);
  return (
    <>
      <PageHeader
        title="Disputes"
        description="Invoice disputes from the portal and those logged for customers, nearest deadline first. Deadlines count the legal entity's business days."
        actions={
          <LinkButton to="/disputes/new" variant="primary">
            Log a dispute
          </LinkButton>
        }
      />
      <Card flush>
        <StatusTabs queue={queue} />
        <div className="border-b border-line px-5 py-4">
          <Form method="get" role="search" aria-label="Disputes" className="flex flex-wrap items-end gap-3">
            {queue.tab ? <input type="hidden" name="status" value={queue.tab} /> : null}
            <input type="hidden" name="sort" value={queue.sort} />
            <input type="hidden" name="dir" value={queue.dir} />
            <div className="relative min-w-64 flex-1">
              <label htmlFor="dispute-search" className="sr-only">
                Search by customer, account number, dispute or invoice number
              </label>
              <Icon
                name="search"
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <input
                id="dispute-search"
                type="search"
                name="q"
                defaultValue={f.q}
                key={f.q}
                placeholder="Customer, account number, D-123 or invoice number"
                maxLength={100}
                className="block w-full rounded-lg border-0 bg-surface py-2 pr-3 pl-9 text-sm text-ink shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:outline-none focus:ring-inset"
              />
            </div>
            <Select
              name="reason"
              label="Reason"
              value={f.reason}
              options={DISPUTE_REASONS.map((r) => [r, DISPUTE_REASON[r]])}
            />
            <Select
              name="owner"
              label="Owner"
              value={f.owner}
              options={[
                [queue.me, "Me"],
                ...queue.people.filter((p) => p.id !== queue.me).map((p): [string, string] => [p.id, p.name]),
              ]}
              all="Anyone"
            />
            <Select
              name="department"
              label="Department"
              value={f.department}
              options={queue.departments.map((d) => [d.id, d.name])}
              all="Any"
            />
            <label className="flex items-center gap-2 py-2 text-sm">
              <input
                type="checkbox"
                name="overdue"
                value="1"
                defaultChecked={f.overdue}
                key={String(f.overdue)}
                className="size-4 rounded border-slate-300"
              />
              Past the deadline
            </label>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {filtered ? (
              <LinkButton to={queue.tab ? `/disputes?status=${queue.tab}` : "/disputes"} variant="ghost">
                Clear
              </LinkButton>
            ) : null}
          </Form>
        </div>
        <DataTable
          caption="Disputes"
          columns={columns}
          rows={queue.rows}
          rowKey={(r) => r.id}
          sort={{ key: queue.sort, dir: queue.dir }}
          empty={
            filtered ? (
              <EmptyState
                title="No disputes match"
                description="Try another status tab, fewer filters, or part of the customer's name."
                action={
                  <LinkButton to="/disputes" variant="secondary">
                    Show all open disputes
                  </LinkButton>
                }
              />
            ) : (
              <EmptyState
                icon="inbox"
                title={queue.tab ? "No disputes here" : "No open disputes"}
                description="When a customer disputes an invoice in the portal, or staff log one for them, it appears here with its owner and deadline."
              />
            )
          }
        />
        {queue.total > 0 ? (
          <div className="border-t border-line">
            <Pagination
              page={queue.page}
              pageCount={queue.pageCount}
              total={queue.total}
              pageSize={queue.pageSize}
              label="disputes"
            />
          </div>
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
