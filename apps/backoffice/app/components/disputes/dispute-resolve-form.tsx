import { getFormProps } from "@conform-to/react";
import { DISPUTE_ROOT_CAUSES } from "@settle/domain/disputes/dispute-forms";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { formatMoney } from "@settle/domain/money/money";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { MoneyField, RadioGroupField, SelectField, TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { DISPUTE_ROOT_CAUSE } from "../../dispute-labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

const ROOT_CAUSE_OPTIONS = DISPUTE_ROOT_CAUSES.map((c) => ({ value: c, label: DISPUTE_ROOT_CAUSE[c] }));

/**
 * The analyst's decision: valid (the whole amount credited), partly valid (an agreed credit) or
 * invalid, with the root cause and the explanation the customer receives.
 */
export function DisputeResolveForm({
  dispute: d,
  threshold,
  answer,
}: {
  dispute: StaffDisputeView;
  /** Credits above this amount (minor units) wait for approval; null: every credit does. */
  threshold: bigint | null;
  answer?: IntentAnswer;
}) {
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-resolve",
    replyFor(answer, "resolve"),
    {
      outcome: "VALID",
    },
  );
  return (
    <Card title="Resolve">
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="resolve" />
        <FormOutcome errors={form.errors} id={form.errorId} />
        <RadioGroupField
          label="Outcome"
          field={fields.outcome}
          options={[
            {
              value: "VALID",
              label: `Valid: credit the whole ${formatMoney(d.amount, d.currency, "en-US")}`,
            },
            { value: "PARTIAL", label: "Partly valid: credit an agreed amount" },
            { value: "INVALID", label: "Invalid: the invoice stands and returns to collection" },
          ]}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <MoneyField
            label={
              <>
                Agreed credit <span className="font-normal text-ink-muted">(partly valid only)</span>
              </>
            }
            field={fields.creditAmount}
            currency={d.currency}
            maxLength={30}
            placeholder="e.g. 125.50"
          />
          <SelectField
            label="Root cause"
            field={fields.rootCause}
            required
            placeholder="Choose…"
            options={ROOT_CAUSE_OPTIONS}
          />
        </div>
        <TextareaField
          label="Explanation to the customer"
          field={fields.explanation}
          rows={4}
          required
          maxLength={5000}
          description={`E-mailed to ${d.notify.email ?? "the customer"} and shown on the portal. Plain text.`}
        />
        <p className="text-xs text-ink-muted">
          {threshold === null
            ? `Every ${d.currency} credit waits for an AR manager's approval.`
            : `A credit above ${formatMoney(threshold, d.currency, "en-US")} waits for an AR manager's approval.`}
        </p>
        <Button type="submit" variant="primary" disabled={busy}>
          Resolve
        </Button>
      </Form>
    </Card>
  );
}
