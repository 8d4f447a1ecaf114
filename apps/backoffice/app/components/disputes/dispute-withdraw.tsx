import { getFormProps } from "@conform-to/react";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextareaField } from "@settle/ui/fields";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { disputeIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

/** Withdrawing the dispute for the customer, with an optional note to them. */
export function DisputeWithdraw({ answer }: { answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute");
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-withdraw",
    replyFor(answer, "withdraw"),
    undefined,
    disputeIssueWords(t),
  );
  return (
    <Card title={t("withdraw.title")}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="withdraw" />
        <FormOutcome done={doneFor(answer, "withdraw")} errors={form.errors} id={form.errorId} />
        <p className="text-sm text-ink-muted">{t("withdraw.text")}</p>
        <TextareaField
          label={
            <Trans
              t={t}
              i18nKey="withdraw.note"
              components={[<span key="hint" className="font-normal text-ink-muted" />]}
            />
          }
          field={fields.note}
          rows={2}
          maxLength={2000}
        />
        <Button type="submit" variant="danger" disabled={busy}>
          {t("withdraw.submit")}
        </Button>
      </Form>
    </Card>
  );
}
