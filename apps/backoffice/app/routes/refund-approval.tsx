import { SetRefundThresholdSchema } from "@settle/domain/payments/refund-forms";
import { listRefundThresholds, setRefundThreshold } from "@settle/domain/payments/refund-thresholds";
import { Card } from "@settle/ui/card";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { RouteError } from "../components/route-error.tsx";
import { RefundThresholdForm, RefundThresholdTable } from "../components/settings/refund-thresholds.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { refusalWords } from "../refusals.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/refund-approval";

export const meta: Route.MetaFunction = () => [{ title: "Refund approval · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  return load(() => listRefundThresholds(staff.actor));
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  return submitForm(form, SetRefundThresholdSchema, (input) => setRefundThreshold(input, staff.actor), {
    words: refusalWords,
    done: (set) => ({
      message: set.changed
        ? `Saved: ${set.currency} refunds above the amount now need approval.`
        : `No change: ${set.currency} already had that amount.`,
    }),
  });
}

export default function RefundApproval({ loaderData, actionData }: Route.ComponentProps) {
  const { thresholds, can } = loaderData;
  return (
    <>
      <PageHeader
        title="Refund approval"
        description="A refund above its currency's amount needs a second staff member (an AR manager or administrator other than the requester) to approve it. In a currency without an amount, every refund needs approval."
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <RefundThresholdTable thresholds={thresholds} className="lg:col-span-2" />
        {can.edit ? (
          <RefundThresholdForm lastResult={actionData?.reply} />
        ) : (
          <Card title="Who changes these">
            <p className="text-sm text-ink-muted">AR managers and administrators set these amounts.</p>
          </Card>
        )}
      </div>
      <Toast message={actionData?.done?.message} dismiss="Dismiss" />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
