import { getFormProps } from "@conform-to/react";
import type { StaffDisputeView } from "@settle/domain/disputes/get-dispute";
import { DisputePageFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { DateText } from "@settle/ui/date-text";
import { FileField, SelectField } from "@settle/ui/fields";
import { Form, useNavigation } from "react-router";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormOutcome } from "./form-outcome.tsx";
import { doneFor, type IntentAnswer, replyFor, useIntentForm } from "./intent-form.ts";

const sizeFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
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
  return (
    <Card title={`Documents (${d.attachments.length})`}>
      {d.attachments.length === 0 ? (
        <p className="text-sm text-ink-muted">No documents.</p>
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
                  {a.contentType} · {fileSize(a.size)} · <DateText value={a.createdAt} mode="datetime" />
                </span>
              </span>
              {a.visibility === "INTERNAL" ? <Badge tone="warning">Internal</Badge> : null}
            </li>
          ))}
        </ul>
      )}
      {d.can.comment ? <AttachForm limits={limits} answer={answer} /> : null}
    </Card>
  );
}

function AttachForm({ limits, answer }: { limits: UploadLimits; answer?: IntentAnswer }) {
  const busy = useNavigation().state === "submitting";
  const csrf = useCsrfToken();
  const [form, fields] = useIntentForm(DisputePageFormSchema, "dispute-attach", replyFor(answer, "attach"), {
    visibility: "CUSTOMER",
  });
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
        label="Add documents"
        field={fields.attachments}
        multiple
        required
        description={`PDF, images, Office files, e-mails, CSV or text; up to ${limits.files} files of ${limits.megabytes} MB each.`}
      />
      <SelectField
        label="Who sees them"
        field={fields.visibility}
        options={[
          { value: "CUSTOMER", label: "The customer and staff" },
          { value: "INTERNAL", label: "Staff only" },
        ]}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        Upload
      </Button>
    </Form>
  );
}
