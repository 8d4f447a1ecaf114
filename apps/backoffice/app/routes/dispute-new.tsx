import { randomUUID } from "node:crypto";
import { listCustomers } from "@settle/domain/customers/list-customers";
import { raiseDispute } from "@settle/domain/disputes/raise-dispute";
import {
  StaffRaiseDisputeFormSchema,
  staffRaiseDisputeInput,
} from "@settle/domain/disputes/staff-dispute-forms";
import { getInvoice } from "@settle/domain/invoices/get-invoice";
import { listInvoices } from "@settle/domain/invoices/list-invoices";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { type Refusal, submitForm } from "@settle/web/forms.server";
import { pageUrl } from "@settle/web/request.server";
import { uploadedFiles } from "@settle/web/uploads.server";
import { data, redirect } from "react-router";
import { ChooseCustomer } from "../components/disputes/choose-customer.tsx";
import { ChooseInvoice } from "../components/disputes/choose-invoice.tsx";
import { raiseIssueWords } from "../components/disputes/dispute-issue-words.ts";
import { RaiseDisputeForm } from "../components/disputes/raise-dispute-form.tsx";
import { RouteError } from "../components/route-error.tsx";
import { requireCsrf } from "../csrf.server.ts";
import { refuseTooLarge, UPLOAD_LIMITS } from "../dispute-uploads.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-new";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("dispute-new:title"));

/**
 * Three steps on one URL: choose the customer (search), then one of its open invoices, then the
 * dispute itself. Each step's choice is a query parameter, so the account page can link straight
 * to the last step for an invoice.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const params = pageUrl(request).searchParams;
  const customerId = params.get("customerId");
  const invoiceId = params.get("invoiceId");
  if (customerId && invoiceId) {
    const invoice = await load(() => getInvoice({ customerId, invoiceId }, staff.actor));
    return {
      step: "details" as const,
      invoice,
      idempotencyKey: `staff-dispute-${randomUUID()}`,
      limits: UPLOAD_LIMITS,
    };
  }
  if (customerId) {
    const locale = await getLocale(request);
    const list = await load(() =>
      listInvoices(
        {
          customerId,
          status: "open",
          q: params.get("iq") ?? undefined,
          sort: params.get("sort") ?? "due",
          dir: params.get("dir") ?? "asc",
          page: params.get("page") ?? undefined,
          // A dispute is on the customer's own invoice: a parent's list without its children's.
          consolidated: false,
        },
        staff.actor,
        { locale },
      ),
    );
    return { step: "invoice" as const, list };
  }
  const q = params.get("q")?.trim() ?? "";
  const customers = q ? await load(() => listCustomers({ q }, staff.actor)) : null;
  return { step: "customer" as const, q, customers };
}

/** Logs the dispute and opens it; a refusal names the open dispute already holding the invoice. */
export async function action({ request }: Route.ActionArgs) {
  const staff = await requireStaff(request);
  const t = await serverT(request, "dispute-new");
  const refusalWords = refusalWordsIn(t);
  const tooLarge = refuseTooLarge(request, {}, refusalWords);
  if (tooLarge) return tooLarge;
  const form = await request.formData();
  requireCsrf(request, form);
  const locale = await getLocale(request);
  let refusal: Refusal | null = null;
  const answer = await submitForm(
    form,
    StaffRaiseDisputeFormSchema,
    async (input) =>
      raiseDispute(staffRaiseDisputeInput(input, await uploadedFiles(form, "attachments")), staff.actor, {
        locale,
      }),
    {
      words: (refused) => {
        refusal = refused;
        return refusalWords(refused);
      },
      formatError: raiseIssueWords(t),
      done: (raised) => redirect(`/disputes/${raised.id}`),
    },
  );
  if (answer instanceof Response) return answer;
  const heldBy = (refusal as Refusal | null)?.values.disputeId;
  return data(
    { ...answer.data, heldBy: typeof heldBy === "string" ? heldBy : null },
    answer.init ?? undefined,
  );
}

export default function DisputeNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("dispute-new");
  return (
    <>
      <PageHeader
        back={{ to: "/disputes", label: t("back") }}
        title={t("title")}
        description={t("description")}
      />
      {loaderData.step === "customer" ? (
        <ChooseCustomer q={loaderData.q} customers={loaderData.customers} />
      ) : loaderData.step === "invoice" ? (
        <ChooseInvoice list={loaderData.list} />
      ) : (
        <RaiseDisputeForm
          invoice={loaderData.invoice}
          idempotencyKey={loaderData.idempotencyKey}
          limits={loaderData.limits}
          lastResult={actionData?.reply}
          heldBy={actionData && "heldBy" in actionData ? actionData.heldBy : null}
        />
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
