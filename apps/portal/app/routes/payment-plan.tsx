import { formatMoney } from "@settle/domain/money/money";
import { paymentOutcomePath } from "@settle/domain/payments/start-card-payment";
import { getPaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { RespondToPaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import { respondToPaymentPlan } from "@settle/domain/plans/respond-to-payment-plan";
import {
  StartInstalmentPaymentSchema,
  startInstalmentPayment,
} from "@settle/domain/plans/start-instalment-payment";
import { Alert } from "@settle/ui/alert";
import { buttonClasses } from "@settle/ui/button";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { type Refusal, submitForm } from "@settle/web/forms.server";
import type { TFunction } from "i18next";
import { redirect } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { AcceptPlanForm, OtherAnswerForms } from "~/components/payment-plans/plan-answer-forms";
import { PlanAnswerStatus } from "~/components/payment-plans/plan-answer-status";
import { PlanProblems } from "~/components/payment-plans/plan-problems";
import { PlanTerms } from "~/components/payment-plans/plan-terms";
import { planFieldWords } from "~/components/payment-plans/plan-words";
import {
  PAY_INTENT,
  PayInstalmentForm,
  RunningPlanSummary,
  RunningSchedule,
} from "~/components/payment-plans/running-plan";
import { payRefusalValues } from "~/components/payments/pay-words";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { env } from "~/env.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { refusalWordsFor, wordsFor } from "~/lib/form-words.server";
import { clientAddressOf, requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-plan";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) => t("payment-plans:title", { label: loaderData?.offer.label ?? "" }));

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor } = await requirePortalSession(request);
  const offer = await load(() =>
    getPaymentPlanOffer({ customerId: params.customerId, planId: params.planId }, actor),
  );
  // A fresh key per page: pressing Pay now twice (or again after an error) stays one payment.
  return { offer, idempotencyKey: crypto.randomUUID() };
}

/**
 * Why paying was refused, in the payer's words: the plan's own reasons (nothing due, the plan no
 * longer runs, a viewer), else the card payment's (payments:errors), else that nothing was charged.
 */
function payRefusalWords(t: TFunction, locale: string) {
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale);
  return (refusal: Refusal) => {
    const values = payRefusalValues(refusal.values, money);
    const reason = refusal.reason ?? "failed";
    return t(`payment-plans:pay.errors.${reason}`, {
      ...values,
      defaultValue: t(`payments:errors.${reason}`, {
        ...values,
        defaultValue: t("payment-plans:pay.errors.failed"),
      }),
    });
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const { actor } = await requirePortalSession(request);
  const { locale, t } = await wordsFor(request);
  // The page's address names the plan, whatever the form says.
  formData.set("customerId", params.customerId);
  formData.set("planId", params.planId);
  if (formData.get("intent") === PAY_INTENT) {
    return submitForm(
      formData,
      StartInstalmentPaymentSchema,
      (input) => startInstalmentPayment(input, actor, { portalUrl: env.portalUrl, locale }),
      {
        words: payRefusalWords(t, locale),
        formatError: () => [t("payment-plans:pay.errors.failed")],
        // To Stripe's page, or to the outcome when this form was already paid.
        done: (started) =>
          redirect(started.checkoutUrl ?? paymentOutcomePath(params.customerId, started.attemptId)),
      },
    );
  }
  const client = {
    ip: clientAddressOf(request, context),
    userAgent: request.headers.get("user-agent"),
  };
  return submitForm(
    formData,
    RespondToPaymentPlanSchema,
    (input) => respondToPaymentPlan(input, actor, { client }),
    {
      words: refusalWordsFor(t, "payment-plans:errors"),
      formatError: planFieldWords(t),
      done: (answer) => ({ status: answer.status }),
    },
  );
}

export default function PaymentPlanPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { offer, idempotencyKey } = loaderData;
  const { running } = offer;
  const { t } = useTranslation("payment-plans");
  const lastAnswer = actionData?.reply.initialValue?.answer;
  const answer = typeof lastAnswer === "string" ? lastAnswer : undefined;
  const paying = actionData?.reply.initialValue?.intent === PAY_INTENT;
  const done = actionData?.done && "status" in actionData.done ? actionData.done.status : undefined;
  return (
    <>
      <PageHeader
        title={t("title", { label: offer.label })}
        description={running ? t("running.description") : t("description")}
        actions={
          <a
            href={`/accounts/${params.customerId}/payment-plans/${offer.id}/agreement.pdf`}
            download
            className={buttonClasses("secondary", "sm")}
          >
            {t("agreementPdf")}
          </a>
        }
      />
      <AccountNav customerId={params.customerId} />
      <div className="space-y-6">
        <PlanProblems reply={paying ? undefined : actionData?.reply} />
        <PlanAnswerStatus offer={offer} />
        {running ? (
          <>
            <RunningPlanSummary offer={offer} running={running} />
            <PayInstalmentForm
              offer={offer}
              running={running}
              idempotencyKey={idempotencyKey}
              reply={paying ? actionData?.reply : undefined}
            />
            <RunningSchedule offer={offer} />
          </>
        ) : null}
        {!offer.can.answer && offer.status === "PROPOSED" && !offer.expired ? (
          <Alert tone="info">{t("readOnly")}</Alert>
        ) : null}
        {running ? null : <PlanTerms offer={offer} />}
        {offer.can.answer ? (
          <>
            <AcceptPlanForm offer={offer} lastResult={answer === "accept" ? actionData?.reply : undefined} />
            <OtherAnswerForms offer={offer} lastResult={actionData?.reply} lastAnswer={answer} />
          </>
        ) : null}
      </div>
      <Toast message={done ? t(`done.${done}`) : null} dismiss={t("dismiss")} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
