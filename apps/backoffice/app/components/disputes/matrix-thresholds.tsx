import { getFormProps } from "@conform-to/react";
import type { DisputeMatrix } from "@settle/domain/disputes/get-dispute-matrix";
import { DisputeMatrixFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { MoneyField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { matrixIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

/** The amounts per currency above which a dispute credit waits for approval; an editor sets them. */
export function MatrixThresholds({ matrix, answer }: { matrix: DisputeMatrix; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  return (
    <Card title={t("thresholds.title")}>
      <div className="space-y-4">
        <p className="text-sm text-ink-muted">{t("thresholds.text")}</p>
        {matrix.thresholds.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("thresholds.none")}</p>
        ) : (
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("thresholds.caption")}</caption>
            <thead>
              <tr className="text-xs text-ink-muted uppercase">
                <th scope="col" className="py-1.5 text-start font-semibold">
                  {t("thresholds.currency")}
                </th>
                <th scope="col" className="py-1.5 text-end font-semibold">
                  {t("thresholds.above")}
                </th>
              </tr>
            </thead>
            <tbody>
              {matrix.thresholds.map((row) => (
                <tr key={row.currency} className="border-t border-line">
                  <th scope="row" className="py-1.5 text-start font-medium">
                    {row.currency}
                  </th>
                  <td className="py-1.5 text-end">
                    <MoneyText amount={row.amount} currency={row.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ThresholdForm answer={answer} />
      </div>
    </Card>
  );
}

function ThresholdForm({ answer }: { answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute-matrix");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useIntentForm(
    DisputeMatrixFormSchema,
    "threshold-set",
    replyFor(answer, "threshold-set"),
    undefined,
    matrixIssueWords(t),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="threshold-set" />
      <FormOutcome done={doneFor(answer, "threshold-set")} errors={form.errors} id={form.errorId} />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t("thresholds.currency")}
          field={fields.currency}
          maxLength={3}
          autoComplete="off"
          className="uppercase"
        />
        <MoneyField
          label={t("thresholds.above")}
          field={fields.amount}
          currency={String(fields.currency?.value ?? "").toUpperCase() || "—"}
          maxLength={30}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("thresholds.save")}
      </Button>
    </Form>
  );
}
