import { SetRefundThresholdSchema } from "@settle/domain/payments/refund-forms";
import { listRefundThresholds, setRefundThreshold } from "@settle/domain/payments/refund-thresholds";
import { PageHeader } from "@settle/ui/page-header";
import { Toast } from "@settle/ui/toast";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { RouteError } from "../components/route-error.tsx";
import {
  RefundThresholdForm,
  RefundThresholdTable,
  thresholdIssueWords,
} from "../components/settings/refund-thresholds.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/refund-approval";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("refunds:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  return load(() => listRefundThresholds(staff.actor));
}

export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "refunds");
  const locale = await getLocale(request);
  return submitForm(
    form,
    SetRefundThresholdSchema,
    (input) => setRefundThreshold(input, staff.actor, { locale }),
    {
      words: refusalWordsIn(t),
      formatError: thresholdIssueWords(t),
      done: (set) => ({ message: t(set.changed ? "saved" : "unchanged", { currency: set.currency }) }),
    },
  );
}

export default function RefundApproval({ loaderData, actionData }: Route.ComponentProps) {
  const { thresholds } = loaderData;
  const { t } = useTranslation("refunds");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <RefundThresholdTable thresholds={thresholds} className="lg:col-span-2" />
        <RefundThresholdForm lastResult={actionData?.reply} />
      </div>
      <Toast message={actionData?.done?.message} dismiss={t("common:dismiss")} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
