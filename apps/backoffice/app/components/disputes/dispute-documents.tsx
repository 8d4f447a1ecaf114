import { getFormProps } from "@conform-to/react";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { FileField, SelectField } from "@settle/ui/fields";
import { usePageLocale } from "@settle/ui/page-locale";
import type { TFunction } from "i18next";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { disputeIssueWords } from "./dispute-issue-words.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

/** "1.5 MB" in the page's language. */
function fileSize(bytes: number, locale: string, t: TFunction): string {
  const size = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return t("documents.bytes", { size: size.format(bytes) });
  if (bytes < 1024 * 1024) return t("documents.kilobytes", { size: size.format(bytes / 1024) });
  return t("documents.megabytes", { size: size.format(bytes / 1024 / 1024) });
}

/** The upload limits, for the hint (the domain enforces them). */
export interface UploadLimits {
  files: number;
  megabytes: number;
}

/** The dispute's documents (downloads), and the form to add more. */
export function DisputeDocuments({
  dispute: d,
  limits,
  answer,
}: {
  dispute: StaffDisputeView;
  limits: UploadLimits;
  answer?: IntentAnswer;
}) {
  const { t } = useTranslation("dispute");
  const locale = usePageLocale();
  return (
    <Card title={t("documents.title", { number: d.attachments.length })}>
      {d.attachments.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("documents.empty")}</p>
      ) : (
        <ul className="divide-y divide-line text-sm">
          {d.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <a
                  href={`/disputes/${d.id}/documents/${a.id}`}
                  download
                  className="font-medium text-brand-700 hover:underline"
                >
                  {a.fileName}
                </a>
                <span className="ms-2 text-xs text-ink-muted">
                  {a.contentType} · {fileSize(a.size, locale, t)} ·{" "}
                  <DateText value={a.createdAt} mode="datetime" />
                </span>
              </span>
              {a.visibility === "INTERNAL" ? <Badge tone="warning">{t("documents.internal")}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {d.can.comment ? <AttachForm limits={limits} answer={answer} /> : null}
    </Card>
  );
}

function AttachForm({ limits, answer }: { limits: UploadLimits; answer?: IntentAnswer }) {
  const { t } = useTranslation("dispute");
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(
    DisputePageFormSchema,
    "dispute-attach",
    replyFor(answer, "attach"),
    { visibility: "CUSTOMER" },
    disputeIssueWords(t),
  );
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-4 space-y-3 border-t border-line pt-4"
    >
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="attach" />
      <FormOutcome done={doneFor(answer, "attach")} errors={form.errors} id={form.errorId} />
      <FileField
        label={t("documents.add")}
        field={fields.attachments}
        multiple
        required
        description={t("documents.addHint", { ...limits })}
      />
      <SelectField
        label={t("documents.whoSees")}
        field={fields.visibility}
        options={[
          { value: "CUSTOMER", label: t("documents.customerAndStaff") },
          { value: "INTERNAL", label: t("documents.staffOnly") },
        ]}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("documents.upload")}
      </Button>
    </Form>
  );
}
