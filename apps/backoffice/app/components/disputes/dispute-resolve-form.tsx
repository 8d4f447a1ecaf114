import { getFormProps } from "@conform-to/react";
import { DISPUTE_ROOT_CAUSES } from "@settle/domain/disputes/dispute-forms";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { amountExample } from "@settle/domain/money/typed-amount";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { MoneyField, RadioGroupField, SelectField, TextareaField } from "@settle/ui/fields";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useMoneyWords } from "../../i18n/list-words.ts";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { disputeIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

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
  const { t, i18n } = useTranslation("dispute");
  const money = useMoneyWords();
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-resolve",
    replyFor(answer, "resolve"),
    { outcome: "VALID" },
    disputeIssueWords(t),
  );
  return (
    <Card title={t("resolve.title")}>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="resolve" />
        <FormOutcome errors={form.errors} id={form.errorId} />
        <RadioGroupField
          label={t("resolve.outcome")}
          field={fields.outcome}
          options={[
            { value: "VALID", label: t("resolve.valid", { amount: money(d.amount, d.currency) }) },
            { value: "PARTIAL", label: t("resolve.partial") },
            { value: "INVALID", label: t("resolve.invalid") },
          ]}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <MoneyField
            label={
              <Trans
                t={t}
                i18nKey="resolve.credit"
                components={[<span key="hint" className="font-normal text-ink-muted" />]}
              />
            }
            field={fields.creditAmount}
            currency={d.currency}
            maxLength={30}
            placeholder={t("resolve.creditPlaceholder", {
              example: amountExample(d.currency, i18n.language),
            })}
          />
          <SelectField
            label={t("resolve.rootCause")}
            field={fields.rootCause}
            required
            placeholder={t("resolve.choose")}
            options={DISPUTE_ROOT_CAUSES.map((c) => ({ value: c, label: t(`labels:disputeRootCause.${c}`) }))}
          />
        </div>
        <TextareaField
          label={t("resolve.explanation")}
          field={fields.explanation}
          rows={4}
          required
          maxLength={5000}
          description={t("resolve.explanationHint", { email: d.notify.email ?? t("resolve.theCustomer") })}
        />
        <p className="text-xs text-ink-muted">
          {threshold === null
            ? t("resolve.everyCredit", { currency: d.currency })
            : t("resolve.creditAbove", { amount: money(threshold, d.currency) })}
        </p>
        <Button type="submit" variant="primary" disabled={busy}>
          {t("resolve.submit")}
        </Button>
      </Form>
    </Card>
  );
}
