import {
  CARD_PAYMENT_CHARGEBACK_FILTERS,
  CARD_PAYMENT_REFUND_FILTERS,
  CARD_PAYMENT_SOURCES,
  CARD_PAYMENT_STATUSES,
} from "@settle/domain/payments/card-payment-filters";
import { listCardPayments } from "@settle/domain/payments/list-card-payments";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { SelectField } from "@settle/ui/fields";
import { FilterBar } from "@settle/ui/filter-bar";
import { PageHeader } from "@settle/ui/page-header";
import { Pagination } from "@settle/ui/pagination";
import { listHref, StatusTabs } from "@settle/ui/status-tabs";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import {
  CHARGEBACK_FILTER_LABELS,
  cardPaymentColumns,
  REFUND_FILTER_LABELS,
  SOURCE_LABELS,
} from "../components/card-payments/card-payment-columns.tsx";
import { RouteError } from "../components/route-error.tsx";
import { CARD_PAYMENT_STATUS } from "../labels.ts";
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

const count = new Intl.NumberFormat("en-US");

/** The list's URL with its search and filters, and a status (page 1). */
const hrefFor = (list: List, status?: string) =>
  listHref("/card-payments", {
    q: list.q,
    refund: list.refund,
    chargeback: list.chargeback,
    source: list.source,
    status,
  });

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export default function CardPayments({ loaderData: list }: Route.ComponentProps) {
  const filtered = Boolean(list.q || list.status || list.refund || list.chargeback || list.source);
  const all = Object.values(list.byStatus).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader
        title="Card payments"
        description="Payments customers made by card in the portal or by autopay, newest first. Unapplied amounts wait for cash application."
      />
      <Card flush>
        <StatusTabs
          label="Filter by status"
          current={list.status ?? ""}
          formatCount={(n) => count.format(n)}
          tabs={[
            { key: "", label: "All", count: all, href: hrefFor(list) },
            ...CARD_PAYMENT_STATUSES.map((s) => ({
              key: s,
              label: CARD_PAYMENT_STATUS[s]?.label ?? s,
              count: list.byStatus[s],
              href: hrefFor(list, s),
            })),
          ]}
        />
        <div className="border-b border-line px-5 py-4">
          <FilterBar
            text={{
              label: "Card payments",
              searchLabel: "Search by customer, account number, receipt or Stripe id",
              searchPlaceholder: "Customer, account number, receipt or Stripe id (pi_…, cs_…)",
              apply: "Search",
              clear: "Clear",
            }}
            action="/card-payments"
            query={list.q ?? ""}
            keep={{ status: list.status }}
            active={filtered}
          >
            <SelectField
              label="Refunds"
              name="refund"
              defaultValue={list.refund ?? ""}
              placeholder="All"
              options={options(CARD_PAYMENT_REFUND_FILTERS, REFUND_FILTER_LABELS)}
            />
            <SelectField
              label="Chargebacks"
              name="chargeback"
              defaultValue={list.chargeback ?? ""}
              placeholder="All"
              options={options(CARD_PAYMENT_CHARGEBACK_FILTERS, CHARGEBACK_FILTER_LABELS)}
            />
            <SelectField
              label="Source"
              name="source"
              defaultValue={list.source ?? ""}
              placeholder="All"
              options={options(CARD_PAYMENT_SOURCES, SOURCE_LABELS)}
            />
          </FilterBar>
        </div>
        <DataTable
          caption="Card payments"
          columns={cardPaymentColumns}
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
