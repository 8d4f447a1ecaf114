import type {
  CARD_PAYMENT_CHARGEBACK_FILTERS,
  CARD_PAYMENT_REFUND_FILTERS,
  CARD_PAYMENT_SOURCES,
} from "@settle/domain/payments/card-payment-filters";
import type { listCardPayments } from "@settle/domain/payments/list-card-payments";
import { Badge } from "@settle/ui/badge";
import type { Column } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { Link } from "react-router";
import { CARD_PAYMENT_STATUS, CHARGEBACK_STATUS } from "../../labels.ts";

export type CardPaymentList = Awaited<ReturnType<typeof listCardPayments>>;
type Row = CardPaymentList["rows"][number];

const nf = new Intl.NumberFormat("en-US");

export const REFUND_FILTER_LABELS: Record<(typeof CARD_PAYMENT_REFUND_FILTERS)[number], string> = {
  any: "Any refund",
  partial: "Partially refunded",
  full: "Refunded",
};
export const CHARGEBACK_FILTER_LABELS: Record<(typeof CARD_PAYMENT_CHARGEBACK_FILTERS)[number], string> = {
  any: "Any chargeback",
  OPEN: "Chargeback open",
  WON: "Chargeback won",
  LOST: "Chargeback lost",
};
export const SOURCE_LABELS: Record<(typeof CARD_PAYMENT_SOURCES)[number], string> = {
  PORTAL: "Portal",
  AUTOPAY: "Autopay",
};

/** Refund and chargeback state of one payment, as short badges with the refunded amount. */
function AfterPayment({ row }: { row: Row }) {
  if (row.refundState === "none" && row.refundPending === 0n && !row.chargeback) {
    return <span className="text-ink-faint">—</span>;
  }
  return (
    <span className="flex flex-col items-start gap-1">
      {row.refundState !== "none" ? (
        <span className="block">
          <Badge tone={row.refundState === "full" ? "neutral" : "warning"}>
            {row.refundState === "full" ? "Refunded" : "Partially refunded"}
          </Badge>
          <span className="block text-xs text-ink-muted">
            <MoneyText amount={row.refunded} currency={row.currency} /> refunded
          </span>
        </span>
      ) : null}
      {row.refundPending > 0n ? (
        <span className="block text-xs text-ink-muted">
          <MoneyText amount={row.refundPending} currency={row.currency} /> refund in progress
        </span>
      ) : null}
      {row.chargeback ? (
        <Badge tone={CHARGEBACK_STATUS[row.chargeback]?.tone}>
          Chargeback {CHARGEBACK_STATUS[row.chargeback]?.label.toLowerCase() ?? row.chargeback}
        </Badge>
      ) : null}
    </span>
  );
}

export const cardPaymentColumns: Column<Row>[] = [
  {
    id: "created",
    header: "Started",
    className: "whitespace-nowrap",
    cell: (r) => (
      <Link
        to={`/card-payments/${r.id}`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
      >
        <DateText value={r.createdAt} mode="datetime" />
      </Link>
    ),
  },
  {
    id: "customer",
    header: "Customer",
    rowHeader: true,
    cell: (r) => (
      <span className="block">
        <Link to={`/customers/${r.customer.id}`} className="text-ink hover:text-brand-700 hover:underline">
          {r.customer.name}
        </Link>
        <span className="block font-mono text-xs text-ink-muted">{r.customer.accountNumber}</span>
      </span>
    ),
  },
  {
    id: "payer",
    header: "Paid by",
    className: "max-lg:hidden",
    cell: (r) => (
      <span className="block">
        {r.payer.name}
        <span className="block text-xs text-ink-muted">{r.payer.email}</span>
      </span>
    ),
  },
  {
    id: "invoices",
    header: "Invoices",
    align: "right",
    cell: (r) => <span className="tabular text-ink-muted">{nf.format(r.invoiceCount)}</span>,
  },
  {
    id: "amount",
    header: "Amount",
    align: "right",
    cell: (r) => (
      <span className="block">
        <MoneyText amount={r.amount} currency={r.currency} className="font-medium" />
        {r.unapplied > 0n ? (
          <span className="block text-xs text-amber-800">
            <MoneyText amount={r.unapplied} currency={r.currency} /> unapplied
          </span>
        ) : null}
      </span>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: (r) => (
      <span className="block">
        <Badge tone={CARD_PAYMENT_STATUS[r.status]?.tone}>
          {CARD_PAYMENT_STATUS[r.status]?.label ?? r.status}
        </Badge>
        {r.failureMessage ? (
          <span className="mt-1 block text-xs text-red-700">{r.failureMessage}</span>
        ) : null}
      </span>
    ),
  },
  {
    id: "after",
    header: "Refunds and chargebacks",
    cell: (r) => <AfterPayment row={r} />,
  },
  {
    id: "source",
    header: "Source",
    className: "max-md:hidden",
    cell: (r) => <span className="text-sm">{SOURCE_LABELS[r.source]}</span>,
  },
  {
    id: "receipt",
    header: "Receipt",
    className: "max-md:hidden",
    cell: (r) =>
      r.receiptNumber ? (
        <span className="font-mono text-xs">{r.receiptNumber}</span>
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
];
