import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { amountExample } from "@settle/domain/money/typed-amount";
import { ProposePaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import type { PlanInvoiceOption, PlanProposalForm } from "@settle/domain/plans/plan-proposal-form";
import { MAX_INSTALMENTS, PLAN_FREQUENCIES } from "@settle/domain/plans/plan-schedule";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DateField, MoneyField, SelectField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useState } from "react";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";
import { TickList } from "../tick-list.tsx";
import { previewSchedule, SchedulePreview } from "./schedule-preview.tsx";

/** The schema's field errors in the page's language, the same in the browser and from the server. */
export const planIssueWords = (t: TFunction) => (issues: readonly { path?: readonly PropertyKey[] }[]) =>
  issues.map((issue) => {
    const field = issue.path?.[0];
    if (field === "invoiceIds") return t("payment-plans:form.issues.invoiceIds");
    if (field === "instalments") return t("payment-plans:form.issues.instalments", { max: MAX_INSTALMENTS });
    if (field === "frequency") return t("payment-plans:form.issues.frequency");
    if (field === "firstDate" || field === "expiresOn") return t("payment-plans:form.issues.date");
    return t("payment-plans:form.issues.invalid");
  });

/** An open invoice's due date and open amount, beside its number. */
function InvoiceDetail({ invoice, currency }: { invoice: PlanInvoiceOption; currency: string }) {
  const { t } = useTranslation("payment-plans");
  const open = <MoneyText key="open" amount={invoice.openAmount} currency={currency} />;
  return invoice.dueDate ? (
    <Trans
      t={t}
      i18nKey="form.invoiceDue"
      components={[<DateText key="due" value={invoice.dueDate} />, open]}
    />
  ) : (
    <Trans t={t} i18nKey="form.invoiceNoDue" components={[open]} />
  );
}

/** The plan's terms, validated in the browser with the server's schema, and the schedule they make. */
export function ProposePlanForm({
  proposal,
  idempotencyKey,
  lastResult,
}: {
  proposal: PlanProposalForm;
  idempotencyKey: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t, i18n } = useTranslation("payment-plans");
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  const { currency, invoices, defaults } = proposal;
  const [chosen, setChosen] = useState<string[]>([]);
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { instalments: "3", frequency: "MONTHLY", ...defaults },
    constraint: getZodConstraint(ProposePaymentPlanSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: ProposePaymentPlanSchema, formatError: planIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const covered = invoices.filter((i) => chosen.includes(i.id)).reduce((sum, i) => sum + i.openAmount, 0n);
  const schedule =
    covered > 0n
      ? previewSchedule(
          {
            covered,
            downPayment: fields.downPayment.value,
            instalments: fields.instalments.value,
            frequency: fields.frequency.value,
            firstDate: fields.firstDate.value,
          },
          currency,
          i18n.language,
        )
      : null;
  const toggle = (id: string, on: boolean) =>
    setChosen((now) => (on ? [...now.filter((c) => c !== id), id] : now.filter((c) => c !== id)));
  return (
    <div className="grid items-start gap-6 lg:grid-cols-2">
      <Card title={t("title")}>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <CsrfInput token={csrf} />
          <input type="hidden" name="customerId" value={proposal.customer.id} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <FormErrors errors={form.errors} id={form.errorId} />
          <TickList
            name="invoiceIds"
            idPrefix="plan-invoice"
            legend={t("form.invoicesLegend")}
            hint={invoices.length ? t("form.invoicesHint") : t("form.noInvoices")}
            options={invoices.map((i) => ({
              value: i.id,
              number: i.number,
              detail: <InvoiceDetail invoice={i} currency={currency} />,
            }))}
            chosen={chosen}
            onToggle={toggle}
            errors={fields.invoiceIds.errors}
            errorId={fields.invoiceIds.errorId}
            numberClassName="font-mono text-xs font-medium"
          />
          <MoneyField
            label={t("form.downPayment")}
            field={fields.downPayment}
            currency={currency}
            maxLength={40}
            inputMode="decimal"
            autoComplete="off"
            description={t("form.downPaymentHint", { example: amountExample(currency, i18n.language) })}
          />
          <TextField
            label={t("form.instalments")}
            field={fields.instalments}
            inputMode="numeric"
            maxLength={2}
            autoComplete="off"
            description={t("form.instalmentsHint", { max: MAX_INSTALMENTS })}
          />
          <SelectField
            label={t("form.frequency")}
            field={fields.frequency}
            options={PLAN_FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))}
          />
          <DateField label={t("form.firstDate")} field={fields.firstDate} />
          <DateField
            label={t("form.expiresOn")}
            field={fields.expiresOn}
            description={t("form.expiresOnHint")}
          />
          <Button type="submit" variant="primary" disabled={saving || invoices.length === 0}>
            {t("form.submit")}
          </Button>
        </Form>
      </Card>
      <SchedulePreview schedule={schedule} currency={currency} />
    </div>
  );
}
