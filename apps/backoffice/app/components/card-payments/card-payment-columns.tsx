import type { listCardPayments } from "@settle/domain/payments/list-card-payments";
import { Badge } from "@settle/ui/badge";
import type { Column } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { Link } from "react-router";
import { CARD_PAYMENT_STATUS_TONES, CHARGEBACK_STATUS_TONES } from "../../labels.ts";

export type CardPaymentList = Awaited<ReturnType<typeof listCardPayments>>;
type Row = CardPaymentList["rows"][number];

/** Formats a payment's amount as text, for the sentences around it ("$10.00 refunded"). */
type Money = (amount: bigint, currency: string) => string;

/** Refund and chargeback state of one payment, as short badges with the refunded amount. */
function AfterPayment({ row, t, money }: { row: Row; t: TFunction; money: Money }) {
  if (row.refundState === "none" && row.refundPending === 0n && !row.chargeback) {
    return <span className="text-ink-faint">—</span>;
  }
  return (
    <span className="flex flex-col items-start gap-1">
      {row.refundState !== "none" ? (
        <span className="block">
          <Badge tone={row.refundState === "full" ? "neutral" : "warning"}>
            {t(row.refundState === "full" ? "after.refunded" : "after.partiallyRefunded")}
          </Badge>
          <span className="block text-xs text-ink-muted">
            {t("after.refundedAmount", { amount: money(row.refunded, row.currency) })}
          </span>
        </span>
      ) : null}
      {row.refundPending > 0n ? (
        <span className="block text-xs text-ink-muted">
          {t("after.refundInProgress", { amount: money(row.refundPending, row.currency) })}
        </span>
      ) : null}
      {row.chargeback ? (
        <Badge tone={CHARGEBACK_STATUS_TONES[row.chargeback]}>
          {t(`after.chargeback.${row.chargeback}`, { defaultValue: row.chargeback })}
        </Badge>
      ) : null}
    </span>
  );
}

/** The list's columns in the page's language; `number` and `money` format for it. */
export const cardPaymentColumnsIn = (
  t: TFunction,
  number: (value: number) => string,
  money: Money,
): Column<Row>[] => [
  {
    id: "created",
    header: t("columns.started"),
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
    header: t("columns.customer"),
    rowHeader: true,
    cell: (r) => (
      <span className="block">
        <Link to={`/customers/${r.customer.id}`} className="text-ink hover:text-brand-700 hover:underline">
          <bdi>{r.customer.name}</bdi>
        </Link>
        <span className="block font-mono text-xs text-ink-muted">{r.customer.accountNumber}</span>
      </span>
    ),
  },
  {
    id: "payer",
    header: t("columns.paidBy"),
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
    header: t("columns.invoices"),
    align: "right",
    cell: (r) => <span className="tabular text-ink-muted">{number(r.invoiceCount)}</span>,
  },
  {
    id: "amount",
    header: t("columns.amount"),
    align: "right",
    cell: (r) => (
      <span className="block">
        <MoneyText amount={r.amount} currency={r.currency} className="font-medium" />
        {r.unapplied > 0n ? (
          <span className="block text-xs text-amber-800">
            {t("columns.unapplied", { amount: money(r.unapplied, r.currency) })}
          </span>
        ) : null}
      </span>
    ),
  },
  {
    id: "status",
    header: t("columns.status"),
    cell: (r) => (
      <span className="block">
        <Badge tone={CARD_PAYMENT_STATUS_TONES[r.status]}>
          {t(`labels:cardPaymentStatus.${r.status}`, { defaultValue: r.status })}
        </Badge>
        {r.failureMessage ? (
          <span className="mt-1 block text-xs text-red-700">{r.failureMessage}</span>
        ) : null}
      </span>
    ),
  },
  {
    id: "after",
    header: t("columns.after"),
    cell: (r) => <AfterPayment row={r} t={t} money={money} />,
  },
  {
    id: "source",
    header: t("columns.source"),
    className: "max-md:hidden",
    cell: (r) => <span className="text-sm">{t(`sources.${r.source}`)}</span>,
  },
  {
    id: "receipt",
    header: t("columns.receipt"),
    className: "max-md:hidden",
    cell: (r) =>
      r.receiptNumber ? (
        <span className="font-mono text-xs">{r.receiptNumber}</span>
      ) : (
        <span className="text-ink-faint">—</span>
      ),
  },
];
