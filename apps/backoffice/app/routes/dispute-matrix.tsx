import type { StaffActor } from "@settle/domain/actor";
import { deactivateDisputeRule } from "@settle/domain/disputes/deactivate-dispute-rule";
import { getDisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { saveDepartment } from "@settle/domain/disputes/save-department";
import { saveDisputeRule } from "@settle/domain/disputes/save-dispute-rule";
import { setDisputeThreshold } from "@settle/domain/disputes/set-dispute-threshold";
import { setHoliday } from "@settle/domain/disputes/set-holiday";
import { type DisputeMatrixForm, DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import type { TFunction } from "i18next";
import { matrixIssueWords } from "../components/disputes/dispute-issue-words.ts";
import type { IntentAnswer } from "../components/disputes/intent-form.ts";
import { MatrixDepartments } from "../components/disputes/matrix-departments.tsx";
import { MatrixHolidays } from "../components/disputes/matrix-holidays.tsx";
import { MatrixRuleForm } from "../components/disputes/matrix-rule-form.tsx";
import { MatrixRules } from "../components/disputes/matrix-rules.tsx";
import { MatrixThresholds } from "../components/disputes/matrix-thresholds.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-matrix";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("dispute-matrix:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const locale = await getLocale(request);
  return load(() =>
    getDisputeMatrix(
      {
        inactive: params.get("inactive") === "1",
        year: params.get("year") ?? undefined,
        entity: params.get("entity") ?? undefined,
        edit: params.get("edit") ?? undefined,
        department: params.get("department") ?? undefined,
      },
      staff.actor,
      { locale },
    ),
  );
}

/** AR managers change the matrix; the domain refuses anyone else (403) and audits every change. */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "dispute-matrix");
  const locale = await getLocale(request);
  return submitForm(
    form,
    DisputeMatrixFormSchema,
    async (input) => ({ intent: input.intent, message: await run(input, staff.actor, t, locale) }),
    { words: refusalWordsIn(t), formatError: matrixIssueWords(t), done: (done) => done },
  );
}

/** Runs the form's use case; what it did, as the page says it. */
async function run(input: DisputeMatrixForm, actor: StaffActor, t: TFunction, locale: string) {
  switch (input.intent) {
    case "rule-save": {
      const { intent: _intent, ...rule } = input;
      await saveDisputeRule(rule, actor, { locale });
      return t(rule.ruleId ? "done.ruleSaved" : "done.ruleAdded");
    }
    case "department-save": {
      const { intent: _intent, ...department } = input;
      await saveDepartment(department, actor);
      return t(department.departmentId ? "done.departmentSaved" : "done.departmentAdded");
    }
    case "rule-deactivate": {
      const result = await deactivateDisputeRule(input.ruleId, actor);
      return t(result.changed ? "done.ruleDeactivated" : "done.alreadyInactive");
    }
    case "holiday-set":
    case "holiday-remove": {
      const { intent, ...day } = input;
      const result = await setHoliday({ ...day, holiday: intent === "holiday-set" }, actor);
      if (!result.changed) return t("done.noChange");
      return t(intent === "holiday-set" ? "done.holidaySaved" : "done.holidayRemoved");
    }
    case "threshold-set": {
      const result = await setDisputeThreshold(input, actor, { locale });
      return result.changed ? t("done.thresholdSaved", { currency: result.currency }) : t("done.noChange");
    }
  }
}

export default function DisputeMatrix({ loaderData: matrix, actionData }: Route.ComponentProps) {
  const answer = actionData as IntentAnswer | undefined;
  const { t } = useTranslation("dispute-matrix");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <MatrixRules matrix={matrix} answer={answer} />
          <MatrixDepartments matrix={matrix} answer={answer} />
          <MatrixHolidays matrix={matrix} answer={answer} />
        </div>
        <div className="space-y-6">
          <MatrixRuleForm key={matrix.editing?.id ?? "new"} matrix={matrix} answer={answer} />
          <MatrixThresholds matrix={matrix} answer={answer} />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
