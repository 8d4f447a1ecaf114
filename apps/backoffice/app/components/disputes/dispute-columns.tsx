import type { listDisputes } from "@settle/domain/disputes/list-disputes";
import { Badge } from "@settle/ui/badge";
import type { Column } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { Link } from "react-router";
import { DISPUTE_REASON, DISPUTE_STATUS, overdueText } from "../../dispute-labels.ts";

export type DisputeRow = Awaited<ReturnType<typeof listDisputes>>["rows"][number];

/** The dispute queue's columns, nearest deadline first by default. */
export const disputeColumns: Column<DisputeRow>[] = [
  {
    id: "number",
    header: "Dispute",
    sortKey: "number",
    firstDir: "desc",
    rowHeader: true,
    className: "whitespace-nowrap",
    cell: (r: DisputeRow) => (
      <span className="block">
        <Link to={`/disputes/${r.id}`} className="font-medium text-ink hover:text-brand-700 hover:underline">
          {r.label}
        </Link>
        <span className="block text-xs text-ink-muted">
          on <span className="font-mono">{r.invoice.number}</span>
        </span>
      </span>
    ),
  },
  {
    id: "customer",
    header: "Customer",
    sortKey: "customer",
    cell: (r: DisputeRow) => (
      <span className="block">
        <Link to={`/customers/${r.customer.id}`} className="text-ink hover:text-brand-700 hover:underline">
          {r.customer.name}
        </Link>
        <span className="block font-mono text-xs text-ink-muted">{r.customer.accountNumber}</span>
      </span>
    ),
  },
  {
    id: "reason",
    header: "Reason",
    className: "max-md:hidden",
    cell: (r: DisputeRow) => <span className="text-sm">{DISPUTE_REASON[r.reason]}</span>,
  },
  {
    id: "amount",
    header: "Disputed",
    sortKey: "amount",
    firstDir: "desc",
    align: "right",
    cell: (r: DisputeRow) => <MoneyText amount={r.amount} currency={r.currency} className="font-medium" />,
  },
  {
    id: "status",
    header: "Status",
    cell: (r: DisputeRow) => (
      <Badge tone={DISPUTE_STATUS[r.status].tone}>{DISPUTE_STATUS[r.status].label}</Badge>
    ),
  },
  {
    id: "owner",
    header: "Owner",
    className: "max-lg:hidden",
    cell: (r: DisputeRow) => (
      <span className="block text-sm">
        {r.owner ? r.owner.name : <span className="text-ink-faint">Unassigned</span>}
        {r.department ? <span className="block text-xs text-ink-muted">{r.department.name}</span> : null}
      </span>
    ),
  },
  {
    id: "deadline",
    header: "Deadline",
    sortKey: "deadline",
    className: "whitespace-nowrap",
    cell: (r: DisputeRow) => (
      <span className="block">
        <DateText value={r.deadline} className={r.overdue ? "font-medium text-red-700" : undefined} />
        {r.overdue ? (
          <span className="block text-xs text-red-700">{overdueText(r.overdueBusinessDays)}</span>
        ) : null}
        {r.escalatedAt ? (
          <Badge tone="danger" className="mt-1">
            Escalated
          </Badge>
        ) : null}
      </span>
    ),
  },
  {
    id: "created",
    header: "Raised",
    sortKey: "created",
    firstDir: "desc",
    className: "whitespace-nowrap max-xl:hidden",
    cell: (r: DisputeRow) => <DateText value={r.createdAt} className="text-ink-muted" />,
  },
];
