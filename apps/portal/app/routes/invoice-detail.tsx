import { getInvoice } from "@settle/domain/invoices/get-invoice";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { AccountNav } from "~/components/account-nav";
import { InvoiceStatusBadges } from "~/components/invoice-status-badges";
import { InvoicePlanNotice } from "~/components/invoices/in-plan-mark";
import { InvoiceActions, InvoiceDisputeNotice } from "~/components/invoices/invoice-detail-header";
import { InvoiceDetailsCard, InvoicePartiesCard } from "~/components/invoices/invoice-details-card";
import { InvoiceHowToPay } from "~/components/invoices/invoice-how-to-pay";
import { InvoiceLinesCard } from "~/components/invoices/invoice-lines-card";
import { InvoicePaymentsCard } from "~/components/invoices/invoice-payments-card";
import { InvoiceSummary } from "~/components/invoices/invoice-summary";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoice-detail";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData
      ? `${t(`common:kinds.${loaderData.invoice.kind}`)} ${loaderData.invoice.number}`
      : t("invoices:detail.metaTitle"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoice = await load(() =>
    getInvoice({ customerId: params.customerId, invoiceId: params.invoiceId }, session.actor),
  );
  return { invoice };
}

export default function InvoiceDetailPage({ loaderData, params }: Route.ComponentProps) {
  const { invoice } = loaderData;
  const { t } = useTranslation("invoices");
  const base = `/accounts/${params.customerId}`;

  return (
    <>
      <PageHeader
        back={{ to: `${base}/invoices`, label: t("detail.back") }}
        title={`${t(`common:kinds.${invoice.kind}`)} ${invoice.number}`}
        meta={<InvoiceStatusBadges status={invoice.status} />}
        description={
          <>
            <bdi>{invoice.customer.name}</bdi> ·{" "}
            <bdi>{t("accountNumber", { number: invoice.customer.accountNumber })}</bdi>
          </>
        }
        actions={<InvoiceActions invoice={invoice} customerId={params.customerId} />}
      />
      <AccountNav customerId={params.customerId} />
      <InvoiceDisputeNotice invoice={invoice} base={base} />
      <InvoicePlanNotice inPlan={invoice.inPlan} base={base} />
      <InvoiceSummary invoice={invoice} />
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-3">
          <InvoiceDetailsCard invoice={invoice} className="lg:col-span-2" />
          <InvoicePartiesCard invoice={invoice} />
        </div>
        <InvoiceLinesCard invoice={invoice} />
        <InvoicePaymentsCard invoice={invoice} />
        {invoice.openAmount > 0n ? <InvoiceHowToPay invoice={invoice} /> : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
