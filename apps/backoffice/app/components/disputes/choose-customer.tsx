import type { listCustomers } from "@settle/domain/customers/list-customers";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { Form, Link } from "react-router";

type Customer = Awaited<ReturnType<typeof listCustomers>>["rows"][number];

const columns: Column<Customer>[] = [
  {
    id: "name",
    header: "Customer",
    rowHeader: true,
    cell: (r) => (
      <Link
        to={`/disputes/new?customerId=${r.id}`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
      >
        {r.name}
      </Link>
    ),
  },
  {
    id: "account",
    header: "Account",
    cell: (r) => <span className="font-mono text-xs text-ink-muted">{r.accountNumber}</span>,
  },
  { id: "entity", header: "Legal entity", cell: (r) => r.legalEntity.name },
];

/** Logging a dispute, step 1: find the customer. */
export function ChooseCustomer({ q, customers }: { q: string; customers: { rows: Customer[] } | null }) {
  return (
    <Card title="1. Customer" flush>
      <div className="border-b border-line px-5 py-4">
        <Form method="get" role="search" aria-label="Customers" className="flex flex-wrap items-end gap-3">
          <TextField
            type="search"
            label="Find the customer by name or account number"
            name="q"
            id="dispute-customer-search"
            defaultValue={q}
            maxLength={100}
            required
            className="min-w-64 flex-1"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </Form>
      </div>
      {customers ? (
        <DataTable
          caption={`Customers matching “${q}”`}
          columns={columns}
          rows={customers.rows}
          rowKey={(r) => r.id}
          empty={
            <EmptyState
              title={`No customers match “${q}”`}
              description="Try part of the name, or the account number as printed on invoices."
            />
          }
        />
      ) : (
        <p className="px-5 py-4 text-sm text-ink-muted">
          Or start from the customer's account page: each open invoice has a Dispute link.
        </p>
      )}
    </Card>
  );
}
