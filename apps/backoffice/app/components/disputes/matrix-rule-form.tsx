import { getFormProps } from "@conform-to/react";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { toDecimalString } from "@settle/domain/money/money";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { SelectField, TextField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { DISPUTE_REASON } from "../../dispute-labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

const REASONS = DISPUTE_REASONS.map((r) => ({ value: r, label: DISPUTE_REASON[r] }));
const choices = (rows: { id: string; name: string }[]) => rows.map((r) => ({ value: r.id, label: r.name }));

/** A new rule, or the one being edited: what it matches and where it routes, with its deadline. */
export function MatrixRuleForm({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const rule = matrix.editing;
  const amount = (v: bigint | null | undefined) =>
    v !== null && v !== undefined && rule?.currency ? toDecimalString(v, rule.currency) : "";
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
  );
  return (
    <Card title={rule ? "Edit rule" : "Add a rule"}>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="rule-save" />
        {rule ? <input type="hidden" name="ruleId" value={rule.id} /> : null}
        <FormOutcome done={doneFor(answer, "rule-save")} errors={form.errors} id={form.errorId} />
        <SelectField label="Reason" field={fields.reason} placeholder="Choose…" options={REASONS} />
        <SelectField
          label="Legal entity"
          field={fields.legalEntityId}
          placeholder="All legal entities"
          options={choices(matrix.entities)}
        />
        <fieldset className="space-y-2">
          <legend className="block text-sm font-medium text-ink">Amount band (optional)</legend>
          <div className="grid grid-cols-3 gap-2">
            <TextField label="Currency" field={fields.currency} maxLength={3} autoComplete="off" />
            <TextField label="From (incl.)" field={fields.minAmount} inputMode="decimal" maxLength={30} />
            <TextField label="Below" field={fields.maxAmount} inputMode="decimal" maxLength={30} />
          </div>
        </fieldset>
        <SelectField
          label="Department"
          field={fields.departmentId}
          placeholder="None"
          options={choices(matrix.departments)}
        />
        <SelectField
          label="Person"
          field={fields.ownerId}
          placeholder="None"
          options={choices(matrix.people)}
        />
        <TextField
          label="Deadline in business days"
          field={fields.deadlineDays}
          inputMode="numeric"
          className="max-w-44"
        />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={busy}>
            {rule ? "Save rule" : "Add rule"}
          </Button>
          {rule ? (
            <LinkButton to="/settings/dispute-matrix" variant="ghost">
              Cancel
            </LinkButton>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
