import { planReopening } from "@settle/domain/ledger/plan-reopening";
import { parseTypedAmount } from "@settle/domain/money/typed-amount";
import type { CardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import type { RefundReopen } from "@settle/domain/payments/refund-reopening";
import { Alert } from "@settle/ui/alert";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { useMemo, useState } from "react";
import { Trans } from "react-i18next";
import { Link } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { TickList } from "../tick-list.tsx";

type Reopen = CardPaymentDetails["reopen"];

/** Each invoice a refund opens again and by how much (the request's plan, as the approver sees it). */
export function ReopenList({
  reopens,
  currency,
  className,
}: {
  reopens: readonly Pick<RefundReopen, "number" | "amount">[];
  currency: string;
  className?: string;
}) {
  const { t } = useTranslation("card-payment");
  return (
    <span className={className}>
      {reopens.length === 0 ? (
        t("refunds.reopen.none")
      ) : (
        <>
          {t("refunds.reopen.opensAgain")}{" "}
          {reopens.map((r, i) => (
            <span key={r.number}>
              {i > 0 ? ", " : null}
              <Trans
                t={t}
                i18nKey="refunds.reopen.item"
                values={{ number: r.number }}
                components={[
                  <bdi key="number" />,
                  <MoneyText key="amount" amount={r.amount} currency={currency} />,
                ]}
              />
            </span>
          ))}
        </>
      )}
    </span>
  );
}

/** The amount typed so far in minor units, or null while it is not an amount yet. */
export function typedAmount(value: unknown, currency: string, locale: string): bigint | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    return parseTypedAmount(value, currency, locale);
  } catch {
    return null;
  }
}

/**
 * The invoices this payment paid, to tick the ones a refund reopens (the most recent is ticked),
 * and what the refund will do as it is typed: the same plan the server stores and executes.
 */
export function ReopenChoice({
  reopen,
  currency,
  amount,
  errors,
}: {
  reopen: Reopen;
  currency: string;
  /** The amount field's current text. */
  amount: unknown;
  errors: readonly string[] | undefined;
}) {
  const { t, i18n } = useTranslation("card-payment");
  const [chosen, setChosen] = useState<string[]>(reopen.defaultChoice);
  const minor = typedAmount(amount, currency, i18n.language);
  const plan = useMemo(() => {
    if (minor === null || minor <= 0n) return null;
    // Per invoice: what each holds, most recently paid first (the domain plans per application).
    const applications = reopen.options.map((o) => ({
      id: o.invoiceId,
      invoiceId: o.invoiceId,
      amount: o.applied,
    }));
    return planReopening({ amount: minor, unapplied: reopen.unapplied, applications, chosen });
  }, [minor, reopen, chosen]);
  const numbers = new Map(reopen.options.map((o) => [o.invoiceId, o.number]));
  if (reopen.options.length === 0) return null;
  const toggle = (id: string, on: boolean) =>
    setChosen((now) => {
      const rest = now.filter((c) => c !== id);
      return on ? [...rest, id] : rest;
    });
  return (
    <TickList
      name="reopen"
      idPrefix="refund-reopen"
      legend={t("refunds.reopen.legend")}
      hint={t("refunds.reopen.hint")}
      options={reopen.options.map((o) => ({
        value: o.invoiceId,
        number: o.number,
        detail: (
          <Trans
            t={t}
            i18nKey="refunds.reopen.option"
            components={[
              <MoneyText key="applied" amount={o.applied} currency={currency} />,
              <DateText key="date" value={o.appliedAt} />,
            ]}
          />
        ),
      }))}
      chosen={chosen}
      onToggle={toggle}
      errors={errors}
      errorId="refund-reopen-error"
    >
      {plan ? (
        <div
          aria-live="polite"
          className="rounded-lg bg-slate-50 p-3 text-sm text-ink"
          data-testid="refund-plan"
        >
          {plan.fromUnapplied > 0n ? (
            <p>
              <Trans
                t={t}
                i18nKey="refunds.reopen.fromRemainder"
                components={[<MoneyText key="remainder" amount={plan.fromUnapplied} currency={currency} />]}
              />
            </p>
          ) : null}
          <p>
            <ReopenList
              reopens={plan.invoices.map((i) => ({
                number: numbers.get(i.invoiceId) ?? "",
                amount: i.amount,
              }))}
              currency={currency}
            />
          </p>
        </div>
      ) : null}
    </TickList>
  );
}

/** Where a refund for a duplicate payment belongs: on the duplicate, never on the original. */
export function DuplicateNotice({ duplicates }: { duplicates: CardPaymentDetails["duplicates"] }) {
  const { t } = useTranslation("card-payment");
  const link = (d: { attemptId: string; number: string }) => (
    <Link key={d.attemptId} to={`/card-payments/${d.attemptId}`} className="font-medium underline">
      <bdi>{d.number}</bdi>
    </Link>
  );
  if (duplicates.of) {
    return (
      <Alert tone="warning">
        <Trans t={t} i18nKey="refunds.duplicate.of" components={[link(duplicates.of)]} />
      </Alert>
    );
  }
  const [later] = duplicates.repeatedBy;
  if (!later) return null;
  return (
    <Alert tone="warning">
      <Trans t={t} i18nKey="refunds.duplicate.repeatedBy" components={[link(later)]} />
    </Alert>
  );
}
