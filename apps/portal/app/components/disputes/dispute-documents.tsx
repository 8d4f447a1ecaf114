import { getFormProps } from "@conform-to/react";
import type { PortalDisputeView } from "@settle/domain/disputes/get-dispute";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { FileField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken, useLocale } from "~/lib/root-data";
import { type DisputeAnswer, useDisputeForm } from "./use-dispute-form";

/** The dispute's documents (always downloaded), and adding more while it is open. */
export function DisputeDocuments({
  dispute,
  base,
  answer,
}: {
  dispute: PortalDisputeView;
  base: string;
  answer: DisputeAnswer | undefined;
}) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  return (
    <Card title={t("detail.documents")}>
      {dispute.attachments.length === 0 ? (
        <p className="text-sm text-ink-muted">{t("detail.noDocuments")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {dispute.attachments.map((a) => (
            <li key={a.id}>
              <a
                href={`${base}/disputes/${dispute.id}/documents/${a.id}`}
                download
                className="underline"
                aria-label={t("detail.download", { name: a.fileName })}
              >
                <bdi>{a.fileName}</bdi>
              </a>{" "}
              <span className="text-ink-muted">
                · <DateText value={a.createdAt} locale={locale} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {dispute.canReply ? <UploadForm answer={answer} /> : null}
    </Card>
  );
}

function UploadForm({ answer }: { answer: DisputeAnswer | undefined }) {
  const { t } = useTranslation("disputes");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useDisputeForm("attach", answer);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-2">
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="attach" />
      <FileField
        label={t("detail.addDocuments")}
        description={t("raise.filesHint")}
        field={fields.files}
        multiple
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("detail.upload")}
      </Button>
    </Form>
  );
}
