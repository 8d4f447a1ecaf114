import type { AccountOpenItem, CustomerAccount } from "@settle/domain/customers/get-customer-account";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { Pagination } from "@settle/ui/pagination";
import { Link } from "react-router";
import { ITEM_KIND_LABELS, ITEM_KIND_TONES } from "../../labels.ts";

/** Documents a customer is billed by, which can be disputed. */
const DISPUTABLE = new Set(["INVOICE", "DEBIT_MEMO", "FEE"]);

const itemColumns = (customerId: string): Column<AccountOpenItem>[] => [
  {
    id: "kind",
    header: "Type",
    cell: (r) => <Badge tone={ITEM_KIND_TONES[r.kind]}>{ITEM_KIND_LABELS[r.kind] ?? r.kind}</Badge>,
  },
  {
    id: "number",
    header: "Number",
    rowHeader: true,
    cell: (r) => <span className="font-mono text-xs font-medium">{r.number}</span>,
  },
  {
    id: "documentDate",
    header: "Document date",
    cell: (r) => <DateText value={r.documentDate} className="tabular" />,
  },
  {
    id: "dueDate",
    header: "Due date",
    cell: (r) =>
      r.dueDate ? (
        <DateText value={r.dueDate} className="tabular" />
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
  {
    id: "daysOverdue",
    header: "Days overdue",
    align: "right",
    cell: (r) =>
      r.daysOverdue > 0 ? (
        <span className="tabular font-medium text-red-700">{r.daysOverdue}</span>
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
  {
    id: "amount",
    header: "Amount",
    align: "right",
    cell: (r) => <MoneyText amount={r.isCredit ? -r.amount : r.amount} currency={r.currency} tone="signed" />,
  },
  {
    id: "openAmount",
    header: "Open amount",
    align: "right",
    cell: (r) => (
      <MoneyText
        amount={r.isCredit ? -r.openAmount : r.openAmount}
        currency={r.currency}
        tone="signed"
        className="font-medium"
      />
    ),
  },
  {
    id: "dispute",
    header: <span className="sr-only">Dispute</span>,
    cell: (r) =>
      !DISPUTABLE.has(r.kind) ? null : (
        <span className="block text-end text-xs whitespace-nowrap">
          {r.inDispute > 0n ? (
            <span className="block text-amber-800">
              <MoneyText amount={r.inDispute} currency={r.currency} /> in dispute
            </span>
          ) : null}
          <Link
            to={`/disputes/new?customerId=${customerId}&invoiceId=${r.id}`}
            className="text-brand-700 hover:underline"
            aria-label={`Log a dispute on ${r.number}`}
          >
            Dispute
          </Link>
        </span>
      ),
  },
];

/** The account's open items, oldest due date first, a page at a time. */
export function OpenItemsCard({
  customerId,
  openItems,
  className,
}: {
  customerId: string;
  openItems: CustomerAccount["openItems"];
  className?: string;
}) {
  return (
    <Card title={`Open items (${openItems.total})`} id="open-items" flush className={className}>
      {openItems.page > openItems.pageCount && openItems.total > 0 ? (
        <div className="p-5">
          <p className="text-sm text-ink-muted">
            There is no page {openItems.page}: the open items fill {openItems.pageCount}{" "}
            {openItems.pageCount === 1 ? "page" : "pages"}.{" "}
            <Link to="?page=1" className="font-medium text-brand-700 underline">
              Go to the first page
            </Link>
          </p>
        </div>
      ) : (
        <DataTable
          caption="Open items, oldest due date first"
          columns={itemColumns(customerId)}
          rows={openItems.rows}
          rowKey={(r) => r.id}
          empty={
            <EmptyState
              title="Nothing open"
              description="Every item on this account is settled."
              icon="inbox"
            />
          }
        />
      )}
      {openItems.total > openItems.pageSize ? (
        <div className="border-t border-line">
          <Pagination
            page={openItems.page}
            pageCount={openItems.pageCount}
            total={openItems.total}
            pageSize={openItems.pageSize}
            label="open items"
          />
        </div>
      ) : null}
    </Card>
  );
}
