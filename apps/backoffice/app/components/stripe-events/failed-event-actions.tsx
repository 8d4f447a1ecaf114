import { getFormProps } from "@conform-to/react";
import { StripeEventActionSchema } from "@settle/domain/payments/stripe-event-forms";
import { Button } from "@settle/ui/button";
import { CsrfInput } from "@settle/ui/csrf-input";
import { TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { type IntentAnswer, replyFor, useIntentForm } from "../disputes/intent-form.ts";
import { FormErrors } from "../form-errors.tsx";
import { failedEventIssueWords } from "./failed-event-words.ts";

/** The answer belongs to this event's forms when it posted this event's id. */
const forEvent = (answer: IntentAnswer | undefined, eventId: string, intent: string) =>
  answer?.reply.initialValue?.eventId === eventId ? replyFor(answer, intent) : undefined;

/** Try the event again, or set it aside with a note (behind a disclosure, so it is a second step). */
export function FailedEventActions({ eventId, answer }: { eventId: string; answer?: IntentAnswer }) {
  const { t } = useTranslation("failed-events");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const words = failedEventIssueWords(t);
  const [retry] = useIntentForm(
    StripeEventActionSchema,
    `retry-${eventId}`,
    forEvent(answer, eventId, "retry"),
  );
  const [dismiss, fields] = useIntentForm(
    StripeEventActionSchema,
    `dismiss-${eventId}`,
    forEvent(answer, eventId, "dismiss"),
    undefined,
    words,
  );
  return (
    <div className="space-y-2">
      <Form method="post" {...getFormProps(retry)}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="retry" />
        <input type="hidden" name="eventId" value={eventId} />
        <FormErrors errors={retry.errors} id={retry.errorId} title={t("notDone")} />
        <Button type="submit" size="sm" disabled={busy}>
          {t("retry.button")}
        </Button>
      </Form>
      <details className="text-sm" open={Boolean(fields.note?.errors?.length || dismiss.errors?.length)}>
        <summary className="cursor-pointer text-ink-muted">{t("dismiss.open")}</summary>
        <Form method="post" {...getFormProps(dismiss)} className="mt-2 space-y-2">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="dismiss" />
          <input type="hidden" name="eventId" value={eventId} />
          <FormErrors errors={dismiss.errors} id={dismiss.errorId} title={t("notDone")} />
          <TextareaField label={t("dismiss.note")} field={fields.note} rows={2} maxLength={500} />
          <Button type="submit" size="sm" variant="danger" disabled={busy}>
            {t("dismiss.button")}
          </Button>
        </Form>
      </details>
    </div>
  );
}
