import { getFormProps } from "@conform-to/react";
import type { PortalDisputeView } from "@settle/domain/disputes/get-dispute";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { TextareaField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { type DisputeAnswer, useDisputeForm } from "./use-dispute-form";

/** The conversation (never internal notes), and a reply while the dispute is open. */
export function DisputeThread({
  dispute,
  answer,
}: {
  dispute: PortalDisputeView;
  answer: DisputeAnswer | undefined;
}) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  return (
    <Card title={t("detail.thread")}>
      {dispute.messages.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("detail.noMessages")}</p>
      ) : (
        <ol className="space-y-4">
          {dispute.messages.map((m) => (
            <li key={m.id} className="rounded-md border border-line p-3 text-sm">
              <p className="text-xs text-ink-muted">
                <bdi>{m.authorName}</bdi> · <DateText value={m.createdAt} locale={locale} mode="datetime" />
              </p>
              {/* Plain text: rendered as text, line breaks kept; never as HTML. */}
              <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {dispute.canReply ? <ReplyForm answer={answer} /> : null}
    </Card>
  );
}

function ReplyForm({ answer }: { answer: DisputeAnswer | undefined }) {
  const { t } = useTranslation("disputes");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useDisputeForm("reply", answer);
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-2">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="reply" />
      <TextareaField label={t("detail.replyLabel")} field={fields.body} rows={4} />
      <Button type="submit" disabled={busy}>
        {t("detail.send")}
      </Button>
    </Form>
  );
}
