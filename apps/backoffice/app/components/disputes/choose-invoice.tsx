import type { listInvoices } from "@settle/domain/invoices/list-invoices";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Pagination } from "@settle/ui/pagination";
import { Form, Link } from "react-router";

type InvoiceList = Awaited<ReturnType<typeof listInvoices>>;
type Invoice = InvoiceList["rows"][number];

function invoiceColumns(customerId: string): Column<Invoice>[] {
  return [
    {
      id: "number",
      header: "Invoice",
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
    { id: "date", header: "Date", sortKey: "date", cell: (r) => <DateText value={r.documentDate} /> },
    {
      id: "due",
      header: "Due",
      sortKey: "due",
      cell: (r) => (r.dueDate ? <DateText value={r.dueDate} /> : "—"),
    },
    {
      id: "open",
      header: "Open",
      sortKey: "open",
      align: "right",
      cell: (r) => (
        <span className="block">
          <MoneyText amount={r.openAmount} currency={r.currency} className="font-medium" />
          {r.inDispute ? (
            <span className="block text-xs text-amber-800">
              <MoneyText amount={r.inDispute.amount} currency={r.currency} /> in dispute
            </span>
          ) : null}
        </span>
      ),
    },
  ];
}

/** Logging a dispute, step 2: one of the customer's open invoices. */
export function ChooseInvoice({ list }: { list: InvoiceList }) {
  return (
    <Card
      title={`2. Invoice of ${list.customer.name} (${list.customer.accountNumber})`}
      flush
      actions={
        <Link to="/disputes/new" className="text-sm text-brand-700 hover:underline">
          Another customer
        </Link>
      }
    >
      <div className="border-b border-line px-5 py-4">
        <Form
          method="get"
          role="search"
          aria-label="Open invoices"
          className="flex flex-wrap items-end gap-3"
        >
          <input type="hidden" name="customerId" value={list.customer.id} />
          <TextField
            type="search"
            label="Invoice or PO number, or the exact amount"
            name="iq"
            id="dispute-invoice-search"
            defaultValue={list.filters.q}
            maxLength={100}
            className="min-w-64 flex-1"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
      </div>
      <DataTable
        caption="Open invoices"
        columns={invoiceColumns(list.customer.id)}
        rows={list.rows}
        rowKey={(r) => r.id}
        sort={{ key: list.sort, dir: list.dir }}
        empty={
          <EmptyState
            title="No open invoices"
            description="Only an invoice with something still open can be disputed."
          />
        }
      />
      {list.total > list.pageSize ? (
        <div className="border-t border-line">
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            pageSize={list.pageSize}
            label="open invoices"
          />
        </div>
      ) : null}
    </Card>
  );
}
