import { getFormProps } from "@conform-to/react";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { typedAmountText } from "@settle/domain/money/typed-amount";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { SelectField, TextField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { matrixIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

const choices = (rows: { id: string; name: string }[]) => rows.map((r) => ({ value: r.id, label: r.name }));

/** A new rule, or the one being edited: what it matches and where it routes, with its deadline. */
export function MatrixRuleForm({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const { t, i18n } = useTranslation("dispute-matrix");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const rule = matrix.editing;
  // Shown the way the manager types amounts, for the save to read back.
  const amount = (v: bigint | null | undefined) =>
    v !== null && v !== undefined && rule?.currency ? typedAmountText(v, rule.currency, i18n.language) : "";
  const [form, fields] = useIntentForm(
    DisputeMatrixFormSchema,
    `rule-${rule?.id ?? "new"}`,
    replyFor(answer, "rule-save"),
    {
      reason: rule?.reason ?? "",
      legalEntityId: rule?.legalEntity?.id ?? "",
      currency: rule?.currency ?? "",
      minAmount: amount(rule?.minAmount),
      maxAmount: amount(rule?.maxAmount),
      departmentId: rule?.department?.id ?? "",
      ownerId: rule?.owner?.id ?? "",
      deadlineDays: rule ? String(rule.deadlineDays) : "5",
    },
    matrixIssueWords(t),
  );
  return (
    <Card title={rule ? t("ruleForm.edit") : t("ruleForm.add")}>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="rule-save" />
        {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
        <FormOutcome done={doneFor(answer, "rule-save")} errors={form.errors} id={form.errorId} />
        <SelectField
          label={t("ruleForm.reason")}
          field={fields.reason}
          placeholder={t("ruleForm.choose")}
          options={DISPUTE_REASONS.map((r) => ({ value: r, label: t(`labels:disputeReason.${r}`) }))}
        />
        <SelectField
          label={t("ruleForm.legalEntity")}
          field={fields.legalEntityId}
          placeholder={t("ruleForm.allEntities")}
          options={choices(matrix.entities)}
        />
        <fieldset className="space-y-2">
          <legend className="block text-sm font-medium text-ink">{t("ruleForm.band")}</legend>
          <div className="grid grid-cols-3 gap-2">
            <TextField
              label={t("ruleForm.currency")}
              field={fields.currency}
              maxLength={3}
              autoComplete="off"
            />
            <TextField
              label={t("ruleForm.from")}
              field={fields.minAmount}
              inputMode="decimal"
              maxLength={30}
            />
            <TextField
              label={t("ruleForm.below")}
              field={fields.maxAmount}
              inputMode="decimal"
              maxLength={30}
            />
          </div>
        </fieldset>
        <SelectField
          label={t("ruleForm.department")}
          field={fields.departmentId}
          placeholder={t("ruleForm.none")}
          options={choices(matrix.departments)}
        />
        <SelectField
          label={t("ruleForm.person")}
          field={fields.ownerId}
          placeholder={t("ruleForm.none")}
          options={choices(matrix.people)}
        />
        <TextField
          label={t("ruleForm.deadline")}
          field={fields.deadlineDays}
          inputMode="numeric"
          className="max-w-44"
        />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={busy}>
            {rule ? t("ruleForm.save") : t("ruleForm.submitAdd")}
          </Button>
          {rule ? (
            <LinkButton to="/settings/dispute-matrix" variant="ghost">
              {t("ruleForm.cancel")}
            </LinkButton>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
