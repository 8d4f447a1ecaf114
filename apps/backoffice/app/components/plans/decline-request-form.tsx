import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { DeclinePlanRequestSchema } from "@settle/domain/plans/plan-forms";
import type { PlanRequestDraft } from "@settle/domain/plans/plan-requests";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";

/** Declining the customer's request instead of answering it with an offer, with a message to them. */
export function DeclineRequestForm({
  customerId,
  request,
  lastResult,
}: {
  customerId: string;
  request: PlanRequestDraft;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-plans");
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "decline-request",
    lastResult,
    constraint: getZodConstraint(DeclinePlanRequestSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: DeclinePlanRequestSchema, formatError: () => [t("decline.issue")] }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Card title={t("decline.title", { plan: request.label })} className="mt-6 lg:max-w-[50%]">
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="decline-request" />
        <input type="hidden" name="customerId" value={customerId} />
        <input type="hidden" name="planId" value={request.id} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextareaField
          label={t("decline.message")}
          description={t("decline.messageHint")}
          field={fields.message}
        />
        <Button type="submit" variant="secondary" disabled={saving}>
          {t("decline.submit")}
        </Button>
      </Form>
    </Card>
  );
}
