import type { CardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import { REFUND_REASON_LABELS, REFUND_REASONS } from "@settle/domain/payments/refund-forms";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { useId } from "react";
import { Form, useNavigation } from "react-router";
import { CHARGEBACK_STATUS, REFUND_STATUS } from "../labels.ts";
import { useCsrfToken } from "../use-csrf-token.ts";

type Refund = CardPaymentDetails["refunds"][number];
type Chargeback = CardPaymentDetails["chargebacks"][number];

export interface RefundActionResult {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** Refund requests with their approval and Stripe status, and the form to ask for one. */
export function RefundsPanel({
  payment: p,
  result,
  formKey,
}: {
  payment: Pick<CardPaymentDetails, "refunds" | "refundable" | "canRequestRefund" | "currency">;
  result: RefundActionResult | undefined;
  /** A fresh idempotency key per rendering of the form: the same submission twice is one request. */
  formKey: string;
}) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state !== "idle";
  const reasonId = useId();
  const columns: Column<Refund>[] = [
    {
      id: "requested",
      header: "Requested",
      rowHeader: true,
      cell: (r) => (
        <span className="block">
          <DateText value={r.requestedAt} mode="datetime" className="block text-xs whitespace-nowrap" />
          <span className="text-xs text-ink-muted">
            {r.source === "STRIPE" ? "in Stripe's dashboard, not through Settle" : `by ${r.requestedBy}`}
          </span>
        </span>
      ),
    },
    {
      id: "reason",
      header: "Reason",
      cell: (r) => (
        <span className="block text-sm">
          {REFUND_REASON_LABELS[r.reason]}
          {r.note ? <span className="block text-xs text-ink-muted">{r.note}</span> : null}
        </span>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (r) => (
        <span className="block space-y-1">
          <Badge tone={REFUND_STATUS[r.status]?.tone}>{REFUND_STATUS[r.status]?.label ?? r.status}</Badge>
          {r.decidedBy ? (
            <span className="block text-xs text-ink-muted">
              {r.status === "REJECTED" ? "Rejected" : "Approved"} by {r.decidedBy}
              {r.decisionNote ? `: ${r.decisionNote}` : ""}
            </span>
          ) : null}
          {r.failureReason ? <span className="block text-xs text-red-700">{r.failureReason}</span> : null}
          {r.reversed ? (
            <span className="block text-xs text-amber-800">
              Stripe reported it after it had succeeded: the amount is back on the payment, unapplied.
            </span>
          ) : null}
          {r.lastError ? (
            <span className="block text-xs text-amber-800">
              Stripe did not confirm it yet; it is retried.
            </span>
          ) : null}
          {r.stripeRefundId ? (
            <span className="block font-mono text-xs break-all text-ink-faint">{r.stripeRefundId}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: "amount",
      header: "Amount",
      align: "right",
      cell: (r) => <MoneyText amount={r.amount} currency={p.currency} className="font-medium" />,
    },
    {
      id: "actions",
      header: <span className="sr-only">Decision</span>,
      align: "right",
      cell: (r) =>
        r.status === "APPROVED" && p.canRequestRefund !== undefined && r.lastError ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="refundId" value={r.id} />
            <Button
              type="submit"
              name="intent"
              value="refund-send"
              size="sm"
              variant="secondary"
              disabled={busy}
            >
              Send again
            </Button>
          </Form>
        ) : r.canDecide ? (
          <Form method="post" className="flex flex-col items-end gap-2">
            <CsrfInput token={csrf} />
            <input type="hidden" name="refundId" value={r.id} />
            <TextField label="Note" name="note" className="w-48 text-start" maxLength={500} />
            <span className="flex gap-2">
              <Button type="submit" name="intent" value="refund-approve" size="sm" disabled={busy}>
                Approve
              </Button>
              <Button
                type="submit"
                name="intent"
                value="refund-reject"
                variant="danger"
                size="sm"
                disabled={busy}
              >
                Reject
              </Button>
            </span>
          </Form>
        ) : null,
    },
  ];
  return (
    <Card
      title="Refunds"
      flush
      actions={
        <span className="text-xs text-ink-muted">
          <MoneyText amount={p.refundable} currency={p.currency} /> can still be refunded
        </span>
      }
    >
      {result ? (
        <div className="p-4">
          <Alert tone={result.ok ? "success" : "danger"}>{result.message}</Alert>
        </div>
      ) : null}
      <DataTable
        caption="Refund requests on this payment"
        columns={columns}
        rows={p.refunds}
        rowKey={(r) => r.id}
        empty={<EmptyState title="No refunds" description="Nothing of this payment was given back." />}
      />
      {p.canRequestRefund ? (
        <Form method="post" className="space-y-4 border-t border-line p-4" aria-label="Request a refund">
          <CsrfInput token={csrf} />
          <input type="hidden" name="idempotencyKey" value={formKey} />
          <h3 className="text-sm font-semibold text-ink">Request a refund</h3>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={`Amount (${p.currency})`}
              name="amount"
              inputMode="decimal"
              required
              errors={result?.fieldErrors?.amount}
              description="Part of the payment or all of what can still be refunded. Applications to invoices are reversed, newest first, for what is not unapplied."
            />
            <div className="space-y-1.5">
              <label htmlFor={reasonId} className="block text-sm font-medium text-ink">
                Reason
              </label>
              <select
                id={reasonId}
                name="reason"
                required
                className="block w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm"
              >
                {REFUND_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {REFUND_REASON_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <TextField
            label="Note"
            name="note"
            maxLength={500}
            errors={result?.fieldErrors?.note}
            description="Required when the reason is Other. Large refunds wait for a second person's approval."
          />
          <Button type="submit" name="intent" value="refund-request" disabled={busy}>
            Request refund
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** Card network chargebacks (Stripe disputes) on this payment. */
export function ChargebacksPanel({
  payment: p,
}: {
  payment: Pick<CardPaymentDetails, "chargebacks" | "currency">;
}) {
  if (p.chargebacks.length === 0) return null;
  const columns: Column<Chargeback>[] = [
    {
      id: "opened",
      header: "Opened",
      rowHeader: true,
      cell: (c) => <DateText value={c.openedAt} mode="datetime" className="text-xs whitespace-nowrap" />,
    },
    {
      id: "reason",
      header: "Reason",
      cell: (c) => (
        <span className="block">
          {c.stripeReason.replaceAll("_", " ")}
          <span className="block font-mono text-xs break-all text-ink-faint">{c.stripeDisputeId}</span>
        </span>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (c) => (
        <span className="block">
          <Badge tone={CHARGEBACK_STATUS[c.status]?.tone}>
            {CHARGEBACK_STATUS[c.status]?.label ?? c.status}
          </Badge>
          <span className="block text-xs text-ink-muted">Stripe: {c.stripeStatus.replaceAll("_", " ")}</span>
        </span>
      ),
    },
    {
      id: "amount",
      header: "Amount",
      align: "right",
      cell: (c) => <MoneyText amount={c.amount} currency={p.currency} tone="danger" />,
    },
  ];
  return (
    <Card title="Chargebacks" flush>
      <DataTable
        caption="Chargebacks on this payment"
        columns={columns}
        rows={p.chargebacks}
        rowKey={(c) => c.id}
      />
    </Card>
  );
}
