import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { PORTAL_LOCALES } from "@settle/domain/base/portal-locales";
import { DISPUTE_REASONS } from "@settle/domain/disputes/dispute-forms";
import {
  STAFF_DISPUTE_CHANNELS,
  StaffRaiseDisputeFormSchema,
} from "@settle/domain/disputes/staff-dispute-forms";
import type { InvoiceDetail } from "@settle/domain/invoices/invoice-details";
import { Alert } from "@settle/ui/alert";
import { Button, LinkButton } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { FileField, SelectField, TextareaField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import { Trans } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import type { UploadLimits } from "./dispute-documents.tsx";
import { raiseIssueWords } from "./dispute-issue-words.ts";
import { useIntentForm } from "./intent-form.ts";
import { RaiseDisputeScope } from "./raise-dispute-scope.tsx";

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
  const { t } = useTranslation("dispute-new");
  const csrf = useCsrfToken();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useIntentForm(
    StaffRaiseDisputeFormSchema,
    "raise-dispute",
    lastResult,
    { channel: "PHONE", locale: "en", scope: "LINES" },
    raiseIssueWords(t),
  );
  if (invoice.openAmount <= 0n) {
    return <Alert tone="info">{t("form.paid", { number: invoice.number })}</Alert>;
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
          <Alert tone="danger" title={t("form.notLogged")}>
            {form.errors?.length ? <p>{form.errors.join(" ")}</p> : null}
            {heldBy ? (
              <Link to={`/disputes/${heldBy}`} className="font-medium underline">
                {t("form.openHeld")}
              </Link>
            ) : null}
            {filesRefused ? <p className="mt-1">{t("form.filesAgain")}</p> : null}
          </Alert>
        </div>
      ) : null}
      <Card
        title={t("form.invoice", { number: invoice.number })}
        actions={
          <Link
            to={`/disputes/new?customerId=${invoice.customer.id}`}
            className="text-sm text-brand-700 hover:underline"
          >
            {t("form.anotherInvoice")}
          </Link>
        }
      >
        <p className="text-sm text-ink-muted">
          <Trans
            t={t}
            i18nKey="form.summary"
            values={{ customer: invoice.customer.name, account: invoice.customer.accountNumber }}
            components={[
              <Link
                key="customer"
                to={`/customers/${invoice.customer.id}`}
                className="font-medium text-brand-700 hover:underline"
              />,
              <MoneyText key="total" amount={invoice.totals.total} currency={invoice.currency} />,
              <MoneyText
                key="open"
                amount={invoice.openAmount}
                currency={invoice.currency}
                className="font-medium text-ink"
              />,
            ]}
          />
          {invoice.inDispute ? (
            <Trans
              t={t}
              i18nKey="form.alreadyInDispute"
              components={[
                <MoneyText key="held" amount={invoice.inDispute.amount} currency={invoice.currency} />,
              ]}
            />
          ) : null}
        </p>
      </Card>
      <Card title={t("form.how")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("form.channel")}
            field={fields.channel}
            options={STAFF_DISPUTE_CHANNELS.map((c) => ({
              value: c,
              label: t(`labels:disputeChannel.${c}`),
            }))}
          />
          <SelectField
            label={t("form.language")}
            field={fields.locale}
            options={PORTAL_LOCALES.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
          />
          <TextField
            label={
              <Trans
                t={t}
                i18nKey="form.contactName"
                components={[<span key="hint" className="font-normal text-ink-muted" />]}
              />
            }
            field={fields.contactName}
            maxLength={200}
            autoComplete="off"
          />
          <TextField
            type="email"
            label={
              <Trans
                t={t}
                i18nKey="form.contactEmail"
                components={[<span key="hint" className="font-normal text-ink-muted" />]}
              />
            }
            field={fields.contactEmail}
            maxLength={254}
            autoComplete="off"
            description={t("form.contactEmailHint")}
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
      <Card title={t("form.why")}>
        <div className="space-y-4">
          <SelectField
            label={t("form.reason")}
            field={fields.reason}
            placeholder={t("form.choose")}
            options={DISPUTE_REASONS.map((r) => ({ value: r, label: t(`labels:disputeReason.${r}`) }))}
            className="max-w-sm"
          />
          <TextareaField label={t("form.description")} field={fields.description} rows={5} maxLength={5000} />
          <FileField
            label={
              <Trans
                t={t}
                i18nKey="form.documents"
                components={[<span key="hint" className="font-normal text-ink-muted" />]}
              />
            }
            field={fields.attachments}
            multiple
            description={t("dispute:documents.addHint", { ...limits })}
          />
        </div>
      </Card>
      <div className="flex gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          {t("form.submit")}
        </Button>
        <LinkButton to="/disputes" variant="ghost">
          {t("form.cancel")}
        </LinkButton>
      </div>
    </Form>
  );
}
