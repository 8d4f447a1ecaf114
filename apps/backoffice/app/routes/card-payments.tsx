import {
  CARD_PAYMENT_CHARGEBACK_FILTERS,
  CARD_PAYMENT_REFUND_FILTERS,
  CARD_PAYMENT_SOURCES,
  CARD_PAYMENT_STATUSES,
} from "@settle/domain/payments/card-payment-filters";
import { listCardPayments } from "@settle/domain/payments/list-card-payments";
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
import { CARD_PAYMENT_STATUS, CHARGEBACK_STATUS } from "../labels.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/card-payments";

export const meta: Route.MetaFunction = () => [{ title: "Card payments · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  return load(() =>
    listCardPayments(
      {
        q: params.get("q") ?? undefined,
        status: params.get("status") ?? undefined,
        refund: params.get("refund") ?? undefined,
        chargeback: params.get("chargeback") ?? undefined,
        source: params.get("source") ?? undefined,
        page: params.get("page") ?? undefined,
      },
      staff.actor,
    ),
  );
}

type List = Route.ComponentProps["loaderData"];
type Row = List["rows"][number];

const nf = new Intl.NumberFormat("en-US");

const REFUND_FILTER_LABELS: Record<(typeof CARD_PAYMENT_REFUND_FILTERS)[number], string> = {
  any: "Any refund",
  partial: "Partially refunded",
  full: "Refunded",
};
const CHARGEBACK_FILTER_LABELS: Record<(typeof CARD_PAYMENT_CHARGEBACK_FILTERS)[number], string> = {
  any: "Any chargeback",
  OPEN: "Chargeback open",
  WON: "Chargeback won",
  LOST: "Chargeback lost",
};
const SOURCE_LABELS: Record<(typeof CARD_PAYMENT_SOURCES)[number], string> = {
  PORTAL: "Portal",
  AUTOPAY: "Autopay",
};

/** Refund and chargeback state of one payment, as short badges with the refunded amount. */
function AfterPayment({ row }: { row: Row }) {
  if (row.refundState === "none" && row.refundPending === 0n && !row.chargeback) {
    return <span className="text-ink-faint">—</span>;
  }
  return (
    <span className="flex flex-col items-start gap-1">
      {row.refundState !== "none" ? (
        <span className="block">
          <Badge tone={row.refundState === "full" ? "neutral" : "warning"}>
            {row.refundState === "full" ? "Refunded" : "Partially refunded"}
          </Badge>
          <span className="block text-xs text-ink-muted">
            <MoneyText amount={row.refunded} currency={row.currency} /> refunded
          </span>
        </span>
      ) : null}
      {row.refundPending > 0n ? (
        <span className="block text-xs text-ink-muted">
          <MoneyText amount={row.refundPending} currency={row.currency} /> refund in progress
        </span>
      ) : null}
      {row.chargeback ? (
        <Badge tone={CHARGEBACK_STATUS[row.chargeback]?.tone}>
          Chargeback {CHARGEBACK_STATUS[row.chargeback]?.label.toLowerCase() ?? row.chargeback}
        </Badge>
      ) : null}
    </span>
  );
}

