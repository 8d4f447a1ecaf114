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
function typedAmount(value: unknown, currency: string, locale: string): bigint | null {
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
  const errorId = "refund-reopen-error";
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? errorId : "refund-reopen-hint"}>
      <legend className="text-sm font-medium text-ink">{t("refunds.reopen.legend")}</legend>
      <p id="refund-reopen-hint" className="text-xs text-ink-faint">
        {t("refunds.reopen.hint")}
      </p>
      <ul className="space-y-1.5">
        {reopen.options.map((o) => (
          <li key={o.invoiceId} className="flex items-center gap-2 text-sm">
            <input
              id={`refund-reopen-${o.invoiceId}`}
              type="checkbox"
              name="reopen"
              value={o.invoiceId}
              checked={chosen.includes(o.invoiceId)}
              onChange={(e) => toggle(o.invoiceId, e.currentTarget.checked)}
              aria-invalid={errors?.length ? true : undefined}
              className="size-4 accent-brand-600"
            />
            <label htmlFor={`refund-reopen-${o.invoiceId}`}>
              <bdi className="font-medium">{o.number}</bdi>{" "}
              <span className="text-ink-muted">
                <Trans
                  t={t}
                  i18nKey="refunds.reopen.option"
                  components={[
                    <MoneyText key="applied" amount={o.applied} currency={currency} />,
                    <DateText key="date" value={o.appliedAt} />,
                  ]}
                />
              </span>
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
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
    </fieldset>
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
