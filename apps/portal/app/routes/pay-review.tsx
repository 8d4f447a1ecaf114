import { parseDecimal, toDecimalString } from "@settle/domain/money/money";
import { type CardPaymentReview, reviewCardPayment } from "@settle/domain/payments/review-card-payment";
import { startCardPayment } from "@settle/domain/payments/start-card-payment";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { field, pageUrl } from "@settle/web/request.server";
import { useState } from "react";
import { Form, Link, redirect, useNavigation } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { useFormat } from "~/i18n/format";
import { getLocale } from "~/i18n/i18n.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { actOrRefuse, loadOrRefuse, type Refusal } from "~/lib/access-refusals.server";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/pay-review";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("payments:review.title"));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoiceIds = pageUrl(request).searchParams.getAll("id");
  return loadOrRefuse(async () => ({
    review: await reviewCardPayment({ customerId: params.customerId, invoiceIds }, session.actor),
    // A fresh key per page: pressing Pay twice (or again after an error) stays one payment.
    idempotencyKey: crypto.randomUUID(),
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const session = await requirePortalSession(request);
  const invoiceIds = formData.getAll("invoiceId").map(String);
  const amounts = formData.getAll("amount").map(String);
  const locale = await getLocale(request);
  return actOrRefuse(
    () =>
      startCardPayment(
        {
          customerId: params.customerId,
          idempotencyKey: field(formData, "idempotencyKey") ?? "",
          allocations: invoiceIds.map((invoiceId, i) => ({ invoiceId, amount: amounts[i] ?? "" })),
        },
        session.actor,
        { portalUrl: env.portalUrl, locale },
      ),
    // To Stripe's page, or to the outcome when this form was already paid.
    (started) =>
      redirect(started.checkoutUrl ?? `/accounts/${params.customerId}/payments/${started.attemptId}`),
    // A tampered invoice id gets the form's message; another account's page stays a 404.
    { notFound: "reason" },
  );
}

/** The refusal's words, with amounts formatted for the page. */
function useRefusalText() {
  const { t } = useTranslation("payments");
  const format = useFormat();
  return (refusal: Refusal) => {
    const values: Record<string, string> = { ...refusal.values };
    if (values.open && values.currency) values.open = format.money(BigInt(values.open), values.currency);
    return t(`errors.${refusal.reason}`, { ...values, defaultValue: t("errors.failed") });
  };
}

export default function PayReview({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation("payments");
  const refusalText = useRefusalText();
  const result = loaderData;
  const base = `/accounts/${params.customerId}`;
  return (
    <>
      <PageHeader
        back={{ to: `${base}/invoices`, label: t("review.back") }}
        title={t("review.title")}
        description={
          result.ok ? (
            <>
              <bdi>{result.value.review.customer.name}</bdi> ·{" "}
              <bdi>{result.value.review.customer.accountNumber}</bdi>
            </>
          ) : undefined
        }
      />
      <AccountNav customerId={params.customerId} />
      {result.ok ? (
        <ReviewForm
          review={result.value.review}
          idempotencyKey={result.value.idempotencyKey}
          problem={
            actionData && "ok" in actionData && actionData.ok === false ? refusalText(actionData) : null
          }
        />
      ) : (
        <Alert tone={result.reason === "payers-only" ? "warning" : "danger"} title={t("review.cannotPay")}>
          <p>{refusalText(result)}</p>
          <p className="mt-2">
            <Link to={`${base}/invoices`} className="font-medium underline">
              {t("review.backToInvoices")}
            </Link>
          </p>
        </Alert>
      )}
    </>
  );
}

/** The total of what is typed, or null while an amount is not (yet) a valid one. */
function totalOf(values: string[], currency: string): bigint | null {
  let total = 0n;
  for (const value of values) {
    try {
      const amount = parseDecimal(value, currency);
      if (amount <= 0n) return null;
      total += amount;
    } catch {
      return null;
    }
  }
  return total;
}

function ReviewForm({
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
    review.invoices.map((i) => toDecimalString(i.openAmount, currency)),
  );
  const total = totalOf(amounts, currency);
  const field =
    "block w-36 rounded-lg border-0 bg-surface px-3 py-2 text-end text-sm tabular text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";

  return (
    <Form method="post" className="space-y-6">
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
        {t("review.amountHint", { example: toDecimalString(123456n, currency) })}
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

export function ErrorBoundary() {
  return <RouteError />;
}
