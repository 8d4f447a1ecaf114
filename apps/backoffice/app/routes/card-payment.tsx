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
  RefundsPanel,
  refundOutcome,
} from "../components/card-payments/card-payment-refunds.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { refusalWords } from "../refusals.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/card-payment";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  {
    title: loaderData
      ? `Card payment · ${loaderData.customer.name} · Settle back office`
      : "Card payment · Settle back office",
  },
];

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
  return submitForm(
    form,
    CardPaymentRefundFormSchema,
    async (input) => {
      switch (input.intent) {
        case "refund-request":
          return refundOutcome(
            "Refund requested.",
            await requestRefund({ ...input, attemptId }, staff.actor),
          );
        case "refund-approve":
          return refundOutcome("Approved.", await approveRefund({ ...input, attemptId }, staff.actor));
        case "refund-reject":
          return refundOutcome("Rejected.", await rejectRefund({ ...input, attemptId }, staff.actor));
        case "refund-send":
          return refundOutcome("Sent again.", await retryRefund({ ...input, attemptId }, staff.actor));
      }
    },
    { words: refusalWords, done: (message) => ({ message }) },
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
