import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { CardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import {
  CardPaymentRefundFormSchema,
  REFUND_REASON_LABELS,
  REFUND_REASONS,
} from "@settle/domain/payments/refund-forms";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { SelectField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Form, useNavigation } from "react-router";
import { CHARGEBACK_STATUS, REFUND_STATUS } from "../../labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";

type Refund = CardPaymentDetails["refunds"][number];
type Chargeback = CardPaymentDetails["chargebacks"][number];
type Reply = SubmissionResult<string[]>;

const STATUS_MESSAGES: Record<string, string> = {
  PENDING_APPROVAL: "waits for a second staff member's approval",
  APPROVED: "is approved; Stripe has not confirmed it yet",
  PENDING: "was sent to Stripe",
  SUCCEEDED: "is refunded",
  FAILED: "failed at Stripe",
  REJECTED: "was rejected",
};

/** What the page says after a refund form did its work: what was done, and where the refund stands. */
export function refundOutcome(done: string, refund: { status: string }): string {
  return `${done} The refund ${STATUS_MESSAGES[refund.status] ?? refund.status.toLowerCase()}.`;
}

const REASON_OPTIONS = REFUND_REASONS.map((r) => ({ value: r, label: REFUND_REASON_LABELS[r] }));

/** The intent a reply answers (every refund form sends it as a field). */
const intentOf = (reply: Reply | undefined) =>
  typeof reply?.initialValue?.intent === "string" ? reply.initialValue.intent : null;

/** Refund requests with their approval and Stripe status, and the form to ask for one. */
export function RefundsPanel({
  payment: p,
  lastResult,
  done,
  formKey,
}: {
  payment: Pick<CardPaymentDetails, "refunds" | "refundable" | "can" | "currency">;
  /** The last refund form's reply (field and form errors), and what it did. */
  lastResult: Reply | undefined;
  done: { message: string } | null | undefined;
  /** A fresh idempotency key per rendering of the form: the same submission twice is one request. */
  formKey: string;
}) {
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const requesting = intentOf(lastResult) === "refund-request";
  // A decision's refusal (e.g. a rejection without a note) is said above the table; the request
  // form shows its own field errors.
  const refused =
    navigation.state !== "idle" || done
      ? []
      : Object.entries(lastResult?.error ?? {})
          .filter(([name]) => name === "" || (name !== "intent" && !requesting))
          .flatMap(([, errors]) => errors ?? []);
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
        r.can.sendAgain ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="refundId" value={r.id} />
            <input type="hidden" name="intent" value="refund-send" />
            <Button type="submit" size="sm" variant="secondary" disabled={busy}>
              Send again
            </Button>
          </Form>
        ) : r.can.decide ? (
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
      {(done && navigation.state === "idle") || refused.length ? (
        <div className="p-4">
          <Alert tone={refused.length ? "danger" : "success"}>
            {refused.length ? refused.join(" ") : done?.message}
          </Alert>
        </div>
      ) : null}
      <DataTable
        caption="Refund requests on this payment"
        columns={columns}
        rows={p.refunds}
        rowKey={(r) => r.id}
        empty={<EmptyState title="No refunds" description="Nothing of this payment was given back." />}
      />
      {p.can.refund ? (
        <RefundRequestForm
          currency={p.currency}
          formKey={formKey}
          busy={busy}
          lastResult={requesting ? lastResult : undefined}
        />
      ) : null}
    </Card>
  );
}

/** Asking for a refund, validated in the browser with the schema the server uses. */
function RefundRequestForm({
  currency,
  formKey,
  busy,
  lastResult,
}: {
  currency: string;
  formKey: string;
  busy: boolean;
  lastResult: Reply | undefined;
}) {
  const csrf = useCsrfToken();
  const [form, fields] = useForm({
    id: "refund-request",
    lastResult,
    defaultValue: { reason: REFUND_REASONS[0] },
    constraint: getZodConstraint(CardPaymentRefundFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CardPaymentRefundFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="space-y-4 border-t border-line p-4"
      aria-label="Request a refund"
    >
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="refund-request" />
      <input type="hidden" name="idempotencyKey" value={formKey} />
      <h3 className="text-sm font-semibold text-ink">Request a refund</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={`Amount (${currency})`}
          field={fields.amount}
          inputMode="decimal"
          description="Part of the payment or all of what can still be refunded. Applications to invoices are reversed, newest first, for what is not unapplied."
        />
        <SelectField label="Reason" field={fields.reason} options={REASON_OPTIONS} />
      </div>
      <TextField
        label="Note"
        field={fields.note}
        maxLength={500}
        description="Required when the reason is Other. Large refunds wait for a second person's approval."
      />
      <Button type="submit" disabled={busy}>
        Request refund
      </Button>
    </Form>
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
