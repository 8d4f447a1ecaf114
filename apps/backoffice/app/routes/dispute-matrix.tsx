import type { StaffActor } from "@settle/domain/actor";
import { deactivateDisputeRule } from "@settle/domain/disputes/deactivate-dispute-rule";
import { getDisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { saveDisputeRule } from "@settle/domain/disputes/save-dispute-rule";
import { setDisputeThreshold } from "@settle/domain/disputes/set-dispute-threshold";
import { setHoliday } from "@settle/domain/disputes/set-holiday";
import { type DisputeMatrixForm, DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Alert } from "@settle/ui/alert";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import type { IntentAnswer } from "../components/disputes/intent-form.ts";
import { MatrixHolidays } from "../components/disputes/matrix-holidays.tsx";
import { MatrixRuleForm } from "../components/disputes/matrix-rule-form.tsx";
import { MatrixRules } from "../components/disputes/matrix-rules.tsx";
import { MatrixThresholds } from "../components/disputes/matrix-thresholds.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { refusalWords } from "../refusals.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-matrix";

export const meta: Route.MetaFunction = () => [{ title: "Dispute matrix · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  return load(() =>
    getDisputeMatrix(
      {
        inactive: params.get("inactive") === "1",
        year: params.get("year") ?? undefined,
        entity: params.get("entity") ?? undefined,
        edit: params.get("edit") ?? undefined,
      },
      staff.actor,
    ),
  );
}

/** AR managers change the matrix; the domain refuses anyone else (403) and audits every change. */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  return submitForm(
    form,
    DisputeMatrixFormSchema,
    async (input) => ({ intent: input.intent, message: await run(input, staff.actor) }),
    { words: refusalWords, done: (done) => done },
  );
}

/** Runs the form's use case; what it did, as the page says it. */
async function run(input: DisputeMatrixForm, actor: StaffActor) {
  switch (input.intent) {
    case "rule-save": {
      const { intent: _intent, ...rule } = input;
      await saveDisputeRule(rule, actor);
      return rule.ruleId
        ? "Rule saved. New disputes use it at once."
        : "Rule added. New disputes use it at once.";
    }
    case "rule-deactivate": {
      const result = await deactivateDisputeRule(input.ruleId, actor);
      return result.changed ? "Rule deactivated. Disputes it routed keep their owner." : "Already inactive.";
    }
    case "holiday-set":
    case "holiday-remove": {
      const { intent, ...day } = input;
      const result = await setHoliday({ ...day, holiday: intent === "holiday-set" }, actor);
      if (!result.changed) return "No change.";
      return intent === "holiday-set"
        ? "Holiday saved. Deadlines set from now on skip it."
        : "Holiday removed.";
    }
    case "threshold-set": {
      const result = await setDisputeThreshold(input, actor);
      return result.changed ? `${result.currency} approval amount saved.` : "No change.";
    }
  }
}

export default function DisputeMatrix({ loaderData: matrix, actionData }: Route.ComponentProps) {
  const answer = actionData as IntentAnswer | undefined;
  return (
    <>
      <PageHeader
        title="Dispute matrix"
        description="Routes each new dispute to a department and/or a person with a deadline in business days. The most specific matching rule wins: a legal entity's own rule beats a company-wide one, an amount band beats any amount. Without a match a dispute is unassigned with 10 business days."
      />
      {!matrix.can.edit ? (
        <Alert tone="info" className="mb-6">
          AR managers change the matrix, holidays and approval amounts; you can read them.
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <MatrixRules matrix={matrix} answer={answer} />
          <MatrixHolidays matrix={matrix} answer={answer} />
        </div>
        <div className="space-y-6">
          {matrix.can.edit ? (
            <MatrixRuleForm key={matrix.editing?.id ?? "new"} matrix={matrix} answer={answer} />
          ) : null}
          <MatrixThresholds matrix={matrix} answer={answer} />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
