import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type CancelPaymentPlanInput, CancelPaymentPlanSchema } from "@settle/domain/plans/plan-cancel-form";
import { Card } from "@settle/ui/card";
import { ConfirmButton } from "@settle/ui/confirm-dialog";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextareaField } from "@settle/ui/fields";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";

/** The cancel form's field errors in the page's language, the same in the browser and from the server. */
export const cancelIssueWords = (t: TFunction) => (issues: readonly { path?: readonly PropertyKey[] }[]) =>
  issues.map((issue) =>
    issue.path?.[0] === "reason"
      ? t("payment-plan:cancel.issues.reason")
      : t("payment-plan:cancel.issues.invalid"),
  );

/**
 * Cancelling the plan with a reason, for those who may: the button asks again in a dialog before
 * the form is posted (and stays off until a reason is typed).
 */
export function CancelPlanForm({
  customerId,
  planId,
  label,
  lastResult,
}: {
  customerId: string;
  planId: string;
  label: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("payment-plan");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  // Null until the page runs its script: without it, the button works and the server checks.
  const [reason, setReason] = useState<string | null>(null);
  const [form, fields] = useForm<CancelPaymentPlanInput>({
    id: "cancel-plan",
    lastResult,
    constraint: getZodConstraint(CancelPaymentPlanSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: CancelPaymentPlanSchema, formatError: cancelIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const typed = fields.reason.initialValue;
  useEffect(() => setReason((now) => now ?? (typeof typed === "string" ? typed : "")), [typed]);
  return (
    <Card title={t("cancel.title")} id="cancel">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <CsrfInput token={csrf} />
        <input type="hidden" name="customerId" value={customerId} />
        <input type="hidden" name="planId" value={planId} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <p className="text-sm text-ink-muted">{t("cancel.text")}</p>
        <TextareaField
          label={t("cancel.reason")}
          field={fields.reason}
          rows={3}
          maxLength={1000}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ConfirmButton
          title={t("cancel.confirmTitle", { label })}
          body={t("cancel.confirmBody")}
          confirm={t("cancel.confirm", { label })}
          cancel={t("cancel.keep")}
          value="cancel"
          disabled={busy || reason?.trim() === ""}
        >
          {t("cancel.submit")}
        </ConfirmButton>
      </Form>
    </Card>
  );
}
