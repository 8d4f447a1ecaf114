import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { PORTAL_LOCALES } from "@settle/domain/base/portal-locales";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import { StaffRaiseDisputeFormSchema } from "@settle/domain/disputes/staff-dispute-forms";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { FileField, SelectField, TextareaField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Form, Link, useNavigation } from "react-router";
import { DISPUTE_REASON } from "../../dispute-labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import type { UploadLimits } from "./dispute-documents.tsx";
import { useIntentForm } from "./intent-form.ts";
import { RaiseDisputeScope } from "./raise-dispute-scope.tsx";

const CHANNELS = [
  { value: "PHONE", label: "Phone" },
  { value: "EMAIL", label: "E-mail" },
  { value: "CASH_APPLICATION", label: "Cash application (short payment)" },
];
const LOCALE_NAMES: Record<(typeof PORTAL_LOCALES)[number], string> = {
  en: "English",
  es: "Spanish",
  "pt-BR": "Portuguese (Brazil)",
  ar: "Arabic",
};
const LOCALES = PORTAL_LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }));
const REASONS = DISPUTE_REASONS.map((r) => ({ value: r, label: DISPUTE_REASON[r] }));

/**
 * Logging a dispute, step 3: how the customer told us, what they dispute and why. Validated in
 * the browser with the schema the action parses with.
 */
export function RaiseDisputeForm({
  invoice,
  idempotencyKey,
  limits,
  lastResult,
  heldBy,
}: {
  invoice: InvoiceDetail;
  idempotencyKey: string;
  limits: UploadLimits;
  lastResult: SubmissionResult<string[]> | undefined;
  /** The open dispute already holding what was disputed, when that was the refusal. */
  heldBy: string | null;
}) {
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useIntentForm(StaffRaiseDisputeFormSchema, "raise-dispute", lastResult, {
    channel: "PHONE",
    locale: "en",
    scope: "LINES",
  });
  if (invoice.openAmount <= 0n) {
    return <Alert tone="info">Invoice {invoice.number} is paid: nothing is left to dispute.</Alert>;
  }
  const typedKey = form.initialValue?.idempotencyKey;
  const filesRefused = Boolean(form.allErrors.attachments?.length);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <CsrfInput token={csrf} />
      <input
        type="hidden"
        name="idempotencyKey"
        value={typeof typedKey === "string" ? typedKey : idempotencyKey}
      />
      <input type="hidden" name="customerId" value={invoice.customer.id} />
      <input type="hidden" name="invoiceId" value={invoice.id} />
      {form.errors?.length || filesRefused ? (
        <div id={form.errorId}>
          <Alert tone="danger" title="The dispute was not logged">
            {form.errors?.length ? <p>{form.errors.join(" ")}</p> : null}
            {heldBy ? (
              <Link to={`/disputes/${heldBy}`} className="font-medium underline">
                Open the dispute already in progress
              </Link>
            ) : null}
            {filesRefused ? <p className="mt-1">Choose the documents again: nothing was stored.</p> : null}
          </Alert>
        </div>
      ) : null}
      <Card
        title={`Invoice ${invoice.number}`}
        actions={
          <Link
            to={`/disputes/new?customerId=${invoice.customer.id}`}
            className="text-sm text-brand-700 hover:underline"
          >
            Another invoice
          </Link>
        }
      >
        <p className="text-sm text-ink-muted">
          <Link
            to={`/customers/${invoice.customer.id}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {invoice.customer.name}
          </Link>{" "}
          ({invoice.customer.accountNumber}) ·{" "}
          <MoneyText amount={invoice.totals.total} currency={invoice.currency} /> · open{" "}
          <MoneyText
            amount={invoice.openAmount}
            currency={invoice.currency}
            className="font-medium text-ink"
          />
          {invoice.inDispute ? (
            <>
              {" "}
              · <MoneyText amount={invoice.inDispute.amount} currency={invoice.currency} /> already in dispute
            </>
          ) : null}
        </p>
      </Card>
      <Card title="How the customer told us">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Channel" field={fields.channel} options={CHANNELS} />
          <SelectField label="Their language" field={fields.locale} options={LOCALES} />
          <TextField
            label={
              <>
                Contact name <span className="font-normal text-ink-muted">(optional)</span>
              </>
            }
            field={fields.contactName}
            maxLength={200}
            autoComplete="off"
          />
          <TextField
            type="email"
            label={
              <>
                Contact e-mail <span className="font-normal text-ink-muted">(optional)</span>
              </>
            }
            field={fields.contactEmail}
            maxLength={254}
            autoComplete="off"
            description="Kept informed of progress. Empty: the account's primary contact."
          />
        </div>
      </Card>
      <RaiseDisputeScope
        invoice={invoice}
        scope={fields.scope}
        amount={fields.amount}
        initialValue={form.initialValue}
        errors={form.allErrors}
      />
      <Card title="Why">
        <div className="space-y-4">
          <SelectField
            label="Reason"
            field={fields.reason}
            placeholder="Choose…"
            options={REASONS}
            className="max-w-sm"
          />
          <TextareaField
            label="What the customer says is wrong"
            field={fields.description}
            rows={5}
            maxLength={5000}
          />
          <FileField
            label={
              <>
                Documents <span className="font-normal text-ink-muted">(optional)</span>
              </>
            }
            field={fields.attachments}
            multiple
            description={`PDF, images, Office files, e-mails, CSV or text; up to ${limits.files} files of ${limits.megabytes} MB each.`}
          />
        </div>
      </Card>
      <div className="flex gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          Log the dispute
        </Button>
        <LinkButton to="/disputes" variant="ghost">
          Cancel
        </LinkButton>
      </div>
    </Form>
  );
}
