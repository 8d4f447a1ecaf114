import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { PaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { RespondToPaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { RadioGroupField, TextareaField, TextField } from "@settle/ui/fields";
import { useMoneyFormat } from "@settle/ui/money-text";
import { usePageLocale } from "@settle/ui/page-locale";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { planFieldWords } from "./plan-words";

type Answer = "accept" | "decline" | "request-changes";

/** One answer's form wired to the domain's schema, validated in the browser as on the server. */
function useAnswerForm(answer: Answer, lastResult: SubmissionResult<string[]> | undefined) {
  const { t } = useTranslation("payment-plans");
  return useForm({
    id: `plan-${answer}`,
    lastResult,
    // Paying from the portal needs nothing set up; autopay is a choice.
    defaultValue: answer === "accept" ? { payBy: "PORTAL" } : undefined,
    constraint: getZodConstraint(RespondToPaymentPlanSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: RespondToPaymentPlanSchema, formatError: planFieldWords(t) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}

function useBusy() {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formMethod === "POST";
}

/** The ids every answer carries (the action takes them from the address, the browser checks them). */
function AnswerIds({ offer, answer }: { offer: PaymentPlanOffer; answer: Answer }) {
  const csrfToken = useCsrfToken();
  return (
    <>
      <CsrfInput token={csrfToken} />
      <input type="hidden" name="answer" value={answer} />
      <input type="hidden" name="customerId" value={offer.customerId} />
      <input type="hidden" name="planId" value={offer.id} />
    </>
  );
}

/**
 * Accepting: the typed name as a signature, the confirmation of the amount, autopay with the saved
 * card (only when one is saved) or paying each instalment from the portal, and the terms' hash.
 */
export function AcceptPlanForm({
  offer,
  lastResult,
}: {
  offer: PaymentPlanOffer;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-plans");
  const format = useMoneyFormat();
  const locale = usePageLocale();
  const busy = useBusy();
  const [form, fields] = useAnswerForm("accept", lastResult);
  const confirmErrors = fields.confirm.errors ?? [];
  return (
    <Card title={t("accept.title")}>
      <Form method="post" {...getFormProps(form)} className="grid gap-5 sm:max-w-xl">
        <AnswerIds offer={offer} answer="accept" />
        <input type="hidden" name="termsHash" value={offer.termsHash} />
        <TextField
          label={t("accept.name")}
          description={t("accept.nameHint")}
          field={fields.name}
          autoComplete="name"
        />
        <RadioGroupField
          label={t("accept.payBy")}
          field={fields.payBy}
          options={[
            { value: "PORTAL", label: t("accept.portal") },
            {
              value: "AUTOPAY",
              label: t("accept.autopay"),
              disabled: !offer.hasSavedCard,
              description: offer.hasSavedCard ? undefined : t("accept.autopayNoCard"),
            },
          ]}
        />
        <div>
          <label htmlFor={fields.confirm.id} className="flex items-start gap-2 text-sm text-ink">
            <input
              type="checkbox"
              id={fields.confirm.id}
              name={fields.confirm.name}
              value="yes"
              aria-invalid={confirmErrors.length ? true : undefined}
              aria-describedby={confirmErrors.length ? fields.confirm.errorId : undefined}
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>{t("accept.confirm", { total: format(offer.total, offer.currency, locale) })}</span>
          </label>
          {confirmErrors.length ? (
            <p id={fields.confirm.errorId} className="mt-1.5 text-sm text-red-700">
              {confirmErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" variant="primary" disabled={busy}>
            {t("accept.submit")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** Declining (a message optional) and asking for other terms (a message required), as two forms. */
export function OtherAnswerForms({
  offer,
  lastResult,
  lastAnswer,
}: {
  offer: PaymentPlanOffer;
  lastResult: SubmissionResult<string[]> | undefined;
  lastAnswer: string | undefined;
}) {
  const { t } = useTranslation("payment-plans");
  const busy = useBusy();
  const [changes, changeFields] = useAnswerForm(
    "request-changes",
    lastAnswer === "request-changes" ? lastResult : undefined,
  );
  const [decline, declineFields] = useAnswerForm(
    "decline",
    lastAnswer === "decline" ? lastResult : undefined,
  );
  return (
    <Card title={t("other.title")}>
      <div className="grid gap-8 md:grid-cols-2">
        <Form method="post" {...getFormProps(changes)} className="grid content-start gap-4">
          <AnswerIds offer={offer} answer="request-changes" />
          <TextareaField label={t("other.message")} field={changeFields.message} rows={3} />
          <div>
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("other.requestChanges")}
            </Button>
          </div>
        </Form>
        <Form method="post" {...getFormProps(decline)} className="grid content-start gap-4">
          <AnswerIds offer={offer} answer="decline" />
          <TextareaField label={t("other.messageOptional")} field={declineFields.message} rows={3} />
          <div>
            <Button type="submit" variant="ghost" disabled={busy}>
              {t("other.decline")}
            </Button>
          </div>
        </Form>
      </div>
    </Card>
  );
}
