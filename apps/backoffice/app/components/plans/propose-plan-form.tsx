import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { sumAmounts, toDecimalString } from "@settle/domain/money/money";
import { amountExample, typedAmountText } from "@settle/domain/money/typed-amount";
import { type ProposePaymentPlanInput, ProposePaymentPlanSchema } from "@settle/domain/plans/plan-forms";
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

/** The form's first values: the defaults, or the customer's request it answers. */
function startingTerms(proposal: PlanProposalForm, locale: string) {
  const { request, defaults, currency } = proposal;
  if (!request) return { instalments: "3", frequency: "MONTHLY", ...defaults };
  return {
    downPayment: request.downPayment > 0n ? typedAmountText(request.downPayment, currency, locale) : "",
    instalments: String(request.instalments),
    frequency: request.frequency,
    firstDate: request.firstDate,
    // The offer must end by the first payment (ISO dates sort as text).
    expiresOn: [defaults.expiresOn, request.firstDate].sort()[0],
  };
}

/**
 * The plan's terms, validated in the browser with the server's schema, and the schedule they make
 * (with the entity's fee when charged). Answering a customer's request, it starts from the
 * request's invoices and terms and shows their reason.
 */
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
  const { currency, invoices, feeBps, request } = proposal;
  const [chosen, setChosen] = useState<string[]>(
    request?.invoiceIds ?? proposal.reschedules?.invoiceIds ?? [],
  );
  const [form, fields] = useForm<ProposePaymentPlanInput>({
    lastResult,
    defaultValue: startingTerms(proposal, i18n.language),
    constraint: getZodConstraint(ProposePaymentPlanSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: ProposePaymentPlanSchema, formatError: planIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const covered = invoices.filter((i) => chosen.includes(i.id)).reduce((sum, i) => sum + i.openAmount, 0n);
  const chargedBps = fields.chargeFee.value === "on" ? feeBps : 0;
  const schedule =
    covered > 0n
      ? previewSchedule(
          {
            covered,
            downPayment: fields.downPayment.value,
            instalments: fields.instalments.value,
            frequency: fields.frequency.value,
            firstDate: fields.firstDate.value,
            feeBps: chargedBps,
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
          {request ? <input type="hidden" name="requestId" value={request.id} /> : null}
          {schedule ? (
            <input
              type="hidden"
              name="previewTotal"
              value={toDecimalString(sumAmounts(schedule.map((p) => p.amount)), currency)}
            />
          ) : null}
          {proposal.reschedules ? (
            <>
              <input type="hidden" name="reschedules" value={proposal.reschedules.id} />
              <p
                className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-ink"
                data-testid="plan-reschedules"
              >
                {t("form.rescheduling", { plan: proposal.reschedules.label })}
              </p>
            </>
          ) : null}
          <FormErrors errors={form.errors} id={form.errorId} />
          {request ? (
            <div
              className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
              data-testid="plan-request"
            >
              <p className="font-medium text-ink">{t("form.answering", { plan: request.label })}</p>
              {request.reason ? (
                <p className="mt-1 whitespace-pre-line text-ink-muted">{request.reason}</p>
              ) : null}
            </div>
          ) : null}
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
          {feeBps > 0 ? (
            <label className="flex items-center gap-2 text-sm text-ink">
              <input
                type="checkbox"
                name={fields.chargeFee.name}
                defaultChecked={fields.chargeFee.initialValue === "on"}
                className="size-4 rounded border-slate-300"
              />
              {t("form.chargeFee", {
                percent: new Intl.NumberFormat(i18n.language, {
                  style: "percent",
                  maximumFractionDigits: 2,
                }).format(feeBps / 10_000),
              })}
            </label>
          ) : null}
          <Button type="submit" variant="primary" disabled={saving || invoices.length === 0}>
            {t("form.submit")}
          </Button>
        </Form>
      </Card>
      <SchedulePreview
        schedule={schedule}
        currency={currency}
        // The schedule adds up to what is covered plus the fee.
        fee={schedule ? schedule.reduce((sum, p) => sum + p.amount, 0n) - covered : 0n}
      />
    </div>
  );
}
