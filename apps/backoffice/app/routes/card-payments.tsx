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
import { moneyText, useMoneyFormat } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { listHref, StatusTabs } from "@settle/ui/status-tabs";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { useMemo } from "react";
import { cardPaymentColumnsIn } from "../components/card-payments/card-payment-columns.tsx";
import { ListPagination } from "../components/list-pagination.tsx";
import { RouteError } from "../components/route-error.tsx";
import { useNumberFormat } from "../i18n/list-words.ts";
import { pageMeta } from "../i18n/meta.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/card-payments";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("card-payments:title"));

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

/** The list's URL with its search and filters, and a status (page 1). */
const hrefFor = (list: List, status?: string) =>
  listHref("/card-payments", {
    q: list.q,
    refund: list.refund,
    chargeback: list.chargeback,
    source: list.source,
    status,
  });

const options = <T extends string>(values: readonly T[], label: (value: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

export default function CardPayments({ loaderData: list }: Route.ComponentProps) {
  const filtered = Boolean(list.q || list.status || list.refund || list.chargeback || list.source);
  const all = Object.values(list.byStatus).reduce((a, b) => a + b, 0);
  const { t } = useTranslation("card-payments");
  const { locale, number } = useNumberFormat();
  const format = useMoneyFormat();
  const columns = useMemo(
    () => cardPaymentColumnsIn(t, number, (amount, currency) => moneyText(format, amount, currency, locale)),
    [t, number, format, locale],
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<LinkButton to="/card-payments/failed-events">{t("failed-events:link")}</LinkButton>}
      />
      <Card flush>
        <StatusTabs
          label={t("tabs.label")}
          current={list.status ?? ""}
          formatCount={number}
          tabs={[
            { key: "", label: t("tabs.all"), count: all, href: hrefFor(list) },
            ...CARD_PAYMENT_STATUSES.map((s) => ({
              key: s,
              label: t(`labels:cardPaymentStatus.${s}`, { defaultValue: s }),
              count: list.byStatus[s],
              href: hrefFor(list, s),
            })),
          ]}
        />
        <div className="border-b border-line px-5 py-4">
          <FilterBar
            text={{
              label: t("filters.label"),
              searchLabel: t("filters.searchLabel"),
              searchPlaceholder: t("filters.searchPlaceholder"),
              apply: t("filters.apply"),
              clear: t("filters.clear"),
            }}
            action="/card-payments"
            query={list.q ?? ""}
            keep={{ status: list.status }}
            active={filtered}
          >
            <SelectField
              label={t("filters.refunds")}
              name="refund"
              defaultValue={list.refund ?? ""}
              placeholder={t("filters.all")}
              options={options(CARD_PAYMENT_REFUND_FILTERS, (v) => t(`refundFilter.${v}`))}
            />
            <SelectField
              label={t("filters.chargebacks")}
              name="chargeback"
              defaultValue={list.chargeback ?? ""}
              placeholder={t("filters.all")}
              options={options(CARD_PAYMENT_CHARGEBACK_FILTERS, (v) => t(`chargebackFilter.${v}`))}
            />
            <SelectField
              label={t("filters.source")}
              name="source"
              defaultValue={list.source ?? ""}
              placeholder={t("filters.all")}
              options={options(CARD_PAYMENT_SOURCES, (v) => t(`sources.${v}`))}
            />
          </FilterBar>
        </div>
        <DataTable
          caption={t("caption")}
          columns={columns}
          rows={list.rows}
          rowKey={(r) => r.id}
          empty={
            filtered ? (
              <EmptyState
                title={t("noMatch.title")}
                description={t("noMatch.description")}
                action={
                  <LinkButton to="/card-payments" variant="secondary">
                    {t("noMatch.action")}
                  </LinkButton>
                }
              />
            ) : (
              <EmptyState icon="inbox" title={t("none.title")} description={t("none.description")} />
            )
          }
        />
        {list.total > 0 ? (
          <ListPagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            pageSize={50}
            rows={t("rows")}
          />
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
