import { getPaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { RespondToPaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import { respondToPaymentPlan } from "@settle/domain/plans/respond-to-payment-plan";
import { Alert } from "@settle/ui/alert";
import { buttonClasses } from "@settle/ui/button";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { AccountNav } from "~/components/account-nav";
import { AcceptPlanForm, OtherAnswerForms } from "~/components/payment-plans/plan-answer-forms";
import { PlanAnswerStatus } from "~/components/payment-plans/plan-answer-status";
import { PlanProblems } from "~/components/payment-plans/plan-problems";
import { PlanTerms } from "~/components/payment-plans/plan-terms";
import { planFieldWords } from "~/components/payment-plans/plan-words";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
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
  return { offer };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const { actor } = await requirePortalSession(request);
  const { t } = await wordsFor(request);
  // The page's address names the plan, whatever the form says.
  formData.set("customerId", params.customerId);
  formData.set("planId", params.planId);
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
  const { offer } = loaderData;
  const { t } = useTranslation("payment-plans");
  const lastAnswer = actionData?.reply.initialValue?.answer;
  const answer = typeof lastAnswer === "string" ? lastAnswer : undefined;
  const done = actionData?.done?.status;
  return (
    <>
      <PageHeader
        title={t("title", { label: offer.label })}
        description={t("description")}
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
        <PlanProblems reply={actionData?.reply} />
        <PlanAnswerStatus offer={offer} />
        {!offer.can.answer && offer.status === "PROPOSED" && !offer.expired ? (
          <Alert tone="info">{t("readOnly")}</Alert>
        ) : null}
        <PlanTerms offer={offer} />
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
