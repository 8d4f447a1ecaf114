import type { CardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import { activitySentence } from "@settle/i18n/activity";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { DescriptionList } from "@settle/ui/description-list";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText, useMoneyFormat } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { usePageLocale } from "@settle/ui/page-locale";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { CARD_PAYMENT_STATUS_TONES } from "../../labels.ts";

type Payment = CardPaymentDetails;

const mono = (text: string) => <span className="font-mono text-xs break-all select-all">{text}</span>;

/** Amount, status, customer and who started it. */
export function CardPaymentHeader({ payment: p }: { payment: Payment }) {
  const { t } = useTranslation("card-payment");
  return (
    <PageHeader
      back={{ to: "/card-payments", label: t("back") }}
      title={
        <Trans
          t={t}
          i18nKey="heading"
          components={[<MoneyText key="amount" amount={p.amount} currency={p.currency} />]}
        />
      }
      meta={
        <Badge tone={CARD_PAYMENT_STATUS_TONES[p.status]}>{t(`labels:cardPaymentStatus.${p.status}`)}</Badge>
      }
      description={
        <Trans
          t={t}
          i18nKey="started"
          values={{ customer: p.customer.name, accountNumber: p.customer.accountNumber, payer: p.payer.name }}
          components={[
            <Link
              key="customer"
              to={`/customers/${p.customer.id}`}
              className="font-medium text-brand-700 hover:underline"
            />,
            <DateText key="at" value={p.createdAt} mode="datetime" />,
          ]}
        />
      }
    />
  );
}

/** Why the payment failed, and the account's open flags, above everything else. */
export function CardPaymentWarnings({ payment: p }: { payment: Payment }) {
  const { t } = useTranslation("card-payment");
  return (
    <>
      {p.failureMessage ? (
        <p role="status" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          <span className="font-medium">{t("whyFailed")}</span> {p.failureMessage}
          {p.failureCode ? <span className="ms-1 font-mono text-xs">({p.failureCode})</span> : null}
        </p>
      ) : null}
      {p.openFlags.map((f) => (
        <Alert
          key={f.id}
          tone="warning"
          title={t(f.kind === "CHARGEBACK" ? "chargebackFlag" : "accountFlag")}
        >
          {f.note ?? t("lookAtIt")}
        </Alert>
      ))}
    </>
  );
}

