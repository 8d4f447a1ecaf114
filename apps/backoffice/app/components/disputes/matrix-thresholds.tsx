import { getFormProps } from "@conform-to/react";
import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { MoneyField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Form, useNavigation } from "react-router";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

/** The amounts per currency above which a dispute credit waits for approval; an editor sets them. */
export function MatrixThresholds({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  return (
    <Card title="Approval amounts">
      <div className="space-y-4">
        <p className="text-sm text-ink-muted">
          A dispute credit above its currency's amount waits for an AR manager other than the analyst. In a
          currency without an amount, every credit does.
        </p>
        {matrix.thresholds.length === 0 ? (
          <p className="text-sm text-ink-muted">No amounts set.</p>
        ) : (
          <table className="min-w-full text-sm">
            <caption className="sr-only">Approval amounts per currency</caption>
            <thead>
              <tr className="text-xs text-ink-muted uppercase">
                <th scope="col" className="py-1.5 text-start font-semibold">
                  Currency
                </th>
                <th scope="col" className="py-1.5 text-end font-semibold">
                  Approval above
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.thresholds.map((t) => (
                <tr key={t.currency} className="border-t border-line">
                  <th scope="row" className="py-1.5 text-start font-medium">
                    {t.currency}
                  </th>
                  <td className="py-1.5 text-end">
                    <MoneyText amount={t.amount} currency={t.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {matrix.can.edit ? <ThresholdForm answer={answer} /> : null}
      </div>
    </Card>
  );
}

function ThresholdForm({ answer }: { answer?: IntentAnswer }) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useIntentForm(
    DisputeMatrixFormSchema,
    "threshold-set",
    replyFor(answer, "threshold-set"),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="threshold-set" />
      <FormOutcome done={doneFor(answer, "threshold-set")} errors={form.errors} id={form.errorId} />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Currency"
          field={fields.currency}
          maxLength={3}
          autoComplete="off"
          className="uppercase"
        />
        <MoneyField
          label="Approval above"
          field={fields.amount}
          currency={String(fields.currency?.value ?? "").toUpperCase() || "—"}
          maxLength={30}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={busy}>
        Save amount
      </Button>
    </Form>
  );
}
