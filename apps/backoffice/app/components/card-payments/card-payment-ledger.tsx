import type { CardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { Link } from "react-router";
import { CARD_PAYMENT_STATUS, humanizeAction } from "../../labels.ts";

type Payment = CardPaymentDetails;

const mono = (text: string) => <span className="font-mono text-xs break-all select-all">{text}</span>;

/** Amount, status, customer and who started it. */
export function CardPaymentHeader({ payment: p }: { payment: Payment }) {
  const status = CARD_PAYMENT_STATUS[p.status];
  return (
    <PageHeader
      back={{ to: "/card-payments", label: "Card payments" }}
      title={
        <>
          <MoneyText amount={p.amount} currency={p.currency} /> by card
        </>
      }
      meta={<Badge tone={status?.tone}>{status?.label ?? p.status}</Badge>}
      description={
        <>
          <Link to={`/customers/${p.customer.id}`} className="font-medium text-brand-700 hover:underline">
            {p.customer.name}
          </Link>{" "}
          ({p.customer.accountNumber}) · started <DateText value={p.createdAt} mode="datetime" /> by{" "}
          {p.payer.name}
        </>
      }
    />
  );
}

/** Why the payment failed, and the account's open flags, above everything else. */
export function CardPaymentWarnings({ payment: p }: { payment: Payment }) {
  return (
    <>
      {p.failureMessage ? (
        <p role="status" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          <span className="font-medium">Why it failed:</span> {p.failureMessage}
          {p.failureCode ? <span className="ms-1 font-mono text-xs">({p.failureCode})</span> : null}
        </p>
      ) : null}
      {p.openFlags.map((f) => (
        <Alert
          key={f.id}
          tone="warning"
          title={f.kind === "CHARGEBACK" ? "Chargeback on this account" : "Account flag"}
        >
          {f.note ?? "The collector should look at this account."}
        </Alert>
      ))}
    </>
  );
}

/** The payer, completion and receipt; Stripe's ids. */
export function CardPaymentFacts({ payment: p }: { payment: Payment }) {
  return (
    <div className="space-y-6">
      <Card title="Payment">
        <DescriptionList
          columns={1}
          items={[
            { term: "Paid by", details: `${p.payer.name} <${p.payer.email}>` },
            {
              term: "Completed",
              details: p.completedAt ? <DateText value={p.completedAt} mode="datetime" /> : "Not yet",
            },
            {
              term: "Receipt",
              details: p.receipt ? (
                <>
                  {mono(p.receipt.number)}
                  {p.receipt.openAmount > 0n ? (
                    <span className="mt-1 block text-amber-800">
                      <MoneyText amount={p.receipt.openAmount} currency={p.currency} /> unapplied: flagged for
                      cash application
                    </span>
                  ) : (
                    <span className="mt-1 block text-ink-muted">Fully applied</span>
                  )}
                </>
              ) : (
                "Not recorded"
              ),
            },
          ]}
        />
      </Card>
      <Card title="Stripe">
        <DescriptionList
          columns={1}
          items={[
            {
              term: "PaymentIntent",
              details: p.stripe.paymentIntentId ? mono(p.stripe.paymentIntentId) : "None yet",
            },
            {
              term: "Checkout Session",
              details: p.stripe.checkoutSessionId ? mono(p.stripe.checkoutSessionId) : "None",
            },
          ]}
        />
      </Card>
    </div>
  );
}

/** The invoices the payer chose to pay, with the amounts chosen and what is open now. */
export function Allocations({ payment: p }: { payment: Payment }) {
  type Row = Payment["allocations"][number];
  const columns: Column<Row>[] = [
    {
      id: "number",
      header: "Invoice",
      rowHeader: true,
      cell: (a) => <span className="font-medium">{a.number}</span>,
    },
    {
      id: "amount",
      header: "Invoice amount",
      align: "right",
      className: "max-sm:hidden",
      cell: (a) => <MoneyText amount={a.invoiceAmount} currency={p.currency} className="text-ink-muted" />,
    },
    {
      id: "chosen",
      header: "Chosen to pay",
      align: "right",
      cell: (a) => <MoneyText amount={a.chosen} currency={p.currency} className="font-medium" />,
    },
    {
      id: "open",
      header: "Open now",
      align: "right",
      cell: (a) => <MoneyText amount={a.openNow} currency={p.currency} tone="danger" />,
    },
  ];
  return (
    <Card title="What the payer chose" flush>
      <DataTable
        caption="Invoices the payer chose, with amounts"
        columns={columns}
        rows={p.allocations}
        rowKey={(a) => a.itemId}
      />
    </Card>
  );
}

/** The receipt's applications to invoices in the ledger (reversals included). */
export function Applications({ payment: p, applied }: { payment: Payment; applied: bigint }) {
  type Row = Payment["applications"][number];
  const columns: Column<Row>[] = [
    {
      id: "at",
      header: "Applied",
      className: "whitespace-nowrap",
      cell: (a) => <DateText value={a.createdAt} mode="datetime" />,
    },
    {
      id: "invoice",
      header: "To",
      rowHeader: true,
      cell: (a) => <span className="font-medium">{a.debitItem.number}</span>,
    },
    {
      id: "kind",
      header: "Entry",
      cell: (a) =>
        a.kind === "REVERSAL" ? (
          <Badge tone="warning">Reversal{a.reason ? `: ${a.reason}` : ""}</Badge>
        ) : a.reversed ? (
          <Badge tone="neutral">Reversed</Badge>
        ) : (
          <Badge tone="success">Applied</Badge>
        ),
    },
    {
      id: "amount",
      header: "Amount",
      align: "right",
      cell: (a) => <MoneyText amount={a.kind === "REVERSAL" ? -a.amount : a.amount} currency={p.currency} />,
    },
  ];
  return (
    <Card
      title="In the ledger"
      flush
      actions={
        p.receipt ? (
          <span className="text-xs text-ink-muted">
            <MoneyText amount={applied} currency={p.currency} /> of{" "}
            <MoneyText amount={p.receipt.amount} currency={p.currency} /> applied
          </span>
        ) : null
      }
    >
      <DataTable
        caption="Applications of the payment's receipt"
        columns={columns}
        rows={p.applications}
        rowKey={(a) => a.id}
        empty={
          <EmptyState
            title="Nothing in the ledger yet"
            description={
              p.status === "SUCCEEDED"
                ? "The receipt has no applications: its whole amount waits for cash application."
                : "A payment reaches the ledger once Stripe confirms it."
            }
          />
        }
      />
    </Card>
  );
}

/** What happened to the payment: audited changes and Stripe's events, oldest first. */
export function History({ payment: p }: { payment: Payment }) {
  const entries = [
    ...p.history.map((h) => ({
      at: h.at,
      what: humanizeAction(h.action),
      who: h.actorType,
      key: `a-${h.at.toISOString()}-${h.action}`,
    })),
    ...p.events.map((e) => ({
      at: e.receivedAt,
      what: `Stripe: ${e.type}`,
      who: e.processedAt
        ? "processed"
        : e.lastError
          ? `not processed (${e.attempts} tries): ${e.lastError}`
          : "waiting",
      key: `e-${e.id}`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <Card title="History">
      {entries.length === 0 ? (
        <p className="text-sm text-ink-muted">Nothing recorded yet.</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((e) => (
            <li key={e.key} className="flex gap-3 text-sm">
              <DateText value={e.at} mode="datetime" className="w-44 shrink-0 text-ink-muted" />
              <span>
                <span className="font-medium text-ink">{e.what}</span>
                <span className="ms-2 text-xs text-ink-faint">{e.who}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
