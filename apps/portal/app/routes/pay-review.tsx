import { formatMoney } from "@settle/domain/money/money";
import { PayInvoicesFormSchema } from "@settle/domain/payments/card-payment-forms";
import { reviewCardPayment } from "@settle/domain/payments/review-card-payment";
import { paymentOutcomePath, startCardPayment } from "@settle/domain/payments/start-card-payment";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import type { ReactNode } from "react";
import { isRouteErrorResponse, redirect, useParams, useRouteError } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { PayRefused } from "~/components/payments/pay-refused";
import { payFieldWords, payRefusalValues } from "~/components/payments/pay-words";
import { ReviewForm } from "~/components/payments/review-form";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { refusalWordsFor, wordsFor } from "~/lib/form-words.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/pay-review";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("payments:review.title"));

/** The chosen invoices; a refusal (a viewer, an invoice already paid…) is explained by the boundary. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoiceIds = pageUrl(request).searchParams.getAll("id");
  return load(async () => ({
    review: await reviewCardPayment({ customerId: params.customerId, invoiceIds }, session.actor),
    // A fresh key per page: pressing Pay twice (or again after an error) stays one payment.
    idempotencyKey: crypto.randomUUID(),
  }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const session = await requirePortalSession(request);
  const { customerId } = params;
  const { locale, t } = await wordsFor(request);
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale);
  return submitForm(
    formData,
    PayInvoicesFormSchema,
    async ({ idempotencyKey, invoiceId, amount }) => {
      const allocations = invoiceId.map((id, i) => ({ invoiceId: id, amount: amount[i] ?? "" }));
      const started = await startCardPayment({ customerId, idempotencyKey, allocations }, session.actor, {
        portalUrl: env.portalUrl,
        locale,
      });
      // To Stripe's page, or to the outcome when this form was already paid.
      return started.checkoutUrl ?? paymentOutcomePath(customerId, started.attemptId);
    },
    {
      words: refusalWordsFor(t, "payments:errors", (refusal) => payRefusalValues(refusal.values, money)),
      formatError: payFieldWords(t),
      done: (to) => redirect(to),
    },
  );
}

export default function PayReview({ loaderData, actionData, params }: Route.ComponentProps) {
  const problem = actionData?.reply.error ? Object.values(actionData.reply.error).flat().join(" ") : null;
  return (
    <PayPage customerId={params.customerId} customer={loaderData.review.customer}>
      <ReviewForm
        review={loaderData.review}
        idempotencyKey={loaderData.idempotencyKey}
        problem={problem || null}
      />
    </PayPage>
  );
}

/** The page's frame: title, the account, its sections. */
function PayPage({
  customerId,
  customer,
  children,
}: {
  customerId: string;
  customer?: { name: string; accountNumber: string };
  children: ReactNode;
}) {
  const { t } = useTranslation("payments");
  return (
    <>
      <PageHeader
        back={{ to: `/accounts/${customerId}/invoices`, label: t("review.back") }}
        title={t("review.title")}
        description={
          customer ? (
            <>
              <bdi>{customer.name}</bdi> · <bdi>{customer.accountNumber}</bdi>
            </>
          ) : undefined
        }
      />
      <AccountNav customerId={customerId} />
      {children}
    </>
  );
}

/** A refusal with a reason (a viewer, invoices in two currencies…) says why; anything else is the usual error. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { customerId = "" } = useParams();
  const refused = isRouteErrorResponse(error)
    ? (error.data as { reason?: unknown; values?: Record<string, string | number> } | null)
    : null;
  if (typeof refused?.reason !== "string") return <RouteError />;
  return (
    <PayPage customerId={customerId}>
      <PayRefused
        reason={refused.reason}
        values={refused.values ?? {}}
        invoicesPath={`/accounts/${customerId}/invoices`}
      />
    </PayPage>
  );
}
