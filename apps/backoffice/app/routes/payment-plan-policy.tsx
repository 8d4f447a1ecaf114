import { listPlanPolicies, updatePlanPolicy } from "@settle/domain/plans/plan-policy";
import { UpdatePlanPolicySchema } from "@settle/domain/plans/plan-policy-forms";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { RouteError } from "../components/route-error.tsx";
import { PlanPolicyForm, policyIssueWords } from "../components/settings/plan-policy-form.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/payment-plan-policy";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("plan-policy:title"));

/** Each legal entity's payment plan policy, for those who may change it (others: 403). */
export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  return load(() => listPlanPolicies(staff.actor));
}

/** Saves one entity's policy (AR managers and admins; the domain refuses anyone else and audits). */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "plan-policy");
  const locale = await getLocale(request);
  return submitForm(
    form,
    UpdatePlanPolicySchema,
    (input) => updatePlanPolicy(input, staff.actor, { locale }),
    {
      words: refusalWordsIn(t),
      formatError: policyIssueWords(t),
      done: (saved) => ({
        entity: saved.policy.legalEntityId,
        message: t(saved.changed ? "saved" : "unchanged"),
      }),
    },
  );
}

export default function PaymentPlanPolicy({ loaderData, actionData }: Route.ComponentProps) {
  const { entities } = loaderData;
  const { t } = useTranslation("plan-policy");
  const answered = actionData?.reply.initialValue?.legalEntityId;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        {entities.map((entity) => (
          <PlanPolicyForm
            key={entity.id}
            entity={entity}
            lastResult={answered === entity.id ? actionData?.reply : undefined}
          />
        ))}
      </div>
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
