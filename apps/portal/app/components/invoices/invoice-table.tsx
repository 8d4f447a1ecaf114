import { Alert } from "@settle/ui/alert";
import { buttonClasses, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { EmptyState } from "@settle/ui/empty-state";
import type { ChangeEvent } from "react";
import { Link } from "react-router";
import { PageLinks } from "~/components/page-links";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { useAccountCapabilities } from "~/lib/root-data";
import type { PageInvoiceList } from "./invoice-list-for-page";
import { invoiceListQuery, isFiltered } from "./invoice-list-query";
import { InvoiceRows, SELECTION_FORM } from "./invoice-rows";
import { SortHeader } from "./sort-header";

function selectAll(event: ChangeEvent<HTMLInputElement>) {
  const boxes = document.querySelectorAll<HTMLInputElement>(`input[name="id"][form="${SELECTION_FORM}"]`);
  for (const box of boxes) box.checked = event.currentTarget.checked;
}

/** Rules and padding of every cell, set once on the table rather than on each of them. */
const CELLS =
  "[&_:is(td,th)]:border-b [&_:is(td,th)]:border-line [&_:is(td,th)]:px-4 [&_:is(td,th)]:first:ps-5 [&_:is(td,th)]:last:pe-5 [&_thead_th]:py-2.5 [&_thead_th]:whitespace-nowrap [&_tbody_:is(td,th)]:py-3 [&_tbody_:is(td,th)]:align-top";

/** Pay or download the invoices ticked in the table (a GET form the checkboxes belong to). */
function SelectionActions({ list, base }: { list: PageInvoiceList; base: string }) {
  const { t } = useTranslation("invoices");
  const { canPay } = useAccountCapabilities(list.customer.id);
  return (
    <form id={SELECTION_FORM} method="get" action={`${base}/invoices.zip`} className="flex flex-wrap gap-2">
      {canPay ? (
        <button type="submit" formAction={`${base}/pay`} className={buttonClasses("primary", "sm")}>
          {t("payments:paySelected")}
        </button>
      ) : null}
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        {t("download.selected")}
      </button>
    </form>
  );
}

/** A page of invoices: sortable columns, a checkbox per row, paging; or why there is none. */
export function InvoiceTable({ list, base }: { list: PageInvoiceList; base: string }) {
  const { t } = useTranslation("invoices");
  const format = useFormat();
  const pastTheEnd = list.total > 0 && list.page > list.pageCount;
  const filtered = isFiltered(list.filters);

  return (
    <Card
      title={t("table.title")}
      id="invoices"
      flush
      actions={list.rows.length > 0 ? <SelectionActions list={list} base={base} /> : null}
    >
      {pastTheEnd ? (
        <div className="p-5">
          <Alert tone="warning" title={t("table.pastTheEnd", { page: format.number(list.page) })}>
            {t("table.pastTheEndBody", { count: list.pageCount })}{" "}
            <Link
              to={invoiceListQuery(list, { page: String(list.pageCount) })}
              className="font-medium underline"
            >
              {t("table.lastPage")}
            </Link>
          </Alert>
        </div>
      ) : list.rows.length === 0 ? (
        <EmptyState
          icon={filtered ? "search" : "inbox"}
          title={t(
            filtered ? "table.noMatches" : list.consolidated ? "table.emptyConsolidated" : "table.empty",
          )}
          description={t(
            filtered
              ? "table.noMatchesHint"
              : list.consolidated
                ? "table.emptyConsolidatedHint"
                : "table.emptyHint",
          )}
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
            <caption className="sr-only">
              {t(list.consolidated ? "table.captionConsolidated" : "table.caption")}
            </caption>
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
                {list.consolidated ? (
                  <th scope="col" className="text-start">
                    {t("table.account")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <InvoiceRows rows={list.rows} base={base} accounts={list.consolidated ? list.accounts : null} />
          </table>
        </div>
      )}
      {list.pageCount > 1 || pastTheEnd ? (
        <PageLinks
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          pageSize={list.pageSize}
          label={t("table.pages")}
        />
      ) : null}
    </Card>
  );
}
