import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { typedAmountText } from "@settle/domain/money/typed-amount";
import type { PlanPolicy } from "@settle/domain/plans/plan-policy";
import {
  RISK_CLASSES,
  type UpdatePlanPolicyInput,
  UpdatePlanPolicySchema,
} from "@settle/domain/plans/plan-policy-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { MoneyField, TextField } from "@settle/ui/fields";
import type { TFunction } from "i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";

/** The policy form's field errors in the page's language, the same in the browser and from the server. */
export const policyIssueWords = (t: TFunction) => (issues: readonly { path?: readonly PropertyKey[] }[]) =>
  issues.map((issue) =>
    t(`plan-policy:issues.${String(issue.path?.[0] ?? "invalid")}`, {
      defaultValue: t("plan-policy:issues.invalid"),
    }),
  );

const NUMBERS = [
  "feeBps",
  "graceDays",
  "reminderDays",
  "missesToDefault",
  "selfServiceMaxInstalments",
  "selfServiceMinDownBps",
] as const;

/** One legal entity's payment plan policy: fee, follow-up of missed instalments, self-service limits. */
export function PlanPolicyForm({
  entity,
  lastResult,
}: {
  entity: { id: string; code: string; name: string; policy: PlanPolicy };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t, i18n } = useTranslation("plan-policy");
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  const { policy } = entity;
  const [form, fields] = useForm<UpdatePlanPolicyInput>({
    id: `plan-policy-${entity.id}`,
    lastResult,
    defaultValue: {
      ...Object.fromEntries(NUMBERS.map((n) => [n, String(policy[n])])),
      selfServiceEnabled: policy.selfServiceEnabled ? "on" : undefined,
      selfServiceMaxTotal: typedAmountText(policy.selfServiceMaxTotal, policy.currency, i18n.language),
      selfServiceRiskClasses: policy.selfServiceRiskClasses,
    } as Record<string, unknown>,
    constraint: getZodConstraint(UpdatePlanPolicySchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: UpdatePlanPolicySchema, formatError: policyIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const riskClasses = new Set([fields.selfServiceRiskClasses.initialValue ?? []].flat());
  return (
    <Card title={t("entity", { code: entity.code, name: entity.name })}>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="legalEntityId" value={entity.id} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <div className="grid gap-4 sm:grid-cols-2">
          {NUMBERS.map((n) => (
            <TextField
              key={n}
              label={t(`fields.${n}`)}
              description={t(`hints.${n}`)}
              field={fields[n]}
              inputMode="numeric"
              autoComplete="off"
            />
          ))}
        </div>
        <fieldset className="space-y-3 border-t border-slate-200 pt-4">
          <legend className="text-sm font-semibold text-ink">{t("selfService")}</legend>
          <label className="flex items-center gap-2 text-sm text-ink">
            <input
              type="checkbox"
              name={fields.selfServiceEnabled.name}
              defaultChecked={fields.selfServiceEnabled.initialValue === "on"}
              className="size-4 rounded border-slate-300"
            />
            {t("fields.selfServiceEnabled")}
          </label>
          <MoneyField
            label={t("fields.selfServiceMaxTotal")}
            description={t("hints.selfServiceMaxTotal")}
            field={fields.selfServiceMaxTotal}
            currency={policy.currency}
            inputMode="decimal"
            autoComplete="off"
          />
          <div>
            <p className="text-sm font-medium text-ink">{t("fields.selfServiceRiskClasses")}</p>
            <div className="mt-2 flex flex-wrap gap-4">
              {RISK_CLASSES.map((c) => (
                <label key={c} className="flex items-center gap-2 text-sm text-ink">
                  <input
                    type="checkbox"
                    name={fields.selfServiceRiskClasses.name}
                    value={c}
                    defaultChecked={riskClasses.has(c)}
                    className="size-4 rounded border-slate-300"
                  />
                  {t(`riskClasses.${c}`)}
                </label>
              ))}
            </div>
          </div>
        </fieldset>
        <Button type="submit" variant="primary" disabled={saving}>
          {t("save")}
        </Button>
      </Form>
    </Card>
  );
}
