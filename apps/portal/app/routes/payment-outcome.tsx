import { type CardPaymentOutcome, getCardPayment } from "@settle/domain/payments/get-card-payment";
import { Alert } from "@settle/ui/alert";
import { LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DescriptionList } from "@settle/ui/description-list";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { pageUrl } from "@settle/web/request.server";
import { Link } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { loadCardPage } from "~/lib/card-payments.server";
import { useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-outcome";

export const meta: Route.MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => t("payments:outcome.metaTitle"));

/**
 * Where Stripe Checkout sends the payer back (success and "Back" alike). The page asks Stripe
 * itself, so it records the payment when it is first, and never trusts the query string.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const canceled = pageUrl(request).searchParams.has("canceled");
  const payment = await loadCardPage(() =>
    getCardPayment({ customerId: params.customerId, attemptId: params.attemptId, canceled }, session.actor),
  );
  return { payment };
}

/** Card decline codes the page words itself; others show Stripe's own message. */
const KNOWN_FAILURES = new Set([
  "generic_decline",
  "card_declined",
  "insufficient_funds",
  "lost_card",
  "stolen_card",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
  "authentication_required",
]);

const TONES = {
  SUCCEEDED: "success",
  PROCESSING: "info",
  OPEN: "info",
  FAILED: "danger",
  CANCELED: "warning",
} as const;

export default function PaymentOutcome({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation("payments");
  const { payment } = loaderData;
  const locale = useLocale();
  const base = `/accounts/${params.customerId}`;
  const money = (amount: bigint) => <MoneyText amount={amount} currency={payment.currency} locale={locale} />;
  const status = payment.status;
  const retry = `${base}/pay?${payment.invoices.map((i) => `id=${i.id}`).join("&")}`;
  const stillOpen = payment.invoices.filter((i) => i.openAmount > 0n);

  return (
    <>
      <PageHeader
        back={{ to: `${base}/invoices`, label: t("review.back") }}
        title={t(`outcome.${status}.title`)}
      />
      <AccountNav customerId={params.customerId} />
      <div className="space-y-6">
        <div data-status={status}>
          <Alert tone={TONES[status]} title={t(`outcome.${status}.title`)}>
            <p>{t(`outcome.${status}.body`)}</p>
            {status === "FAILED" || (status === "CANCELED" && payment.failureCode) ? (
              <FailureReason payment={payment} />
            ) : null}
            {payment.stale ? <p className="mt-2">{t("outcome.stale")}</p> : null}
          </Alert>
        </div>
        {status === "SUCCEEDED" && payment.unapplied > 0n ? (
          <Alert tone="info">{t("outcome.unapplied")}</Alert>
        ) : null}
        <Card title={t("outcome.details")}>
          <DescriptionList
            items={[
              { term: t("outcome.amount"), details: money(payment.amount) },
              ...(payment.receiptNumber
                ? [{ term: t("outcome.receipt"), details: <bdi>{payment.receiptNumber}</bdi> }]
                : []),
              ...(status === "SUCCEEDED" && payment.unapplied > 0n
                ? [{ term: t("outcome.unappliedAmount"), details: money(payment.unapplied) }]
                : []),
            ]}
          />
        </Card>
        <Card title={t("outcome.invoices")} flush>
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("outcome.invoicesCaption")}</caption>
            <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-5 py-2.5 text-start">
                  {t("review.number")}
                </th>
                <th scope="col" className="px-4 py-2.5 text-end">
                  {t("outcome.paying")}
                </th>
                <th scope="col" className="px-5 py-2.5 text-end">
                  {t("outcome.openNow")}
                </th>
              </tr>
            </thead>
            <tbody>
              {payment.invoices.map((invoice) => (
                <tr key={invoice.id} className="border-t border-line" data-invoice={invoice.number}>
                  <th scope="row" className="px-5 py-3 text-start font-medium">
                    <Link to={`${base}/invoices/${invoice.id}`} className="text-brand-700 hover:underline">
                      {invoice.number}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-end">{money(invoice.amount)}</td>
                  <td className="px-5 py-3 text-end" data-open>
                    {money(invoice.openAmount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <div className="flex flex-wrap gap-3">
          {(status === "FAILED" || status === "CANCELED") && stillOpen.length > 0 ? (
            <LinkButton to={retry} variant="primary">
              {t("outcome.tryAgain")}
            </LinkButton>
          ) : null}
          {status === "PROCESSING" || status === "OPEN" ? (
            <LinkButton to="." variant="secondary" reloadDocument>
              {t("outcome.checkAgain")}
            </LinkButton>
          ) : null}
          <LinkButton to={`${base}/invoices`} variant="secondary">
            {t("outcome.toInvoices")}
          </LinkButton>
        </div>
      </div>
    </>
  );
}

function FailureReason({ payment }: { payment: CardPaymentOutcome }) {
  const { t } = useTranslation("payments");
  const code = payment.failureCode ?? "";
  const reason = KNOWN_FAILURES.has(code)
    ? t(`outcome.failures.${code}`)
    : (payment.failureMessage ?? t("outcome.failures.unknown"));
  return (
    <p className="mt-2 font-medium" data-testid="failure-reason">
      {t(payment.status === "CANCELED" ? "outcome.lastTry" : "outcome.reason", { reason })}
    </p>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
