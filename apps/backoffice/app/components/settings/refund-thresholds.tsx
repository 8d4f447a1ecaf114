import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { SetRefundThresholdSchema } from "@settle/domain/payments/refund-forms";
import type { RefundThreshold } from "@settle/domain/payments/refund-thresholds";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyField, TextField } from "@settle/ui/fields";
import { MoneyText } from "@settle/ui/money-text";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Form, useNavigation } from "react-router";
import { useTranslation } from "../../i18n/use-translation.ts";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";

const columnsIn = (t: TFunction): Column<RefundThreshold>[] => [
  {
    id: "currency",
    header: t("table.currency"),
    rowHeader: true,
    cell: (t) => <span className="font-medium">{t.currency}</span>,
  },
  {
    id: "amount",
    header: t("table.above"),
    align: "right",
    cell: (t) => <MoneyText amount={t.amount} currency={t.currency} className="font-medium" />,
  },
  {
    id: "updated",
    header: t("table.updated"),
    className: "max-sm:hidden",
    cell: (t) => <DateText value={t.updatedAt} mode="datetime" className="text-ink-muted" />,
  },
];

/**
 * The form's field errors in the page's language (the schema's own messages are English), the
 * same in the browser and from the server.
 */
export const thresholdIssueWords = (t: TFunction) => (issues: readonly { path?: readonly PropertyKey[] }[]) =>
  issues.map((issue) =>
    t(issue.path?.[0] === "currency" ? "refunds:form.currencyInvalid" : "refunds:form.amountMissing"),
  );

/** The amounts per currency. */
export function RefundThresholdTable({
  thresholds,
  className,
}: {
  thresholds: RefundThreshold[];
  className?: string;
}) {
  const { t } = useTranslation("refunds");
  const columns = useMemo(() => columnsIn(t), [t]);
  return (
    <Card title={t("table.title")} flush className={className}>
      <DataTable
        caption={t("table.caption")}
        columns={columns}
        rows={thresholds}
        rowKey={(t) => t.currency}
        empty={<EmptyState title={t("table.emptyTitle")} description={t("table.emptyDescription")} />}
      />
    </Card>
  );
}

/** One currency's amount, validated in the browser with the schema the server uses. */
export function RefundThresholdForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("refunds");
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(SetRefundThresholdSchema),
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: SetRefundThresholdSchema, formatError: thresholdIssueWords(t) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Card title={t("form.title")}>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField
          label={t("form.currency")}
          field={fields.currency}
          maxLength={3}
          autoComplete="off"
          description={t("form.currencyHint")}
          className="uppercase"
        />
        <MoneyField
          label={t("form.amount")}
          field={fields.amount}
          currency={(fields.currency.value ?? "").toUpperCase() || "—"}
          maxLength={30}
          description={t("form.amountHint")}
        />
        <Button type="submit" variant="primary" disabled={saving}>
          {t("form.save")}
        </Button>
      </Form>
    </Card>
  );
}
