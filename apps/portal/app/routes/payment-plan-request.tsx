import { randomUUID } from "node:crypto";
import { formatMoney } from "@settle/domain/money/money";
import { RequestPaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import { SELF_SERVICE_MAX_FIRST_DAYS } from "@settle/domain/plans/plan-policy-forms";
import {
  getPlanRequestForm,
  type PlanRequestOutcome,
  requestPaymentPlan,
} from "@settle/domain/plans/request-payment-plan";
import { Alert } from "@settle/ui/alert";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import type { TFunction } from "i18next";
import { Link, redirect } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { PlanRequestFormCard, planRequestWords } from "~/components/payment-plans/plan-request-form";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { refusalWordsFor, wordsFor } from "~/lib/form-words.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-plan-request";

export const meta: Route.MetaFunction = ({ matches }) =>
  pageMeta(matches, (t) => t("payment-plans:request.title"));

/** The account's overdue invoices free for a plan and the self-service limits (members; else 404). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor } = await requirePortalSession(request);
  const { locale } = await wordsFor(request);
  const form = await load(() => getPlanRequestForm(params.customerId, actor, { locale }));
  return { form, idempotencyKey: `plan-request-${randomUUID()}` };
}

/** Why a request went to the collector, in the payer's words: the rule it broke, with its limit. */
function ruleWords(t: TFunction, outcome: PlanRequestOutcome, locale: string): string {
  const { limits } = outcome;
  switch (outcome.rule) {
    case "max-total":
      return t("payment-plans:request.rules.max-total", {
        max: formatMoney(limits.selfServiceMaxTotal, limits.currency, locale),
      });
    case "max-instalments":
      return t("payment-plans:request.rules.max-instalments", { n: limits.selfServiceMaxInstalments });
    case "first-date":
      return t("payment-plans:request.rules.first-date", { days: SELF_SERVICE_MAX_FIRST_DAYS });
    case "min-down":
      return t("payment-plans:request.rules.min-down", {
        share: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
          limits.selfServiceMinDownBps / 10_000,
        ),
      });
    case "currency":
      return t("payment-plans:request.rules.currency", { currency: limits.currency });
    case null:
      return t("payment-plans:request.rules.sent", { label: outcome.label });
    default:
      return t("payment-plans:request.rules.account");
  }
}

/**
 * Asks for the plan: within the self-service policy straight to the offer's page to accept it;
 * outside it, the page says which rule sent it to the collector, who answers.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const { actor } = await requirePortalSession(request);
  const { t, locale } = await wordsFor(request);
  // The page's address names the account, whatever the form says.
  formData.set("customerId", params.customerId);
  return submitForm(
    formData,
    RequestPaymentPlanSchema,
    (input) => requestPaymentPlan(input, actor, { locale }),
    {
      words: refusalWordsFor(t, "payment-plans:request.errors"),
      formatError: planRequestWords(t),
      done: (outcome) =>
        outcome.status === "PROPOSED"
          ? redirect(`/accounts/${params.customerId}/payment-plans/${outcome.id}`)
          : { label: outcome.label, why: ruleWords(t, outcome, locale) },
    },
  );
}

export default function PaymentPlanRequest({ loaderData, actionData, params }: Route.ComponentProps) {
  const { form, idempotencyKey } = loaderData;
  const { t } = useTranslation("payment-plans");
  const sent = actionData?.done;
  return (
    <>
      <PageHeader title={t("request.title")} description={t("request.description")} />
      <AccountNav customerId={params.customerId} />
      <div className="space-y-6">
        {sent ? (
          <Alert tone="success" title={t("request.sentTitle", { label: sent.label })}>
            <p>{sent.why}</p>
            <p>{t("request.collectorAnswers")}</p>
            <p className="mt-2">
              <Link
                to={`/accounts/${params.customerId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {t("request.backHome")}
              </Link>
            </p>
          </Alert>
        ) : !form.can.request ? (
          <Alert tone="info">{t("request.readOnly")}</Alert>
        ) : form.invoices.length === 0 ? (
          <Alert tone="info">{t("request.noInvoices")}</Alert>
        ) : (
          <PlanRequestFormCard form={form} idempotencyKey={idempotencyKey} lastResult={actionData?.reply} />
        )}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
