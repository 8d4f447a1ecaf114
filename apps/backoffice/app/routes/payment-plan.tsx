import { cancelPaymentPlan } from "@settle/domain/plans/cancel-payment-plan";
import { getPlanForStaff } from "@settle/domain/plans/get-plan-for-staff";
import { CancelPaymentPlanSchema } from "@settle/domain/plans/plan-cancel-form";
import { LinkButton } from "@settle/ui/button";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { AccountActivityCard } from "../components/customers/account-activity.tsx";
import { CancelPlanForm, cancelIssueWords } from "../components/plans/cancel-plan-form.tsx";
import {
  PlanAcceptance,
  PlanCard,
  PlanEnded,
  PlanHeader,
  PlanTasks,
  PlanTerms,
} from "../components/plans/plan-facts.tsx";
import { PlanCharges, PlanInvoices, PlanSchedule } from "../components/plans/plan-tables.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/payment-plan";

/** Refusals of a cancellation this page words itself (the plan ended meanwhile). */
const OWN_REFUSALS = new Set(["plan-cancelled", "plan-ended"]);

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  pageMeta(matches, (t) =>
    loaderData
      ? t("payment-plan:title", { label: loaderData.plan.label, name: loaderData.plan.customer.name })
      : t("payment-plan:fallbackTitle"),
  );

/** One plan of the account for staff; another account's plan or an unknown id is the 404 page. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const plan = await load(() =>
    getPlanForStaff({ customerId: params.customerId, planId: params.planId }, staff.actor),
  );
  return { plan };
}

/** Cancels the plan with the reason typed (the domain checks the role and the plan's state). */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "payment-plan");
  const words = refusalWordsIn(t);
  return submitForm(
    form,
    CancelPaymentPlanSchema,
    (input) =>
      cancelPaymentPlan({ ...input, customerId: params.customerId, planId: params.planId }, staff.actor),
    {
      words: (refusal) =>
        refusal.reason && OWN_REFUSALS.has(refusal.reason)
          ? t(`refusals.${refusal.reason}`, refusal.values)
          : words(refusal),
      formatError: cancelIssueWords(t),
      done: (plan) => ({ message: t("cancel.done", { label: plan.label }) }),
    },
  );
}

export default function PaymentPlan({ loaderData, actionData }: Route.ComponentProps) {
  const { plan } = loaderData;
  const { t } = useTranslation("payment-plan");
  const trail = plan.trail.map((e) => ({ type: "audit" as const, ...e }));
  return (
    <>
      <PlanHeader
        plan={plan}
        actions={
          plan.can.reschedule ? (
            <LinkButton to={`/customers/${plan.customer.id}/payment-plans/new?reschedules=${plan.id}`}>
              {t("reschedule")}
            </LinkButton>
          ) : null
        }
      />
      <PlanEnded plan={plan} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <PlanSchedule plan={plan} />
          <PlanInvoices plan={plan} />
          <PlanCharges plan={plan} />
          <AccountActivityCard activity={trail} />
        </div>
        <div className="space-y-6">
          <PlanTerms plan={plan} />
          <PlanAcceptance plan={plan} />
          <PlanCard plan={plan} />
          <PlanTasks plan={plan} />
          {plan.can.cancel ? (
            <CancelPlanForm
              customerId={plan.customer.id}
              planId={plan.id}
              label={plan.label}
              lastResult={actionData?.reply}
            />
          ) : null}
        </div>
      </div>
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
