import { getFormProps } from "@conform-to/react";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { disputeIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

/** The conversation with the customer and the internal notes, and the form to add to them. */
export function DisputeThread({ dispute: d, answer }: { dispute: StaffDisputeView; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute");
  return (
    <Card title={t("thread.title")}>
      {d.messages.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("thread.empty")}</p>
      ) : (
        <ol className="space-y-3" aria-label={t("thread.list")}>
          {d.messages.map((m) => {
            const internal = m.visibility === "INTERNAL";
            return (
              <li
                key={m.id}
                className={
                  internal
                    ? "rounded-lg border border-dashed border-amber-300 bg-amber-50 p-3 text-sm"
                    : m.authorKind === "portal"
                      ? "me-8 rounded-lg border border-line bg-surface p-3 text-sm"
                      : "ms-8 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm"
                }
              >
                <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                  {internal ? (
                    <Badge tone="warning">{t("thread.internalNote")}</Badge>
                  ) : (
                    <Badge tone={m.authorKind === "portal" ? "neutral" : "info"}>
                      {m.authorKind === "portal" ? t("thread.fromCustomer") : t("thread.toCustomer")}
                    </Badge>
                  )}
                  <span className="font-medium text-ink">{m.authorName}</span>
                  <DateText value={m.createdAt} mode="datetime" />
                </p>
                {/* Plain text, escaped by React; line breaks kept by CSS. */}
                <p className="mt-1.5 whitespace-pre-wrap text-ink">{m.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      {d.can.comment ? <MessageForm answer={answer} /> : null}
    </Card>
  );
}

function MessageForm({ answer }: { answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute");
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-message",
    replyFor(answer, "reply", "note"),
    undefined,
    disputeIssueWords(t),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-5 space-y-2 border-t border-line pt-4">
      <CsrfInput token={csrf} />
      <FormOutcome done={doneFor(answer, "reply", "note")} errors={form.errors} id={form.errorId} />
      <TextareaField
        label={t("thread.message")}
        field={fields.body}
        rows={4}
        required
        maxLength={5000}
        description={t("thread.messageHint")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="reply" variant="primary" disabled={busy}>
          {t("thread.reply")}
        </Button>
        <Button type="submit" name="intent" value="note" variant="secondary" disabled={busy}>
          {t("thread.addNote")}
        </Button>
      </div>
    </Form>
  );
}
