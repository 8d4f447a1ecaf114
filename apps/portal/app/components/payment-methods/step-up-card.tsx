import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { PaymentMethodsFormSchema } from "@settle/domain/payments/payment-method-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextField } from "@settle/ui/fields";
import { Form } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { paymentMethodFieldWords, useBusy } from "./payment-method-words";

/**
 * The e-mailed code that lets the payer change payment methods for a while: how long is left, or
 * the buttons to ask for a code and to enter it.
 */
export function StepUpCard({
  minutesLeft,
  codeSent,
  lastResult,
}: {
  minutesLeft: number | null;
  codeSent: boolean;
  /** The last code's reply, when it was refused. */
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-methods");
  const csrfToken = useCsrfToken();
  const busy = useBusy();
  const [form, fields] = useForm({
    id: "verify-code",
    lastResult,
    constraint: getZodConstraint(PaymentMethodsFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: PaymentMethodsFormSchema, formatError: paymentMethodFieldWords(t) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  if (minutesLeft !== null) {
    return <p className="text-sm text-ink-muted">{t("stepUp.granted", { count: minutesLeft })}</p>;
  }
  return (
    <Card title={t("stepUp.title")}>
      <p className="mb-4 text-sm">{t("stepUp.why")}</p>
      <div className="flex flex-wrap items-end gap-6">
        <Form method="post">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="intent" value="send-code" />
          <Button type="submit" variant={codeSent ? "secondary" : "primary"} disabled={busy}>
            {codeSent ? t("stepUp.resend") : t("stepUp.send")}
          </Button>
        </Form>
        {codeSent ? (
          <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
            <CsrfInput token={csrfToken} />
            <input type="hidden" name="intent" value="verify-code" />
            <TextField
              label={t("stepUp.code")}
              field={fields.code}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              dir="ltr"
              className="w-40"
            />
            <Button type="submit" variant="primary" disabled={busy}>
              {t("stepUp.confirm")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
