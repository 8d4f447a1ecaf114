import {
  INVOICE_FILTERS,
  type InvoiceSort,
  MAX_INVOICES_PER_DOWNLOAD,
} from "@settle/domain/invoices/invoice-list-options";
import { type InvoiceList, listInvoices } from "@settle/domain/invoices/list-invoices";
import { Alert } from "@settle/ui/alert";
import { Button, buttonClasses, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { formatDate } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { Icon } from "@settle/ui/icon";
import { moneyText, useMoneyFormat } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import type { ChangeEvent } from "react";
import { data, Form, Link, useLocation } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { badgeTexts, statusBadges } from "~/components/invoice-status-badges";
import { PageLinks } from "~/components/page-links";
import { RouteError } from "~/components/route-error";
import { useFormat } from "~/i18n/format";
import { pageMeta } from "~/i18n/meta";
import { filledIn, oncePerKey } from "~/i18n/per-page";
import { useTranslation } from "~/i18n/use-translation";
import { filterProblem, searchParamsOf } from "~/lib/downloads.server";
import { useAccountCapabilities, useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoices";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData?.list ? t("invoices:metaTitle", { name: loaderData.list.customer.name }) : t("invoices:title"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const query = searchParamsOf(request);
  try {
    const list = await listInvoices({ ...query, customerId: params.customerId }, session.actor);
    return { list: forPage(list), problem: null, query };
  } catch (error) {
    // A filter the list cannot apply: the form again, with what to change.
    const problem = filterProblem(error, "invoices");
    if (problem) return data({ list: null, problem, query }, { status: 400 });
    throwAsResponse(error);
  }
}

/** What the page shows of a row, and so what is serialized into it: whether it is in dispute, not how. */
function forPage(list: InvoiceList) {
  return {
    ...list,
    rows: list.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      number: row.number,
      poNumber: row.poNumber,
      documentDate: row.documentDate,
      dueDate: row.dueDate,
      currency: row.currency,
      amount: row.amount,
      openAmount: row.openAmount,
      status: row.status,
      inDispute: row.inDispute !== null,
    })),
  };
}
type PageList = ReturnType<typeof forPage>;
type PageRow = PageList["rows"][number];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const SELECTION_FORM = "invoice-selection";

/** The list's filters and sort as a query string (no page), for exports and "clear" links. */
function listQuery(list: PageList, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  const f = list.filters;
  if (f.q) search.set("q", f.q);
  if (f.status) search.set("status", f.status);
  if (f.dueFrom) search.set("dueFrom", iso(f.dueFrom));
  if (f.dueTo) search.set("dueTo", iso(f.dueTo));
  if (f.overdueOnly) search.set("overdueOnly", "1");
  search.set("sort", list.sort);
  search.set("dir", list.dir);
  for (const [k, v] of Object.entries(extra)) search.set(k, v);
  return `?${search.toString()}`;
}

export default function InvoicesPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation("invoices");
  const { list, problem, query } = loaderData;
  const base = `/accounts/${params.customerId}`;
  const format = useFormat();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          list ? (
            <>
              <bdi>{list.customer.name}</bdi> ·{" "}
              <bdi>{t("accountNumber", { number: list.customer.accountNumber })}</bdi>
            </>
          ) : undefined
        }
        actions={
          list ? (
            <div className="flex flex-wrap items-center gap-2">
              {(["csv", "xlsx"] as const).map((ext) => (
                <a
                  key={ext}
                  href={`${base}/invoices.${ext}${listQuery(list)}`}
                  download
                  className={buttonClasses("secondary", "sm")}
                >
                  {t(`export.${ext}`)}
                </a>
              ))}
            </div>
          ) : null
        }
      />
      <AccountNav customerId={params.customerId} />
      <FilterForm list={list} query={query} base={base} />
      {problem?.messageKey ? (
        <Alert tone="danger" title={t("problems.title")} className="mb-6">
          {t(problem.messageKey, { ...problem.values, defaultValue: t("problems.invalid") })}
        </Alert>
      ) : null}
      {query.selection === "emptySelection" || query.selection === "tooManySelected" ? (
        <Alert tone="warning" className="mb-6">
          {t(`selection.${query.selection}`, { max: MAX_INVOICES_PER_DOWNLOAD })}
        </Alert>
      ) : null}
      {list ? (
        <>
          {list.total > 0 ? (
            <p className="mb-3 text-sm text-ink-muted" aria-live="polite">
              {list.totals
                .map((total) =>
                  t("summary", {
                    count: total.count,
                    open: format.money(total.openAmount, total.currency),
                    amount: format.money(total.amount, total.currency),
                  }),
                )
                .join(" · ")}
            </p>
          ) : null}
          <InvoiceTable list={list} base={base} />
        </>
      ) : null}
    </>
  );
}