const columns: Column<Row>[] = [
  {
    id: "created",
    header: "Started",
    className: "whitespace-nowrap",
    cell: (r) => (
      <Link
        to={`/card-payments/${r.id}`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
      >
        <DateText value={r.createdAt} mode="datetime" />
      </Link>
    ),
  },
  {
    id: "customer",
    header: "Customer",
    rowHeader: true,
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
    id: "payer",
    header: "Paid by",
    className: "max-lg:hidden",
    cell: (r) => (
      <span className="block">
        {r.payer.name}
        <span className="block text-xs text-ink-muted">{r.payer.email}</span>
      </span>
    ),
  },
  {
    id: "invoices",
    header: "Invoices",
    align: "right",
    cell: (r) => <span className="tabular text-ink-muted">{nf.format(r.invoiceCount)}</span>,
  },
  {
    id: "amount",
    header: "Amount",
    align: "right",
    cell: (r) => (
      <span className="block">
        <MoneyText amount={r.amount} currency={r.currency} className="font-medium" />
        {r.unapplied > 0n ? (
          <span className="block text-xs text-amber-800">
            <MoneyText amount={r.unapplied} currency={r.currency} /> unapplied
          </span>
        ) : null}
      </span>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: (r) => (
      <span className="block">
        <Badge tone={CARD_PAYMENT_STATUS[r.status]?.tone}>
          {CARD_PAYMENT_STATUS[r.status]?.label ?? r.status}
        </Badge>
        {r.failureMessage ? (
          <span className="mt-1 block text-xs text-red-700">{r.failureMessage}</span>
        ) : null}
      </span>
    ),
  },
  {
    id: "after",
    header: "Refunds and chargebacks",
    cell: (r) => <AfterPayment row={r} />,
  },
  {
    id: "source",
    header: "Source",
    className: "max-md:hidden",
    cell: (r) => <span className="text-sm">{SOURCE_LABELS[r.source]}</span>,
  },
  {
    id: "receipt",
    header: "Receipt",
    className: "max-md:hidden",
    cell: (r) =>
      r.receiptNumber ? (
        <span className="font-mono text-xs">{r.receiptNumber}</span>
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
];

/** The status filter as tabs with counts; each keeps the search and filters and starts at page 1. */
function StatusTabs({ list }: { list: List }) {
  const href = (status?: string) => {
    const search = new URLSearchParams();
    if (list.q) search.set("q", list.q);
    if (list.refund) search.set("refund", list.refund);
    if (list.chargeback) search.set("chargeback", list.chargeback);
    if (list.source) search.set("source", list.source);
    if (status) search.set("status", status);
    const text = search.toString();
    return text ? `/card-payments?${text}` : "/card-payments";
  };
  const all = Object.values(list.byStatus).reduce((a, b) => a + b, 0);
  const tabs = [
    { status: undefined, label: "All", count: all },
    ...CARD_PAYMENT_STATUSES.map((s) => ({
      status: s,
      label: CARD_PAYMENT_STATUS[s]?.label ?? s,
      count: list.byStatus[s],
    })),
  ];
  return (
    <nav aria-label="Filter by status" className="border-b border-line px-5">
      <ul className="-mb-px flex gap-5 overflow-x-auto text-sm font-medium">
        {tabs.map((tab) => {
          const current = list.status === tab.status;
          return (
            <li key={tab.label}>
              <NavLink
                to={href(tab.status)}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 border-b-2 px-1 py-3 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-brand-600 ${
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-ink-muted hover:border-slate-300 hover:text-ink"
                }`}
              >
                {tab.label}
                <span className="tabular rounded-full bg-slate-100 px-1.5 text-xs text-ink-muted">
                  {nf.format(tab.count)}
                </span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** A filter of the search form: "All" or one value; submitted with the search. */
function Filter({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
}) {
  const id = `card-payment-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-ink-muted">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        key={value ?? ""}
        className="block rounded-lg border border-line bg-surface px-3 py-2 text-sm"
      >
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function CardPayments({ loaderData }: Route.ComponentProps) {
  const list = loaderData;
  const filtered = Boolean(list.q || list.status || list.refund || list.chargeback || list.source);
  return (
    <>
      <PageHeader
        title="Card payments"
        description="Payments customers made by card in the portal or by autopay, newest first. Unapplied amounts wait for cash application."
      />
      <Card flush>
        <StatusTabs list={list} />
        <div className="border-b border-line px-5 py-4">
          <Form
            method="get"
            role="search"
            aria-label="Card payments"
            className="flex flex-wrap items-end gap-3"
          >
            {list.status ? <input type="hidden" name="status" value={list.status} /> : null}
            <div className="relative min-w-64 flex-1">
              <label htmlFor="card-payment-search" className="sr-only">
                Search by customer, account number, receipt or Stripe id
              </label>
              <Icon
                name="search"
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <input
                id="card-payment-search"
                type="search"
                name="q"
                defaultValue={list.q}
                key={list.q}
                placeholder="Customer, account number, receipt or Stripe id (pi_…, cs_…)"
                maxLength={100}
                className="block w-full rounded-lg border-0 bg-surface py-2 pr-3 pl-9 text-sm text-ink shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:outline-none focus:ring-inset"
              />
            </div>
            <Filter
              name="refund"
              label="Refunds"
              value={list.refund}
              options={CARD_PAYMENT_REFUND_FILTERS.map((v) => [v, REFUND_FILTER_LABELS[v]])}
            />
            <Filter
              name="chargeback"
              label="Chargebacks"
              value={list.chargeback}
              options={CARD_PAYMENT_CHARGEBACK_FILTERS.map((v) => [v, CHARGEBACK_FILTER_LABELS[v]])}
            />
            <Filter
              name="source"
              label="Source"
              value={list.source}
              options={CARD_PAYMENT_SOURCES.map((v) => [v, SOURCE_LABELS[v]])}
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
            {filtered ? (
              <LinkButton to="/card-payments" variant="ghost">
                Clear
              </LinkButton>
            ) : null}
          </Form>
        </div>
        <DataTable
          caption="Card payments"
          columns={columns}
          rows={list.rows}
          rowKey={(r) => r.id}
          empty={
            filtered ? (
              <EmptyState
                title="No card payments match"
                description="Try another status or filter, part of the customer's name, or a full Stripe id."
                action={
                  <LinkButton to="/card-payments" variant="secondary">
                    Show all card payments
                  </LinkButton>
                }
              />
            ) : (
              <EmptyState
                icon="inbox"
                title="No card payments yet"
                description="When a customer pays invoices by card in the portal, the payment appears here."
              />
            )
          }
        />
        {list.total > 0 ? (
          <div className="border-t border-line">
            <Pagination
              page={list.page}
              pageCount={list.pageCount}
              total={list.total}
              pageSize={50}
              label="card payments"
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
