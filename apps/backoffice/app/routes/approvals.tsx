import { ApprovalActionSchema } from "@settle/domain/approvals/approval-forms";
import { listApprovals } from "@settle/domain/approvals/list-approvals";
import { approveDisputeResolution } from "@settle/domain/disputes/resolve-dispute";
import { approveRefund } from "@settle/domain/payments/decide-refund";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { ApprovalTable } from "../components/approvals/approval-table.tsx";
import { FormErrors } from "../components/form-errors.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/approvals";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("approvals:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const queue = await load(() => listApprovals(staff.actor));
  // "Waiting for 3 days" is counted from the server's clock, the same in the browser.
  return { ...queue, now: Date.now() };
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "approvals");
  return submitForm(
    form,
    ApprovalActionSchema,
    async (input) =>
      input.intent === "approve-refund"
        ? { intent: input.intent, status: (await approveRefund(input, staff.actor)).status }
        : { intent: input.intent, status: (await approveDisputeResolution(input, staff.actor)).status },
    {
      words: refusalWordsIn(t),
      done: (did) => ({
        message: t(did.intent === "approve-refund" ? "refundApproved" : "creditApproved"),
      }),
    },
  );
}

export default function Approvals({ loaderData, actionData }: Route.ComponentProps) {
  const { items, can, now } = loaderData;
  const { t } = useTranslation("approvals");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FormErrors errors={actionData?.reply.error?.[""] ?? undefined} title={t("notApproved")} />
      <ApprovalTable items={items} can={can} now={now} />
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
