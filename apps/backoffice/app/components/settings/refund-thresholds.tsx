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
import { Form, useNavigation } from "react-router";
import { useCsrfToken } from "../../use-csrf-token.ts";
import { FormErrors } from "../form-errors.tsx";

const columns: Column<RefundThreshold>[] = [
  {
    id: "currency",
    header: "Currency",
    rowHeader: true,
    cell: (t) => <span className="font-medium">{t.currency}</span>,
  },
  {
    id: "amount",
    header: "Approval needed above",
    align: "right",
    cell: (t) => <MoneyText amount={t.amount} currency={t.currency} className="font-medium" />,
  },
  {
    id: "updated",
    header: "Last changed",
    className: "max-sm:hidden",
    cell: (t) => <DateText value={t.updatedAt} mode="datetime" className="text-ink-muted" />,
  },
];

/** The amounts per currency. */
export function RefundThresholdTable({
  thresholds,
  className,
}: {
  thresholds: RefundThreshold[];
  className?: string;
}) {
  return (
    <Card title="Amounts per currency" flush className={className}>
      <DataTable
        caption="Refund approval amounts per currency"
        columns={columns}
        rows={thresholds}
        rowKey={(t) => t.currency}
        empty={
          <EmptyState
            title="No amounts set"
            description="Every refund needs a second staff member's approval until an amount is set."
          />
        }
      />
    </Card>
  );
}

/** One currency's amount, validated in the browser with the schema the server uses. */
export function RefundThresholdForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(SetRefundThresholdSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetRefundThresholdSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Card title="Set an amount">
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <CsrfInput token={csrf} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField
          label="Currency"
          field={fields.currency}
          maxLength={3}
          autoComplete="off"
          description="Three letters, e.g. USD."
          className="uppercase"
        />
        <MoneyField
          label="Approval needed above"
          field={fields.amount}
          currency={(fields.currency.value ?? "").toUpperCase() || "—"}
          maxLength={30}
          description="In that currency, e.g. 1000.00. 0 means every refund needs approval."
        />
        <Button type="submit" variant="primary" disabled={saving}>
          Save
        </Button>
      </Form>
    </Card>
  );
}
