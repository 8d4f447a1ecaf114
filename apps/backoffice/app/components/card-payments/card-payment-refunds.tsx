import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { typedAmountText } from "@settle/domain/money/typed-amount";
import type { CardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import { CardPaymentRefundFormSchema, REFUND_REASONS } from "@settle/domain/payments/refund-forms";
import { Alert } from "@settle/ui/alert";
import { Badge } from "@settle/ui/badge";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { SelectField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Trans } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { $ZodIssue } from "zod/v4/core";
import { useTranslation } from "../../i18n/use-translation.ts";
import { CHARGEBACK_STATUS_TONES, REFUND_STATUS_TONES } from "../../labels.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { DuplicateNotice, ReopenChoice, ReopenList } from "./refund-reopen.tsx";

type Refund = CardPaymentDetails["refunds"][number];
type Chargeback = CardPaymentDetails["chargebacks"][number];
type Reply = SubmissionResult<string[]>;

/** What the page says after a refund form did its work: what was done, and where the refund stands. */
export function refundOutcome(t: TFunction, intent: string, refund: { status: string }): string {
  return `${t(`card-payment:refunds.done.${intent}`)} ${t(`card-payment:refunds.stands.${refund.status}`)}`;
}

/** What a refund form's action answers when it did its work: the words, and what the refund reopens. */
export interface RefundDone {
  message: string;
  reopens?: { number: string; amount: bigint }[];
}

function issueKey(issues: readonly $ZodIssue[]): string {
  const field = issues[0]?.path[0];
  if (field === "amount") return "refunds.form.amountMissing";
  if (field === "reason") return "refunds.form.reasonMissing";
  if (field === "reopen") return "refunds.reopen.invalid";
  if (field === "note")
    return issues.some((i) => i.code === "too_big")
      ? "refunds.form.noteTooLong"
      : issues.some((i) => i.code === "custom")
        ? "refunds.form.noteForOther"
        : "refunds.form.noteToReject";
  // The hidden fields (ids, intent, the form's key) are never typed.
  return "refusals:codes.VALIDATION";
}

/** The refund forms' field errors in the page's language, the same in the browser and from the server. */
export const refundIssueWords = (t: TFunction) => (issues: readonly $ZodIssue[]) => [
  t(issueKey(issues), { ns: "card-payment" }),
];

/** The intent a reply answers (every refund form sends it as a field). */
const intentOf = (reply: Reply | undefined) =>
  typeof reply?.initialValue?.intent === "string" ? reply.initialValue.intent : null;

/** Refund requests with their approval and Stripe status, and the form to ask for one. */
export function RefundsPanel({
  payment: p,
  lastResult,
  done,
  formKey,
}: {
  payment: Pick<
    CardPaymentDetails,
    "refunds" | "refundable" | "can" | "currency" | "reopen" | "duplicates" | "refundSuggestion"
  >;
  /** The last refund form's reply (field and form errors), and what it did. */
  lastResult: Reply | undefined;
  done: RefundDone | null | undefined;
  /** A fresh idempotency key per rendering of the form: the same submission twice is one request. */
  formKey: string;
}) {
  const { t } = useTranslation("card-payment");
  const csrf = useCsrfToken();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const requesting = intentOf(lastResult) === "refund-request";
  // A decision's refusal (e.g. a rejection without a note) is said above the table; the request
  // form shows its own field errors.
  const refused =
    navigation.state !== "idle" || done
      ? []
      : Object.entries(lastResult?.error ?? {})
          .filter(([name]) => name === "" || (name !== "intent" && !requesting))
          .flatMap(([, errors]) => errors ?? []);
  const columns: Column<Refund>[] = [
    {
      id: "requested",
      header: t("refunds.requested"),
      rowHeader: true,
      cell: (r) => (
        <span className="block">
          <DateText value={r.requestedAt} mode="datetime" className="block text-xs whitespace-nowrap" />
          <span className="text-xs text-ink-muted">
            {r.source === "STRIPE" ? t("refunds.inStripe") : t("refunds.by", { name: r.requestedBy })}
          </span>
        </span>
      ),
    },
    {
      id: "reason",
      header: t("refunds.reason"),
      cell: (r) => (
        <span className="block text-sm">
          {t(`refunds.reasons.${r.reason}`)}
          {r.note ? <span className="block text-xs text-ink-muted">{r.note}</span> : null}
          {r.reopens.length ? (
            <ReopenList reopens={r.reopens} currency={p.currency} className="block text-xs text-ink-muted" />
          ) : null}
        </span>
      ),
    },
    {
      id: "status",
      header: t("refunds.status"),
      cell: (r) => (
        <span className="block space-y-1">
          <Badge tone={REFUND_STATUS_TONES[r.status]}>{t(`labels:refundStatus.${r.status}`)}</Badge>
          {r.decidedBy ? (
            <span className="block text-xs text-ink-muted">
              {t(
                `refunds.${r.status === "REJECTED" ? "rejectedBy" : "approvedBy"}${r.decisionNote ? "Why" : ""}`,
                { name: r.decidedBy, note: r.decisionNote },
              )}
            </span>
          ) : null}
          {r.failureReason ? <span className="block text-xs text-red-700">{r.failureReason}</span> : null}
          {r.reversed ? (
            <span className="block text-xs text-amber-800">{t("refunds.reversedAfter")}</span>
          ) : null}
          {r.lastError ? (
            <span className="block text-xs text-amber-800">{t("refunds.notConfirmed")}</span>
          ) : null}
          {r.stripeRefundId ? (
            <span className="block font-mono text-xs break-all text-ink-faint">{r.stripeRefundId}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: "amount",
      header: t("refunds.amount"),
      align: "right",
      cell: (r) => <MoneyText amount={r.amount} currency={p.currency} className="font-medium" />,
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("refunds.decision")}</span>,
      align: "right",
      cell: (r) =>
        r.can.sendAgain ? (
          <Form method="post">
            <CsrfInput token={csrf} />
            <input type="hidden" name="refundId" value={r.id} />
            <input type="hidden" name="intent" value="refund-send" />
            <Button type="submit" size="sm" variant="secondary" disabled={busy}>
              {t("refunds.sendAgain")}
            </Button>
          </Form>
        ) : r.can.decide ? (
          <Form method="post" className="flex flex-col items-end gap-2">
            <CsrfInput token={csrf} />
            <input type="hidden" name="refundId" value={r.id} />
            <TextField label={t("refunds.note")} name="note" className="w-48 text-start" maxLength={500} />
            <span className="flex gap-2">
              <Button type="submit" name="intent" value="refund-approve" size="sm" disabled={busy}>
                {t("refunds.approve")}
              </Button>
              <Button
                type="submit"
                name="intent"
                value="refund-reject"
                variant="danger"
                size="sm"
                disabled={busy}
              >
                {t("refunds.reject")}
              </Button>
            </span>
          </Form>
        ) : null,
    },
  ];
  return (
    <Card
      title={t("refunds.title")}
      flush
      actions={
        <span className="text-xs text-ink-muted">
          <Trans
            t={t}
            i18nKey="refunds.refundable"
            components={[<MoneyText key="refundable" amount={p.refundable} currency={p.currency} />]}
          />
        </span>
      }
    >
      {(done && navigation.state === "idle") || refused.length ? (
        <div className="p-4">
          <Alert tone={refused.length ? "danger" : "success"}>
            {refused.length ? refused.join(" ") : done?.message}
            {!refused.length && done?.reopens ? (
              <ReopenList reopens={done.reopens} currency={p.currency} className="block" />
            ) : null}
          </Alert>
        </div>
      ) : null}
      <DataTable
        caption={t("refunds.caption")}
        columns={columns}
        rows={p.refunds}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t("refunds.emptyTitle")} description={t("refunds.emptyDescription")} />}
      />
      {p.duplicates.of || p.duplicates.repeatedBy.length ? (
        <div className="border-t border-line p-4">
          <DuplicateNotice duplicates={p.duplicates} />
        </div>
      ) : null}
      {p.can.refund ? (
        <RefundRequestForm
          payment={p}
          currency={p.currency}
          formKey={formKey}
          busy={busy}
          lastResult={requesting ? lastResult : undefined}
        />
      ) : null}
    </Card>
  );
}

/** Asking for a refund, validated in the browser with the schema the server uses. */
function RefundRequestForm({
  payment: p,
  currency,
  formKey,
  busy,
  lastResult,
}: {
  payment: Pick<CardPaymentDetails, "reopen" | "refundSuggestion">;
  currency: string;
  formKey: string;
  busy: boolean;
  lastResult: Reply | undefined;
}) {
  const { t, i18n } = useTranslation("card-payment");
  const csrf = useCsrfToken();
  const reasons = useMemo(
    () => REFUND_REASONS.map((r) => ({ value: r, label: t(`refunds.reasons.${r}`) })),
    [t],
  );
  const [form, fields] = useForm({
    id: "refund-request",
    lastResult,
    // A duplicate payment: all of it back as a duplicate, as suggested.
    defaultValue: p.refundSuggestion
      ? {
          reason: p.refundSuggestion.reason,
          amount: typedAmountText(p.refundSuggestion.amount, currency, i18n.language),
        }
      : { reason: REFUND_REASONS[0] },
    constraint: getZodConstraint(CardPaymentRefundFormSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: CardPaymentRefundFormSchema, formatError: refundIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="space-y-4 border-t border-line p-4"
      aria-label={t("refunds.form.title")}
    >
      <CsrfInput token={csrf} />
      <input type="hidden" name="intent" value="refund-request" />
      <input type="hidden" name="idempotencyKey" value={formKey} />
      <h3 className="text-sm font-semibold text-ink">{t("refunds.form.title")}</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("refunds.form.amount", { currency })}
          field={fields.amount}
          inputMode="decimal"
          description={t("refunds.form.amountHint")}
        />
        <SelectField label={t("refunds.form.reason")} field={fields.reason} options={reasons} />
      </div>
      <ReopenChoice
        reopen={p.reopen}
        currency={currency}
        amount={fields.amount.value}
        errors={fields.reopen.errors}
      />
      <TextField
        label={t("refunds.form.note")}
        field={fields.note}
        maxLength={500}
        description={t("refunds.form.noteHint")}
      />
      <Button type="submit" disabled={busy}>
        {t("refunds.form.submit")}
      </Button>
    </Form>
  );
}

/** Card network chargebacks (Stripe disputes) on this payment. */
export function ChargebacksPanel({
  payment: p,
}: {
  payment: Pick<CardPaymentDetails, "chargebacks" | "currency">;
}) {
  const { t } = useTranslation("card-payment");
  if (p.chargebacks.length === 0) return null;
  const stripeWords = (group: string, code: string) =>
    t(`chargebacks.${group}.${code}`, { defaultValue: code.replaceAll("_", " ") });
  const columns: Column<Chargeback>[] = [
    {
      id: "opened",
      header: t("chargebacks.opened"),
      rowHeader: true,
      cell: (c) => <DateText value={c.openedAt} mode="datetime" className="text-xs whitespace-nowrap" />,
    },
    {
      id: "reason",
      header: t("chargebacks.reason"),
      cell: (c) => (
        <span className="block">
          {stripeWords("stripeReasons", c.stripeReason)}
          <span className="block font-mono text-xs break-all text-ink-faint">{c.stripeDisputeId}</span>
        </span>
      ),
    },
    {
      id: "status",
      header: t("chargebacks.status"),
      cell: (c) => (
        <span className="block">
          <Badge tone={CHARGEBACK_STATUS_TONES[c.status]}>{t(`labels:chargebackStatus.${c.status}`)}</Badge>
          <span className="block text-xs text-ink-muted">
            {t("chargebacks.stripeStatus", { status: stripeWords("stripeStatuses", c.stripeStatus) })}
          </span>
        </span>
      ),
    },
    {
      id: "amount",
      header: t("chargebacks.amount"),
      align: "right",
      cell: (c) => <MoneyText amount={c.amount} currency={p.currency} tone="danger" />,
    },
  ];
  return (
    <Card title={t("chargebacks.title")} flush>
      <DataTable
        caption={t("chargebacks.caption")}
        columns={columns}
        rows={p.chargebacks}
        rowKey={(c) => c.id}
      />
    </Card>
  );
}
