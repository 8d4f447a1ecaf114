import type { PaymentList } from "@settle/domain/payments/list-payments";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { Link } from "react-router";
import { SortHeader } from "~/components/invoices/sort-header";
import { PageLinks } from "~/components/page-links";
import { PastTheEnd } from "~/components/past-the-end";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import { paymentMethodText } from "./payment-method-text";

/** Rules and padding of every cell, set once on the table rather than on each of them. */
const CELLS =
  "[&_:is(td,th)]:border-b [&_:is(td,th)]:border-line [&_:is(td,th)]:px-4 [&_:is(td,th)]:first:ps-5 [&_:is(td,th)]:last:pe-5 [&_thead_th]:py-2.5 [&_thead_th]:whitespace-nowrap [&_tbody_:is(td,th)]:py-3 [&_tbody_:is(td,th)]:align-top";

type Row = PaymentList["rows"][number];

/** Where a row's money went: the invoices it pays, or the payment a refund came from. */
function Destination({ row, base }: { row: Row; base: string }) {
  const { t } = useTranslation("payment-history");
  const format = useFormat();
  if (row.fromPayment) return <>{t("table.fromPayment", { number: row.fromPayment.number })}</>;
  return (
    <ul className="space-y-0.5">
      {row.appliedTo.map((a) => (
        <li key={a.id} className="flex flex-wrap gap-x-2">
          <Link to={`${base}/invoices/${a.id}`} className="font-medium underline">
            <bdi>{a.number}</bdi>
          </Link>
          <span className="tabular text-ink-muted">{format.money(a.amount, row.currency)}</span>
        </li>
      ))}
      {row.unapplied > 0n ? (
        <li className="text-ink-muted">
          {t("table.unapplied", { amount: format.money(row.unapplied, row.currency) })}
        </li>
      ) : null}
      {row.appliedTo.length === 0 && row.unapplied === 0n ? (
        <li className="text-ink-muted">{t("table.nothingApplied")}</li>
      ) : null}
    </ul>
  );
}

/** A page of the account's payments: sortable columns, a receipt per payment, paging; or why there is none. */
export function PaymentHistoryTable({ list, base }: { list: PaymentList; base: string }) {
  const { t } = useTranslation("payment-history");
  const { t: common } = useTranslation("common");
  const locale = useLocale();
  const filtered = !!(list.filters.q || list.filters.type);

  return (
    <Card title={t("title")} id="payments" flush>
      {list.page > list.pageCount ? (
        <PastTheEnd page={list.page} pageCount={list.pageCount} />
      ) : list.rows.length === 0 ? (
        <EmptyState
          icon={filtered ? "search" : "inbox"}
          title={filtered ? t("empty.filtered") : t("empty.title")}
          description={filtered ? undefined : t("empty.body")}
          action={
            filtered ? (
              <LinkButton to={`${base}/payments`} variant="secondary">
                {t("empty.clear")}
              </LinkButton>
            ) : undefined
          }
        />
      ) : (
        <div className="overflow-x-auto">
          <table className={`min-w-full text-sm ${CELLS}`}>
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-ink-muted uppercase">
              <tr>
                <SortHeader list={list} sort="date" label={t("table.date")} firstDir="desc" />
                <SortHeader list={list} sort="number" label={t("table.number")} />
                <th scope="col" className="text-start">
                  {t("table.method")}
                </th>
                <SortHeader list={list} sort="amount" label={t("table.amount")} firstDir="desc" align="end" />
                <th scope="col" className="text-start">
                  {t("table.appliedTo")}
                </th>
                <th scope="col" className="text-start">
                  {t("table.receipt")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap">
                    <DateText value={row.date} locale={locale} />
                  </td>
                  <th scope="row" className="text-start font-normal">
                    <span className="block font-medium text-ink">
                      <bdi>{row.number}</bdi>
                    </span>
                    <span className="text-xs text-ink-muted">{common(`kinds.${row.kind}`)}</span>
                  </th>
                  <td>{paymentMethodText(t, row)}</td>
                  <td className="text-end tabular whitespace-nowrap">
                    <MoneyText amount={row.amount} currency={row.currency} locale={locale} />
                  </td>
                  <td>
                    <Destination row={row} base={base} />
                  </td>
                  <td>
                    {row.hasReceipt ? (
                      <a
                        href={`${base}/payments/${row.id}/receipt`}
                        download
                        className="font-medium underline"
                      >
                        {t("table.download")}
                        <span className="sr-only"> {t("table.downloadLabel", { number: row.number })}</span>
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pageCount > 1 || list.page > list.pageCount ? (
        <PageLinks
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          pageSize={list.pageSize}
          label={t("pages")}
        />
      ) : null}
    </Card>
  );
}