function FilterForm({
  list,
  query,
  base,
}: {
  list: PageList | null;
  query: Record<string, string>;
  base: string;
}) {
  const { t } = useTranslation("invoices");
  const location = useLocation();
  const f = list?.filters;
  const field =
    "block w-full rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";
  const filtered = f ? !!(f.q || f.status || f.dueFrom || f.dueTo || f.overdueOnly) : true;
  return (
    <Card className="mb-6">
      {/* Keyed by the query: after a client-side navigation the fields show the new filters. */}
      <Form
        key={location.search}
        method="get"
        role="search"
        aria-label={t("filters.label")}
        className="flex flex-wrap items-end gap-4"
      >
        {/* Sorting survives a new search; the page does not. */}
        <input type="hidden" name="sort" value={list?.sort ?? query.sort ?? ""} />
        <input type="hidden" name="dir" value={list?.dir ?? query.dir ?? ""} />
        <div className="min-w-56 flex-1 space-y-1.5">
          <label htmlFor="invoice-search" className="block text-sm font-medium text-ink">
            {t("filters.search")}
          </label>
          <div className="relative">
            <Icon
              name="search"
              className="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-slate-400"
            />
            <input
              id="invoice-search"
              type="search"
              name="q"
              defaultValue={f?.q ?? query.q ?? ""}
              placeholder={t("filters.searchPlaceholder")}
              maxLength={100}
              aria-describedby="invoice-search-hint"
              className={`${field} ps-9`}
            />
          </div>
          <p id="invoice-search-hint" className="text-xs text-ink-faint">
            {t("filters.searchHint")}
          </p>
        </div>
        <div className="space-y-1.5 pb-5">
          <label htmlFor="invoice-status" className="block text-sm font-medium text-ink">
            {t("filters.status")}
          </label>
          <select id="invoice-status" name="status" defaultValue={f?.status ?? ""} className={field}>
            <option value="">{t("filters.allStatuses")}</option>
            {INVOICE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`filters.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5 pb-5">
          <label htmlFor="invoice-due-from" className="block text-sm font-medium text-ink">
            {t("filters.dueFrom")}
          </label>
          <input
            id="invoice-due-from"
            type="date"
            name="dueFrom"
            defaultValue={f?.dueFrom ? iso(f.dueFrom) : (query.dueFrom ?? "")}
            className={field}
          />
        </div>
        <div className="space-y-1.5 pb-5">
          <label htmlFor="invoice-due-to" className="block text-sm font-medium text-ink">
            {t("filters.dueTo")}
          </label>
          <input
            id="invoice-due-to"
            type="date"
            name="dueTo"
            defaultValue={f?.dueTo ? iso(f.dueTo) : (query.dueTo ?? "")}
            className={field}
          />
        </div>
        <label className="inline-flex items-center gap-2 pb-7 text-sm text-ink">
          <input
            type="checkbox"
            name="overdueOnly"
            value="1"
            defaultChecked={f?.overdueOnly ?? false}
            className="size-4 accent-brand-600"
          />
          {t("filters.overdueOnly")}
        </label>
        <div className="flex gap-2 pb-5">
          <Button type="submit" variant="primary">
            {t("filters.apply")}
          </Button>
          {filtered ? (
            <LinkButton to={`${base}/invoices`} variant="ghost">
              {t("filters.clear")}
            </LinkButton>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}

function SortHeader({
  list,
  sort,
  label,
  firstDir = "asc",
  align = "start",
}: {
  list: PageList;
  sort: InvoiceSort;
  label: string;
  firstDir?: "asc" | "desc";
  align?: "start" | "end";
}) {
  const { t } = useTranslation("invoices");
  const location = useLocation();
  const active = list.sort === sort;
  const nextDir = active ? (list.dir === "asc" ? "desc" : "asc") : firstDir;
  const search = new URLSearchParams(location.search);
  search.set("sort", sort);
  search.set("dir", nextDir);
  search.delete("page");
  return (
    <th
      scope="col"
      aria-sort={active ? (list.dir === "asc" ? "ascending" : "descending") : undefined}
      className={`border-b border-line px-4 py-2.5 whitespace-nowrap first:ps-5 last:pe-5 ${align === "end" ? "text-end" : "text-start"}`}
    >
      <Link
        to={`${location.pathname}?${search.toString()}`}
        className={`group inline-flex items-center gap-1 rounded hover:text-ink ${align === "end" ? "flex-row-reverse" : ""} ${active ? "text-ink" : ""}`}
      >
        {label}
        <Icon
          name={active ? (list.dir === "asc" ? "chevronUp" : "chevronDown") : "sort"}
          className={`size-3.5 ${active ? "text-brand-600" : "text-slate-300 group-hover:text-slate-500"}`}
        />
        <span className="sr-only">
          {active
            ? t(list.dir === "asc" ? "table.sortedAscending" : "table.sortedDescending")
            : t("table.sortable")}
        </span>
      </Link>
    </th>
  );
}

function selectAll(event: ChangeEvent<HTMLInputElement>) {
  const boxes = document.querySelectorAll<HTMLInputElement>(`input[name="id"][form="${SELECTION_FORM}"]`);
  for (const box of boxes) box.checked = event.currentTarget.checked;
}

/** Rules and padding of every cell, set once on the table rather than on each of them. */
const CELLS =
  "[&_:is(td,th)]:border-b [&_:is(td,th)]:border-line [&_:is(td,th)]:px-4 [&_:is(td,th)]:first:ps-5 [&_:is(td,th)]:last:pe-5 [&_thead_th]:py-2.5 [&_thead_th]:whitespace-nowrap [&_tbody_:is(td,th)]:py-3 [&_tbody_:is(td,th)]:align-top";

function InvoiceTable({ list, base }: { list: PageList; base: string }) {
  const { t } = useTranslation("invoices");
  const locale = useLocale();
  const format = useFormat();
  const { canPay } = useAccountCapabilities(list.customer.id);
  const pastTheEnd = list.total > 0 && list.page > list.pageCount;
  // A row's cells are styled by the table (.invoice-rows in app.css), its texts looked up once per
  // page.
  const kindLabel = oncePerKey((kind: PageRow["kind"]) => t(`common:kinds.${kind}`));
  const selectLabel = filledIn((values) => t("table.select", values), "number");
  const badges = badgeTexts(t);
  const money = useMoneyFormat();
  const date = (value: Date) => <time dateTime={iso(value)}>{formatDate(value, { locale })}</time>;
  const invoiceRow = (row: PageRow) => (
    <tr key={row.id}>
      <td>
        <input
          type="checkbox"
          name="id"
          value={row.id}
          form={SELECTION_FORM}
          aria-label={selectLabel(row.number)}
        />
      </td>
      <th scope="row">
        {/* A plain link: a router <Link> per row costs more than the rest of the row. */}
        <a href={`${base}/invoices/${row.id}`}>{row.number}</a>
        <small>{kindLabel(row.kind)}</small>
      </th>
      <td>{row.poNumber ?? ""}</td>
      <td>{date(row.documentDate)}</td>
      <td>{row.dueDate ? date(row.dueDate) : "—"}</td>
      <td>{moneyText(money, row.amount, row.currency, locale)}</td>
      <td>{moneyText(money, row.openAmount, row.currency, locale)}</td>
      <td>{statusBadges(row.status, row.inDispute, badges)}</td>
    </tr>
  );
  const filtered = !!(
    list.filters.q ||
    list.filters.status ||
    list.filters.dueFrom ||
    list.filters.dueTo ||
    list.filters.overdueOnly
  );

  return (
    <Card
      title={t("table.title")}
      id="invoices"
      flush
      actions={
        list.rows.length > 0 ? (
          <form
            id={SELECTION_FORM}
            method="get"
            action={`${base}/invoices.zip`}
            className="flex flex-wrap gap-2"
          >
            {canPay ? (
              <button type="submit" formAction={`${base}/pay`} className={buttonClasses("primary", "sm")}>
                {t("payments:paySelected")}
              </button>
            ) : null}
            <button type="submit" className={buttonClasses("secondary", "sm")}>
              {t("download.selected")}
            </button>
          </form>
        ) : null
      }
    >
      {pastTheEnd ? (
        <div className="p-5">
          <Alert tone="warning" title={t("table.pastTheEnd", { page: format.number(list.page) })}>
            {t("table.pastTheEndBody", { count: list.pageCount })}{" "}
            <Link to={listQuery(list, { page: String(list.pageCount) })} className="font-medium underline">
              {t("table.lastPage")}
            </Link>
          </Alert>
        </div>
      ) : list.rows.length === 0 ? (
        <EmptyState
          icon={filtered ? "search" : "inbox"}
          title={t(filtered ? "table.noMatches" : "table.empty")}
          description={t(filtered ? "table.noMatchesHint" : "table.emptyHint")}
          action={
            filtered ? (
              <LinkButton to={`${base}/invoices`} variant="secondary">
                {t("filters.clear")}
              </LinkButton>
            ) : undefined
          }
        />
      ) : (
        <div className="overflow-x-auto">
          <table className={`invoice-rows min-w-full text-sm ${CELLS}`}>
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="w-10">
                  <input
                    type="checkbox"
                    aria-label={t("table.selectAll")}
                    onChange={selectAll}
                    className="size-4 accent-brand-600"
                  />
                </th>
                <SortHeader list={list} sort="number" label={t("table.number")} />
                <th scope="col" className="text-start max-lg:hidden">
                  {t("table.poNumber")}
                </th>
                <SortHeader list={list} sort="date" label={t("table.date")} firstDir="desc" />
                <SortHeader list={list} sort="due" label={t("table.due")} />
                <SortHeader list={list} sort="amount" label={t("table.amount")} firstDir="desc" align="end" />
                <SortHeader list={list} sort="open" label={t("table.open")} firstDir="desc" align="end" />
                <th scope="col" className="text-start">
                  {t("table.status")}
                </th>
              </tr>
            </thead>
            <tbody>{list.rows.map(invoiceRow)}</tbody>
          </table>
        </div>
      )}
      {list.pageCount > 1 || pastTheEnd ? (
        <div className="border-t border-line">
          <PageLinks
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            pageSize={list.pageSize}
            label={t("table.pages")}
          />
        </div>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
