import { getFormProps } from "@conform-to/react";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { FileField, SelectField, TextareaField } from "@settle/ui/fields";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { useCsrfToken } from "~/lib/root-data";
import { RaiseScope } from "./raise-scope";
import { type RaiseAnswer, useRaiseDisputeForm } from "./use-raise-dispute-form";

/** Attachments the server accepts (it checks each file's content, not its name). */
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.xlsx,.xls,.csv,.txt,.docx,.eml,.msg";

/** The "dispute this invoice" form: what is disputed, why, and documents. */
export function RaiseDisputeForm({
  invoice,
  idempotencyKey,
  base,
  answer,
}: {
  invoice: InvoiceDetail;
  idempotencyKey: string;
  base: string;
  answer: RaiseAnswer | undefined;
}) {
  const { t } = useTranslation("disputes");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useRaiseDisputeForm(answer);
  const heldBy = answer?.heldBy;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <CsrfInput token={csrf} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {form.errors?.length ? (
        <Alert tone="danger">
          <p id={form.errorId}>{form.errors.join(" ")}</p>
          {heldBy ? (
            <Link to={`${base}/disputes/${heldBy.id}`} className="font-medium underline">
              {t("problems.openDispute", { label: heldBy.label })}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <RaiseScope invoice={invoice} base={base} fields={fields} errorsOf={(name) => form.allErrors[name]} />
      <Card title={t("raise.reason")}>
        <div className="space-y-4">
          <SelectField
            label={t("raise.reason")}
            field={fields.reason}
            placeholder={t("raise.chooseReason")}
            options={DISPUTE_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            className="max-w-md"
          />
          <TextareaField
            label={t("raise.description")}
            description={t("raise.descriptionHint")}
            field={fields.description}
            rows={5}
          />
          <FileField
            label={t("raise.files")}
            description={t("raise.filesHint")}
            field={fields.files}
            multiple
            accept={ACCEPT}
          />
        </div>
      </Card>
      <Button type="submit" disabled={busy}>
        {t("raise.submit")}
      </Button>
    </Form>
  );
}
