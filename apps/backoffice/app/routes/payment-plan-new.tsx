import { randomUUID } from "node:crypto";
import { DeclinePlanRequestSchema, ProposePaymentPlanSchema } from "@settle/domain/plans/plan-forms";
import { getPlanProposalForm } from "@settle/domain/plans/plan-proposal-form";
import { declinePlanRequest } from "@settle/domain/plans/plan-requests";
import { proposePaymentPlan } from "@settle/domain/plans/propose-payment-plan";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import { redirect } from "react-router";
import { DeclineRequestForm } from "../components/plans/decline-request-form.tsx";
import { ProposePlanForm, planIssueWords } from "../components/plans/propose-plan-form.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { env } from "../env.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/payment-plan-new";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("payment-plans:title"));

/**
 * The account's open invoices to put on a plan, for those who may propose one (others: 403);
 * with `?request=<planId>`, pre-filled from the customer's request it answers; with
 * `?reschedules=<planId>`, a new schedule for that running plan's invoices.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const locale = await getLocale(request);
  const query = pageUrl(request).searchParams;
  const requestId = query.get("request");
  const reschedulesId = query.get("reschedules");
  const proposal = await load(() =>
    getPlanProposalForm(params.customerId, staff.actor, { locale, requestId, reschedulesId }),
  );
  return { proposal, idempotencyKey: `payment-plan-${randomUUID()}` };
}

/**
 * Offers the plan, then back to the account, which shows it with a toast naming it; or declines
 * the customer's request (`intent=decline-request`) with a message, back to the account too.
 */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  const t = await serverT(request, "payment-plans");
  const locale = await getLocale(request);
  const { customerId } = params;
  if (form.get("intent") === "decline-request") {
    return submitForm(
      form,
      DeclinePlanRequestSchema,
      (input) => declinePlanRequest({ ...input, customerId }, staff.actor),
      {
        words: refusalWordsIn(t),
        formatError: () => [t("payment-plans:decline.issue")],
        done: () => redirect(`/customers/${customerId}#payment-plans`),
      },
    );
  }
  return submitForm(
    form,
    ProposePaymentPlanSchema,
    (input) =>
      proposePaymentPlan({ ...input, customerId }, staff.actor, { locale, portalUrl: env.portalUrl }),
    {
      words: refusalWordsIn(t),
      formatError: planIssueWords(t),
      done: (plan) => redirect(`/customers/${plan.customerId}?proposed=${plan.id}#payment-plans`),
    },
  );
}

export default function PaymentPlanNew({ loaderData, actionData }: Route.ComponentProps) {
  const { proposal, idempotencyKey } = loaderData;
  const { t } = useTranslation("payment-plans");
  return (
    <>
      <PageHeader
        back={{ to: `/customers/${proposal.customer.id}`, label: t("back") }}
        title={t("title")}
        description={t("description", { name: proposal.customer.name })}
      />
      <ProposePlanForm
        proposal={proposal}
        idempotencyKey={idempotencyKey}
        lastResult={actionData?.reply.initialValue?.intent ? undefined : actionData?.reply}
      />
      {proposal.request ? (
        <DeclineRequestForm
          customerId={proposal.customer.id}
          request={proposal.request}
          lastResult={actionData?.reply.initialValue?.intent ? actionData.reply : undefined}
        />
      ) : null}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
