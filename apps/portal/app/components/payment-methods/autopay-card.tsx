import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { PaymentMethodsView } from "@settle/domain/payments/get-payment-methods";
import { PaymentMethodsFormSchema } from "@settle/domain/payments/payment-method-forms";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { SelectField } from "@settle/ui/fields";
import { Form } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { paymentMethodFieldWords, useBusy } from "./payment-method-words";

const numberInput =
  "block w-20 rounded-lg border-0 bg-surface px-3 py-2 text-sm text-ink shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 focus:outline-none";

/** Autopay: whether it is on and how, the form that turns it on or changes it, and turning it off. */
export function AutopayCard({
  view,
  maxDaysBefore,
  lastResult,
}: {
  view: PaymentMethodsView;
  maxDaysBefore: number;
  /** The autopay form's last reply, when it was refused. */
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-methods");
  const csrfToken = useCsrfToken();
  const busy = useBusy();
  const autopay = view.autopay;
  const usable = view.cards.filter((c) => !c.expired);
  const [form, fields] = useForm({
    id: "enable-autopay",
    lastResult,
    defaultValue: {
      cardId: autopay?.savedCardId ?? usable[0]?.id,
      currency: autopay?.currency ?? view.currencies[0],
      timing: autopay?.timing === "DAYS_BEFORE" ? "DAYS_BEFORE" : "ON_DUE_DATE",
      daysBefore: String(autopay?.daysBefore ?? 3),
    },
    constraint: getZodConstraint(PaymentMethodsFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: PaymentMethodsFormSchema, formatError: paymentMethodFieldWords(t) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const timingErrors = [...(fields.timing.errors ?? []), ...(fields.daysBefore.errors ?? [])];
  return (
    <Card title={t("autopay.title")}>
      <p className="mb-4 text-sm">
        {autopay?.enabled
          ? t(autopay.timing === "DAYS_BEFORE" ? "autopay.onBefore" : "autopay.onDue", {
              count: autopay.daysBefore,
              currency: autopay.currency,
            })
          : t("autopay.off")}
      </p>
      {!autopay?.enabled && autopay?.disabledReason && autopay.disabledReason !== "user" ? (
        <Alert tone="warning">
          {t(`autopay.reasons.${autopay.disabledReason}`, { defaultValue: t("autopay.off") })}
        </Alert>
      ) : null}
      {usable.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("autopay.needsCard")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:max-w-md">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="intent" value="enable-autopay" />
          <SelectField
            label={t("autopay.card")}
            field={fields.cardId}
            options={usable.map((c) => ({ value: c.id, label: `${c.brand} •••• ${c.last4}` }))}
          />
          <SelectField
            label={t("autopay.currency")}
            field={fields.currency}
            options={view.currencies.map((c) => ({ value: c, label: c }))}
          />
          <fieldset aria-describedby={timingErrors.length ? `${form.id}-timing-error` : undefined}>
            <legend className="mb-1 text-sm font-medium">{t("autopay.when")}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={fields.timing.name}
                value="ON_DUE_DATE"
                defaultChecked={fields.timing.initialValue !== "DAYS_BEFORE"}
              />
              {t("autopay.onDueDate")}
            </label>
            <label className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <input
                type="radio"
                name={fields.timing.name}
                value="DAYS_BEFORE"
                defaultChecked={fields.timing.initialValue === "DAYS_BEFORE"}
              />
              {t("autopay.daysBefore")}
              <input
                type="number"
                name={fields.daysBefore.name}
                min={0}
                max={maxDaysBefore}
                defaultValue={String(fields.daysBefore.initialValue ?? "")}
                aria-label={t("autopay.days")}
                aria-invalid={fields.daysBefore.errors ? true : undefined}
                className={numberInput}
              />
            </label>
            {timingErrors.length ? (
              <p id={`${form.id}-timing-error`} className="mt-1.5 text-sm text-red-700">
                {timingErrors.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="primary" disabled={busy}>
              {autopay?.enabled ? t("autopay.save") : t("autopay.turnOn")}
            </Button>
          </div>
        </Form>
      )}
      {autopay?.enabled ? (
        <Form method="post" className="mt-4">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="intent" value="disable-autopay" />
          <Button type="submit" variant="ghost" disabled={busy}>
            {t("autopay.turnOff")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
