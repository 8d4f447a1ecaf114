import type { listInvoices } from "@settle/domain/invoices/list-invoices";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { Trans } from "react-i18next";
import { Form, Link } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { ListPagination } from "../list-pagination.tsx";

type InvoiceList = Awaited<ReturnType<typeof listInvoices>>;
type Invoice = InvoiceList["rows"][number];

function invoiceColumns(t: TFunction, customerId: string): Column<Invoice>[] {
  return [
    {
      id: "number",
      header: t("invoice.number"),
      sortKey: "number",
      rowHeader: true,
      cell: (r) => (
        <Link
          to={`/disputes/new?customerId=${customerId}&invoiceId=${r.id}`}
          className="font-mono text-sm font-medium text-ink hover:text-brand-700 hover:underline"
        >
          {r.number}
        </Link>
      ),
    },
    {
      id: "date",
      header: t("invoice.date"),
      sortKey: "date",
      cell: (r) => <DateText value={r.documentDate} />,
    },
    {
      id: "due",
      header: t("invoice.due"),
      sortKey: "due",
      cell: (r) => (r.dueDate ? <DateText value={r.dueDate} /> : "—"),
    },
    {
      id: "open",
      header: t("invoice.open"),
      sortKey: "open",
      align: "right",
      cell: (r) => (
        <span className="block">
          <MoneyText amount={r.openAmount} currency={r.currency} className="font-medium" />
          {r.inDispute ? (
            <span className="block text-xs text-amber-800">
              <Trans
                t={t}
                i18nKey="invoice.inDispute"
                components={[<MoneyText key="amount" amount={r.inDispute.amount} currency={r.currency} />]}
              />
            </span>
          ) : null}
        </span>
      ),
    },
  ];
}

/** Logging a dispute, step 2: one of the customer's open invoices. */
export function ChooseInvoice({ list }: { list: InvoiceList }) {
  const { t } = useTranslation("dispute-new");
  return (
    <Card
      title={t("invoice.title", { customer: list.customer.name, account: list.customer.accountNumber })}
      flush
      actions={
        <Link to="/disputes/new" className="text-sm text-brand-700 hover:underline">
          {t("invoice.anotherCustomer")}
        </Link>
      }
    >
      <div className="border-b border-line px-5 py-4">
        <Form
          method="get"
          role="search"
          aria-label={t("invoice.search")}
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="customerId" value={list.customer.id} />
          <TextField
            type="search"
            label={t("invoice.searchLabel")}
            name="iq"
            id="dispute-invoice-search"
            defaultValue={list.filters.q}
            maxLength={100}
            className="min-w-64 flex-1"
          />
          <Button type="submit" variant="secondary">
            {t("invoice.submit")}
          </Button>
        </Form>
      </div>
      <DataTable
        caption={t("invoice.caption")}
        columns={invoiceColumns(t, list.customer.id)}
        rows={list.rows}
        rowKey={(r) => r.id}
        sort={{ key: list.sort, dir: list.dir }}
        empty={<EmptyState title={t("invoice.none")} description={t("invoice.noneHint")} />}
      />
      {list.total > list.pageSize ? (
        <ListPagination
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          pageSize={list.pageSize}
          rows={t("invoice.rows")}
        />
      ) : null}
    </Card>
  );
}
