import { getFormProps } from "@conform-to/react";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

/** Withdrawing the dispute for the customer, with an optional note to them. */
export function DisputeWithdraw({ answer }: { answer?: IntentAnswer }) {
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-withdraw",
    replyFor(answer, "withdraw"),
  );
  return (
    <Card title="Withdraw for the customer">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="withdraw" />
        <FormOutcome done={doneFor(answer, "withdraw")} errors={form.errors} id={form.errorId} />
        <p className="text-sm text-ink-muted">
          When the customer says they no longer dispute the invoice. The amount is no longer held.
        </p>
        <TextareaField
          label={
            <>
              Note to the customer <span className="font-normal text-ink-muted">(optional)</span>
            </>
          }
          field={fields.note}
          rows={2}
          maxLength={2000}
        />
        <Button type="submit" variant="danger" disabled={busy}>
          Withdraw
        </Button>
      </Form>
    </Card>
  );
}
