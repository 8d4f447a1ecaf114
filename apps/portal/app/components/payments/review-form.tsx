import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { amountExample, parseTypedAmount, typedAmountText } from "@settle/domain/money/typed-amount";
import { PayInvoicesFormSchema } from "@settle/domain/payments/card-payment-forms";
import type { CardPaymentReview } from "@settle/domain/payments/review-card-payment";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { useState } from "react";
import { Form, useNavigation } from "react-router";
import { useFormat } from "~/i18n/format";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { payFieldWords } from "./pay-words";

/** The total of what is typed, or null while an amount is not (yet) a valid one. */
function totalOf(values: string[], currency: string, locale: string): bigint | null {
  let total = 0n;
  for (const value of values) {
    try {
      const amount = parseTypedAmount(value, currency, locale);
      if (amount <= 0n) return null;
      total += amount;
    } catch {
      return null;
    }
  }
  return total;
}

/** The chosen invoices with an amount to pay for each, the total, and the button to Stripe. */
export function ReviewForm({
  review,
  idempotencyKey,
  problem,
}: {
  review: CardPaymentReview;
  idempotencyKey: string;
  problem: string | null;
}) {
  const { t } = useTranslation("payments");
  const locale = useLocale();
  const format = useFormat();
  const csrfToken = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const { currency } = review;
  const [amounts, setAmounts] = useState(() =>
    review.invoices.map((i) => typedAmountText(i.openAmount, currency, locale)),
  );
  const total = totalOf(amounts, currency, locale);
  const field =
    "block w-36 rounded-lg border-0 bg-surface px-3 py-2 text-end text-sm tabular text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";

  // The server checks every amount against the invoice (the browser has no say in what is open).
  const [form] = useForm({
    id: "pay",
    constraint: getZodConstraint(PayInvoicesFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: PayInvoicesFormSchema, formatError: payFieldWords(t) }),
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <CsrfInput token={csrfToken} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div aria-live="polite" className="empty:hidden">
        {problem ? (
          <Alert tone="danger" title={t("review.problem")}>
            {problem}
          </Alert>
        ) : null}
      </div>
      <Card title={t("review.invoices", { count: review.invoices.length })} flush>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("review.caption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-5 py-2.5 text-start">
                  {t("review.number")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-start">
                  {t("review.due")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-end">
                  {t("review.open")}
                </th>
                <th scope="col" className="px-5 py-2.5 text-end">
                  {t("review.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {review.invoices.map((invoice, i) => (
                <tr key={invoice.id} className="border-t border-line">
                  <th scope="row" className="px-5 py-3 text-start font-medium">
                    {invoice.number}
                    <input type="hidden" name="invoiceId" value={invoice.id} />
                  </th>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {invoice.dueDate ? <DateText value={invoice.dueDate} locale={locale} /> : "—"}
                  </td>
                  <td className="px-4 py-3 text-end">
                    <MoneyText amount={invoice.openAmount} currency={currency} locale={locale} />
                  </td>
                  <td className="px-5 py-3">
                    <div className="flex justify-end">
                      <label className="sr-only" htmlFor={`amount-${invoice.id}`}>
                        {t("review.amountFor", { number: invoice.number, currency })}
                      </label>
                      <input
                        id={`amount-${invoice.id}`}
                        name="amount"
                        inputMode="decimal"
                        autoComplete="off"
                        required
                        dir="ltr"
                        value={amounts[i]}
                        onChange={(e) => {
                          const next = [...amounts];
                          next[i] = e.currentTarget.value;
                          setAmounts(next);
                        }}
                        aria-describedby="amount-hint"
                        className={field}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-line bg-slate-50">
                <th scope="row" colSpan={3} className="px-5 py-3 text-end font-semibold">
                  {t("review.total")}
                </th>
                <td className="px-5 py-3 text-end text-base font-semibold" data-testid="payment-total">
                  {total === null ? (
                    <span className="text-sm font-normal text-ink-muted">{t("review.totalPending")}</span>
                  ) : (
                    <MoneyText amount={total} currency={currency} locale={locale} />
                  )}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Card>
      <p id="amount-hint" className="text-sm text-ink-muted">
        {t("review.amountHint", { example: amountExample(currency, locale) })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy
            ? t("review.redirecting")
            : total === null
              ? t("review.pay")
              : t("review.payAmount", { amount: format.money(total, currency) })}
        </Button>
        <LinkButton to={`/accounts/${review.customer.id}/invoices`} variant="ghost">
          {t("review.cancel")}
        </LinkButton>
        <p className="w-full text-xs text-ink-faint">{t("review.stripeNote")}</p>
      </div>
    </Form>
  );
}
