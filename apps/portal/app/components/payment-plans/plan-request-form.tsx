import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { amountExample } from "@settle/domain/money/typed-amount";
import { type RequestPaymentPlanInput, RequestPaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import { PLAN_FREQUENCIES } from "@settle/domain/plans/plan-schedule";
import type { PlanRequestForm } from "@settle/domain/plans/request-payment-plan";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { DateField, MoneyField, SelectField, TextareaField, TextField } from "@settle/ui/fields";
import { MoneyText, useMoneyFormat } from "@settle/ui/money-text";
import { usePageLocale } from "@settle/ui/page-locale";
import type { TFunction } from "i18next";
import { Form, useNavigation } from "react-router";
import type { $ZodIssue } from "zod/v4/core";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";

/** Fields whose problem has its own words under payment-plans:request.errors. */
const FIELD_KEYS = new Set(["invoiceIds", "instalments", "frequency", "firstDate", "reason"]);

/** The request form's field errors in the payer's language, alike in the browser and the action. */
export const planRequestWords = (t: TFunction) => (issues: $ZodIssue[]) => {
  const field = String(issues[0]?.path[0] ?? "");
  return [t(`payment-plans:request.errors.${FIELD_KEYS.has(field) ? field : "invalid"}`)];
};

/** What the portal offers at once, in words: the limits of the entity's self-service policy. */
function SelfServiceNote({ form }: { form: PlanRequestForm }) {
  const { t } = useTranslation("payment-plans");
  const format = useMoneyFormat();
  const locale = usePageLocale();
  const s = form.selfService;
  if (!s.selfServiceEnabled) return <p className="text-sm text-ink-muted">{t("request.collectorOnly")}</p>;
  return (
    <p className="text-sm text-ink-muted" data-testid="self-service-limits">
      {t("request.limits", {
        max: format(s.selfServiceMaxTotal, s.currency, locale),
        n: s.selfServiceMaxInstalments,
        share: new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(
          s.selfServiceMinDownBps / 10_000,
        ),
      })}
    </p>
  );
}

/**
 * The payer's request: overdue invoices to tick, a down payment, instalments, how often, the first
 * date and why, validated in the browser with the server's schema.
 */
export function PlanRequestFormCard({
  form: request,
  idempotencyKey,
  lastResult,
}: {
  form: PlanRequestForm;
  idempotencyKey: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-plans");
  const locale = usePageLocale();
  const csrfToken = useCsrfToken();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm<RequestPaymentPlanInput>({
    id: "plan-request",
    lastResult,
    defaultValue: { instalments: "3", frequency: "MONTHLY", firstDate: request.defaults.firstDate },
    constraint: getZodConstraint(RequestPaymentPlanSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: RequestPaymentPlanSchema, formatError: planRequestWords(t) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const invoiceErrors = fields.invoiceIds.errors ?? [];
  const chosen = new Set([fields.invoiceIds.initialValue ?? []].flat());
  return (
    <Card title={t("request.formTitle")}>
      <Form method="post" {...getFormProps(form)} className="grid gap-5 sm:max-w-xl">
        <CsrfInput token={csrfToken} />
        <input type="hidden" name="customerId" value={request.customer.id} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {form.errors?.length ? (
          <p id={form.errorId} role="alert" className="text-sm text-red-700">
            {form.errors.join(" ")}
          </p>
        ) : null}
        <SelfServiceNote form={request} />
        <fieldset aria-describedby={invoiceErrors.length ? fields.invoiceIds.errorId : undefined}>
          <legend className="text-sm font-medium text-ink">{t("request.invoices")}</legend>
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
            {request.invoices.map((i) => (
              <li key={i.id}>
                <label className="flex items-center gap-3 px-3 py-2 text-sm">
                  <input
                    type="checkbox"
                    name="invoiceIds"
                    value={i.id}
                    defaultChecked={chosen.has(i.id)}
                    className="size-4 accent-brand-600"
                  />
                  <span className="font-mono text-xs font-medium">{i.number}</span>
                  <span className="text-ink-muted">
                    {t("request.due")} {i.dueDate ? <DateText value={i.dueDate} locale={locale} /> : "—"}
                  </span>
                  <MoneyText
                    amount={i.openAmount}
                    currency={request.currency}
                    locale={locale}
                    className="ms-auto"
                  />
                </label>
              </li>
            ))}
          </ul>
          {invoiceErrors.length ? (
            <p id={fields.invoiceIds.errorId} className="mt-1 text-sm text-red-700">
              {invoiceErrors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <MoneyField
          label={t("request.downPayment")}
          description={t("request.downPaymentHint", { example: amountExample(request.currency, locale) })}
          field={fields.downPayment}
          currency={request.currency}
          inputMode="decimal"
          autoComplete="off"
        />
        <TextField label={t("request.instalments")} field={fields.instalments} inputMode="numeric" />
        <SelectField
          label={t("request.frequency")}
          field={fields.frequency}
          options={PLAN_FREQUENCIES.map((f) => ({ value: f, label: t(`request.frequencies.${f}`) }))}
        />
        <DateField label={t("request.firstDate")} field={fields.firstDate} />
        <TextareaField
          label={t("request.reason")}
          description={t("request.reasonHint")}
          field={fields.reason}
        />
        <div>
          <Button type="submit" variant="primary" disabled={busy}>
            {t("request.submit")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
