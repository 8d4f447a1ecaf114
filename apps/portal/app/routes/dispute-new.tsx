import { randomUUID } from "node:crypto";
import { chosenLines, PortalRaiseDisputeFormSchema } from "@settle/domain/disputes/portal-dispute-forms";
import { raiseDispute } from "@settle/domain/disputes/raise-dispute";
import { getInvoice } from "@settle/domain/invoices/get-invoice";
import { Alert } from "@settle/ui/alert";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { submitForm } from "@settle/web/forms.server";
import { uploadedFiles } from "@settle/web/uploads.server";
import { Trans } from "react-i18next";
import { data, redirect } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RaiseDisputeForm } from "~/components/disputes/raise-dispute-form";
import type { RaiseAnswer } from "~/components/disputes/use-raise-dispute-form";
import { RouteError } from "~/components/route-error";
import { verifyCsrf } from "~/csrf.server";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import {
  disputeFormWords,
  heldBy,
  onFormFields,
  refusedUnread,
  tooLargeRequest,
} from "~/lib/dispute-forms.server";
import { useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/dispute-new";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) => t("disputes:raise.metaTitle", { number: loaderData?.invoice.number ?? "" }));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoice = await load(() =>
    getInvoice({ customerId: params.customerId, invoiceId: params.invoiceId }, session.actor),
  );
  // The form's key: submitting it twice (a double click, a retry) makes one dispute.
  return { invoice, idempotencyKey: `portal-dispute-${randomUUID()}` };
}

/** The use case's fields as the form names them: its lines are the form's ticked `line`s. */
const formField = (field: string) => {
  if (field === "attachments") return "files";
  if (field === "lines") return "line";
  const line = /^lines\.(\d+)$/.exec(field);
  return line ? `lineAmount[${line[1]}]` : field;
};

export async function action({ request, params }: Route.ActionArgs) {
  const session = await requirePortalSession(request);
  const { t, locale, words, formatError } = await disputeFormWords(request);
  if (tooLargeRequest(request)) return refusedUnread(t("disputes:problems.tooLarge"), "files");
  const formData = await request.formData();
  verifyCsrf(request, formData);
  const { customerId, invoiceId } = params;
  let held: RaiseAnswer["heldBy"] = null;
  const answer = await submitForm(
    formData,
    PortalRaiseDisputeFormSchema,
    async (form) => {
      const attachments = await uploadedFiles(formData, "files");
      try {
        return await onFormFields(formField, () =>
          raiseDispute(
            {
              customerId,
              invoiceId,
              scope: form.scope,
              lines: chosenLines(form),
              amount: form.amount,
              reason: form.reason,
              description: form.description,
              attachments,
              idempotencyKey: form.idempotencyKey,
            },
            session.actor,
            { locale },
          ),
        );
      } catch (error) {
        held = heldBy(error);
        throw error;
      }
    },
    {
      words,
      formatError,
      done: (raised) => redirect(`/accounts/${customerId}/disputes/${raised.id}?raised=1`),
    },
  );
  // A refusal naming the dispute that already holds the invoice: the page links to it.
  if (held && !(answer instanceof Response)) return data({ ...answer.data, heldBy: held }, answer.init ?? {});
  return answer;
}

export default function DisputeNewPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const { invoice, idempotencyKey } = loaderData;
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const base = `/accounts/${params.customerId}`;

  return (
    <>
      <PageHeader
        back={{ to: `${base}/invoices/${invoice.id}`, label: t("raise.back") }}
        title={t("raise.title", { number: invoice.number })}
        description={
          <Trans
            t={t}
            i18nKey="raise.open"
            components={{
              amount: <MoneyText amount={invoice.openAmount} currency={invoice.currency} locale={locale} />,
            }}
          />
        }
      />
      <AccountNav customerId={params.customerId} />
      {invoice.openAmount <= 0n ? (
        <Alert tone="info">{t("raise.paid")}</Alert>
      ) : (
        <RaiseDisputeForm
          invoice={invoice}
          idempotencyKey={idempotencyKey}
          base={base}
          answer={actionData as RaiseAnswer | undefined}
        />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
