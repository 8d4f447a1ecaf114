import { listCustomers } from "@settle/domain/customers/list-customers";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Form, Link, useNavigation } from "react-router";
import { ListPagination } from "../components/list-pagination.tsx";
import { RouteError } from "../components/route-error.tsx";
import { useNumberFormat } from "../i18n/list-words.ts";
import { pageMeta } from "../i18n/meta.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/customers";

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  pageMeta(matches, (t) =>
    loaderData?.q ? t("customers:searchTitle", { q: loaderData.q }) : t("customers:title"),
  );

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  return load(() =>
    listCustomers(
      {
        q: params.get("q") ?? undefined,
        page: params.get("page") ?? undefined,
        sort: params.get("sort") ?? undefined,
        dir: params.get("dir") ?? undefined,
      },
      staff.actor,
    ),
  );
}

type Row = Route.ComponentProps["loaderData"]["rows"][number];

const columnsIn = (t: TFunction): Column<Row>[] => [
  {
    id: "name",
    header: t("columns.customer"),
    sortKey: "name",
    rowHeader: true,
    cell: (r) => (
      <Link to={`/customers/${r.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
        <bdi>{r.name}</bdi>
      </Link>
    ),
  },
  {
    id: "account",
    header: t("columns.account"),
    sortKey: "account",
    cell: (r) => <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>,
  },
  {
    id: "entity",
    header: t("columns.entity"),
    cell: (r) => (
      <span className="text-ink-muted" title={r.legalEntity.name}>
        {r.legalEntity.code}
      </span>
    ),
  },
  {
    id: "currency",
    header: t("columns.currency"),
    cell: (r) => <span className="text-ink-muted">{r.currency}</span>,
  },
  {
    id: "balance",
    header: t("columns.balance"),
    sortKey: "balance",
    firstDir: "desc",
    align: "right",
    cell: (r) => (
      <div>
        <MoneyText amount={r.balance} currency={r.currency} tone="signed" className="font-medium" />
        {r.balances.slice(1).map((b) => (
          <div key={b.currency} className="text-xs text-ink-faint">
            <MoneyText amount={b.balance} currency={b.currency} />
          </div>
        ))}
      </div>
    ),
  },
  {
    id: "overdue",
    header: t("columns.overdue"),
    sortKey: "overdue",
    firstDir: "desc",
    align: "right",
    cell: (r) =>
      r.overdue > 0n ? (
        <MoneyText amount={r.overdue} currency={r.currency} tone="danger" className="font-medium" />
      ) : (
        <span className="text-ink-faint">
          <MoneyText amount={0n} currency={r.currency} />
        </span>
      ),
  },
  {
    id: "collector",
    header: t("columns.collector"),
    className: "whitespace-nowrap",
    cell: (r) => (r.collector ? r.collector.name : <span className="text-ink-faint">{t("unassigned")}</span>),
  },
];

export default function Customers({ loaderData }: Route.ComponentProps) {
  const list = loaderData;
  const { t } = useTranslation("customers");
  const columns = useMemo(() => columnsIn(t), [t]);
  const { number } = useNumberFormat();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/customers";
  const pastTheEnd = list.total > 0 && list.page > list.pageCount;
  const lastPageHref = `?${new URLSearchParams({
    ...(list.q ? { q: list.q } : {}),
    sort: list.sort,
    dir: list.dir,
    page: String(list.pageCount),
  }).toString()}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          list.q ? t("matches", { count: list.total, q: list.q }) : t("accounts", { count: list.total })
        }
      />
      <Card flush>
        <div className="border-b border-line px-5 py-4">
          <Form method="get" role="search" aria-label={t("title")} className="flex flex-wrap items-end gap-3">
            {/* Sorting survives a new search; the page does not. */}
            <input type="hidden" name="sort" value={list.sort} />
            <input type="hidden" name="dir" value={list.dir} />
            <div className="relative min-w-64 flex-1">
              <label htmlFor="customer-search" className="sr-only">
                {t("search.label")}
              </label>
              <Icon
                name="search"
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <input
                id="customer-search"
                type="search"
                name="q"
                defaultValue={list.q}
                key={list.q}
                placeholder={t("search.label")}
                maxLength={100}
                className="block w-full rounded-lg border-0 bg-surface py-2 pr-3 pl-9 text-sm text-ink shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 focus:outline-none focus:ring-inset"
              />
            </div>
            <Button type="submit" variant="secondary" disabled={searching}>
              {t("search.submit")}
            </Button>
            {list.q ? (
              <LinkButton to="/customers" variant="ghost">
                {t("search.clear")}
              </LinkButton>
            ) : null}
          </Form>
        </div>
        {pastTheEnd ? (
          <div className="p-5">
            <Alert tone="warning" title={t("noPage", { page: number(list.page) })}>
              {t("pageCount", { count: list.pageCount })}{" "}
              <Link to={lastPageHref} className="font-medium underline">
                {t("lastPage")}
              </Link>
            </Alert>
          </div>
        ) : (
          <DataTable
            caption={list.q ? t("captionMatching", { q: list.q }) : t("caption")}
            columns={columns}
            rows={list.rows}
            rowKey={(r) => r.id}
            sort={{ key: list.sort, dir: list.dir }}
            empty={
              list.q ? (
                <EmptyState
                  title={t("noMatch.title", { q: list.q })}
                  description={t("noMatch.description")}
                  action={
                    <LinkButton to="/customers" variant="secondary">
                      {t("noMatch.clear")}
                    </LinkButton>
                  }
                />
              ) : (
                <EmptyState title={t("none.title")} description={t("none.description")} icon="users" />
              )
            }
          />
        )}
        {list.total > 0 && !pastTheEnd ? (
          <ListPagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            pageSize={list.pageSize}
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
