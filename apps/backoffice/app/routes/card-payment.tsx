import { randomUUID } from "node:crypto";
import { getCardPaymentDetails } from "@settle/domain/payments/card-payment-details";
import { approveRefund, rejectRefund } from "@settle/domain/payments/decide-refund";
import { CardPaymentRefundFormSchema } from "@settle/domain/payments/refund-forms";
import { requestRefund } from "@settle/domain/payments/request-refund";
import { retryRefund } from "@settle/domain/payments/send-refund";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import {
  Allocations,
  Applications,
  CardPaymentFacts,
  CardPaymentHeader,
  CardPaymentWarnings,
  History,
} from "../components/card-payments/card-payment-ledger.tsx";
import {
  ChargebacksPanel,
  type RefundDone,
  RefundsPanel,
  refundIssueWords,
  refundOutcome,
} from "../components/card-payments/card-payment-refunds.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/card-payment";

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  pageMeta(matches, (t) =>
    loaderData
      ? t("card-payment:title", { customer: loaderData.customer.name })
      : t("card-payment:fallbackTitle"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const details = await load(() => getCardPaymentDetails({ attemptId: params.attemptId }, staff.actor));
  return { ...details, refundFormKey: randomUUID() };
}

/** Refund requests and decisions; the domain checks roles, amounts and who may approve. */
export async function action({ request, params }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  requireCsrf(request, form);
  // The domain checks that a refund decided here belongs to this page's payment.
  const { attemptId } = params;
  const t = await serverT(request, "card-payment");
  const locale = await getLocale(request);
  return submitForm(
    form,
    CardPaymentRefundFormSchema,
    async (input) => {
      // A request also says which invoices will be open again, and by how much.
      const outcome = (refund: { status: string; reopens?: RefundDone["reopens"] }): RefundDone => {
        const message = refundOutcome(t, input.intent, refund);
        return refund.reopens && input.intent === "refund-request"
          ? { message, reopens: refund.reopens }
          : { message };
      };
      switch (input.intent) {
        case "refund-request":
          return outcome(await requestRefund({ ...input, attemptId }, staff.actor, { locale }));
        case "refund-approve":
          return outcome(await approveRefund({ ...input, attemptId }, staff.actor));
        case "refund-reject":
          return outcome(await rejectRefund({ ...input, attemptId }, staff.actor));
        case "refund-send":
          return outcome(await retryRefund({ ...input, attemptId }, staff.actor));
      }
    },
    { words: refusalWordsIn(t), formatError: refundIssueWords(t), done: (did) => did },
  );
}

export default function CardPayment({ loaderData: p, actionData }: Route.ComponentProps) {
  const applied = p.applications.reduce(
    (sum, a) => (a.reversed || a.kind !== "APPLY" ? sum : sum + a.amount),
    0n,
  );
  return (
    <>
      <CardPaymentHeader payment={p} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <CardPaymentWarnings payment={p} />
          <Allocations payment={p} />
          <Applications payment={p} applied={applied} />
          <ChargebacksPanel payment={p} />
          <RefundsPanel
            key={p.refundFormKey}
            payment={p}
            lastResult={actionData?.reply}
            done={actionData?.done}
            formKey={p.refundFormKey}
          />
          <History payment={p} />
        </div>
        <CardPaymentFacts payment={p} />
      </div>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