/** The payer, completion and receipt; Stripe's ids. */
export function CardPaymentFacts({ payment: p }: { payment: Payment }) {
  const { t } = useTranslation("card-payment");
  return (
    <div className="space-y-6">
      <Card title={t("facts.title")}>
        <DescriptionList
          columns={1}
          items={[
            { term: t("facts.paidBy"), details: `${p.payer.name} <${p.payer.email}>` },
            {
              term: t("facts.completed"),
              details: p.completedAt ? <DateText value={p.completedAt} mode="datetime" /> : t("facts.notYet"),
            },
            {
              term: t("facts.receipt"),
              details: p.receipt ? (
                <>
                  {mono(p.receipt.number)}
                  {p.receipt.openAmount > 0n ? (
                    <span className="mt-1 block text-amber-800">
                      <Trans
                        t={t}
                        i18nKey="facts.unapplied"
                        components={[
                          <MoneyText key="open" amount={p.receipt.openAmount} currency={p.currency} />,
                        ]}
                      />
                    </span>
                  ) : (
                    <span className="mt-1 block text-ink-muted">{t("facts.fullyApplied")}</span>
                  )}
                </>
              ) : (
                t("facts.notRecorded")
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
              details: p.stripe.paymentIntentId ? mono(p.stripe.paymentIntentId) : t("facts.noneYet"),
            },
            {
              term: "Checkout Session",
              details: p.stripe.checkoutSessionId ? mono(p.stripe.checkoutSessionId) : t("facts.none"),
            },
          ]}
        />
      </Card>
    </div>
  );
}

/** The invoices the payer chose to pay, with the amounts chosen and what is open now. */
export function Allocations({ payment: p }: { payment: Payment }) {
  const { t } = useTranslation("card-payment");
  type Row = Payment["allocations"][number];
  const columns: Column<Row>[] = [
    {
      id: "number",
      header: t("allocations.invoice"),
      rowHeader: true,
      cell: (a) => <span className="font-medium">{a.number}</span>,
    },
    {
      id: "amount",
      header: t("allocations.invoiceAmount"),
      align: "right",
      className: "max-sm:hidden",
      cell: (a) => <MoneyText amount={a.invoiceAmount} currency={p.currency} className="text-ink-muted" />,
    },
    {
      id: "chosen",
      header: t("allocations.chosen"),
      align: "right",
      cell: (a) => <MoneyText amount={a.chosen} currency={p.currency} className="font-medium" />,
    },
    {
      id: "open",
      header: t("allocations.openNow"),
      align: "right",
      cell: (a) => <MoneyText amount={a.openNow} currency={p.currency} tone="danger" />,
    },
  ];
  return (
    <Card title={t("allocations.title")} flush>
      <DataTable
        caption={t("allocations.caption")}
        columns={columns}
        rows={p.allocations}
        rowKey={(a) => a.itemId}
      />
    </Card>
  );
}

/** The receipt's applications to invoices in the ledger (reversals included). */
export function Applications({ payment: p, applied }: { payment: Payment; applied: bigint }) {
  const { t } = useTranslation("card-payment");
  type Row = Payment["applications"][number];
  const columns: Column<Row>[] = [
    {
      id: "at",
      header: t("ledger.at"),
      className: "whitespace-nowrap",
      cell: (a) => <DateText value={a.createdAt} mode="datetime" />,
    },
    {
      id: "invoice",
      header: t("ledger.to"),
      rowHeader: true,
      cell: (a) => <span className="font-medium">{a.debitItem.number}</span>,
    },
    {
      id: "kind",
      header: t("ledger.entry"),
      cell: (a) =>
        a.kind === "REVERSAL" ? (
          <Badge tone="warning">
            {a.reason ? t("ledger.reversalWhy", { reason: a.reason }) : t("ledger.reversal")}
          </Badge>
        ) : a.reversed ? (
          <Badge tone="neutral">{t("ledger.reversed")}</Badge>
        ) : (
          <Badge tone="success">{t("ledger.apply")}</Badge>
        ),
    },
    {
      id: "amount",
      header: t("ledger.amount"),
      align: "right",
      cell: (a) => <MoneyText amount={a.kind === "REVERSAL" ? -a.amount : a.amount} currency={p.currency} />,
    },
  ];
  return (
    <Card
      title={t("ledger.title")}
      flush
      actions={
        p.receipt ? (
          <span className="text-xs text-ink-muted">
            <Trans
              t={t}
              i18nKey="ledger.applied"
              components={[
                <MoneyText key="applied" amount={applied} currency={p.currency} />,
                <MoneyText key="receipt" amount={p.receipt.amount} currency={p.currency} />,
              ]}
            />
          </span>
        ) : null
      }
    >
      <DataTable
        caption={t("ledger.caption")}
        columns={columns}
        rows={p.applications}
        rowKey={(a) => a.id}
        empty={
          <EmptyState
            title={t("ledger.emptyTitle")}
            description={t(p.status === "SUCCEEDED" ? "ledger.emptyWaiting" : "ledger.emptyNotYet")}
          />
        }
      />
    </Card>
  );
}

/** What happened to the payment: audited changes and Stripe's events, oldest first. */
export function History({ payment: p }: { payment: Payment }) {
  const { t } = useTranslation("card-payment");
  const money = useMoneyFormat();
  const locale = usePageLocale();
  const entries = [
    ...p.history.map((h) => ({
      at: h.at,
      what: activitySentence(t, h.facts, { money, locale }),
      who: null as string | null,
      key: `a-${h.id}`,
    })),
    ...p.events.map((e) => ({
      at: e.receivedAt,
      what: t("history.stripeEvent", { type: e.type }),
      who: e.processedAt
        ? t("history.processed")
        : e.lastError
          ? t("history.failing", { count: e.attempts, error: e.lastError })
          : t("history.waiting"),
      key: `e-${e.id}`,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <Card title={t("history.title")}>
      {entries.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("history.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((e) => (
            <li key={e.key} className="flex gap-3 text-sm">
              <DateText value={e.at} mode="datetime" className="w-44 shrink-0 text-ink-muted" />
              <span>
                <span className="font-medium text-ink">{e.what}</span>
                {e.who ? <span className="ms-2 text-xs text-ink-faint">{e.who}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
