import { listRefundThresholds, setRefundThreshold } from "@settle/domain/payments/refund-thresholds";
import { Alert } from "@settle/ui/alert";
import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { CsrfInput } from "@settle/ui/csrf-input";
import { type Column, DataTable } from "@settle/ui/data-table";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { TextField } from "@settle/ui/fields";
import { act, load } from "@settle/web/domain-errors.server";
import { field } from "@settle/web/request.server";
import { Form, useNavigation } from "react-router";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { requireStaff } from "../session.server.ts";
import { useCsrfToken } from "../use-csrf-token.ts";
import type { Route } from "./+types/refund-approval";

export const meta: Route.MetaFunction = () => [{ title: "Refund approval · Settle back office" }];

/** Who may change the thresholds (the domain checks again). */
const EDITORS = ["AR_MANAGER", "ADMIN"];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const thresholds = await load(() => listRefundThresholds(staff.actor));
  return { thresholds, canEdit: staff.user.roles.some((r) => EDITORS.includes(r)) };
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  return act(async () => {
    const set = await setRefundThreshold(
      { currency: field(form, "currency") ?? "", amount: field(form, "amount") ?? "" },
      staff.actor,
    );
    return { ok: true as const, currency: set.currency, changed: set.changed };
  });
}

type Threshold = Route.ComponentProps["loaderData"]["thresholds"][number];

const columns: Column<Threshold>[] = [
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

export default function RefundApproval({ loaderData, actionData }: Route.ComponentProps) {
  const { thresholds, canEdit } = loaderData;
  const csrf = useCsrfToken();
  const saving = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Refund approval"
        description="A refund above its currency's amount needs a second staff member (an AR manager or administrator other than the requester) to approve it. In a currency without an amount, every refund needs approval."
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card title="Amounts per currency" flush className="lg:col-span-2">
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
        {canEdit ? (
          <Card title="Set an amount">
            <Form method="post" className="space-y-4">
              <CsrfInput token={csrf} />
              {actionData ? (
                actionData.ok ? (
                  <Alert tone="success" title={actionData.changed ? "Saved." : "No change."}>
                    {actionData.currency} refunds above the amount now need approval.
                  </Alert>
                ) : (
                  <Alert tone="danger" title="Not saved">
                    {actionData.message}
                  </Alert>
                )
              ) : null}
              <TextField
                label="Currency"
                name="currency"
                required
                maxLength={3}
                autoComplete="off"
                description="Three letters, e.g. USD."
                className="uppercase"
              />
              <TextField
                label="Approval needed above"
                name="amount"
                required
                inputMode="decimal"
                maxLength={30}
                description="In that currency, e.g. 1000.00. 0 means every refund needs approval."
              />
              <Button type="submit" variant="primary" disabled={saving}>
                Save
              </Button>
            </Form>
          </Card>
        ) : (
          <Card title="Who changes these">
            <p className="text-sm text-ink-muted">AR managers and administrators set these amounts.</p>
          </Card>
        )}
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
