import { listPaymentPlans } from "@settle/domain/plans/list-payment-plans";
import { getPortalHome } from "@settle/domain/portal/get-portal-home";
import { Badge } from "@settle/ui/badge";
import { DateText } from "@settle/ui/date-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { Trans } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { AccessCard } from "~/components/home/access-card";
import { ActivityCard } from "~/components/home/activity-card";
import { CreditsCard } from "~/components/home/credits-card";
import { CurrencyTable } from "~/components/home/currency-table";
import { HomeSummary, InDisputeNotice } from "~/components/home/home-summary";
import { HowToPayCard } from "~/components/home/how-to-pay-card";
import { OpenItemsCard } from "~/components/home/open-items-card";
import { PlansCard } from "~/components/home/plans-card";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { paymentTermsLabel } from "~/lib/labels";
import { useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/account-home";

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
  pageMeta(matches, (t) => loaderData?.home.customer.name ?? t("home:metaTitle"));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const [home, plans] = await Promise.all([
    load(() => getPortalHome({ customerId: params.customerId }, session.actor)),
    load(() => listPaymentPlans(params.customerId, session.actor)),
  ]);
  return { home, plans: plans.plans };
}

export default function AccountHome({ loaderData }: Route.ComponentProps) {
  const { home, plans } = loaderData;
  const { t } = useTranslation("home");
  const locale = useLocale();
  // Payers and administrators may ask for a plan on overdue invoices.
  const canRequestPlan = home.overdueInvoiceCount > 0 && home.role !== "VIEWER";

  return (
    <>
      <PageHeader
        title={<bdi>{home.customer.name}</bdi>}
        meta={<Badge tone="neutral">{t(`common:roles.${home.role}`)}</Badge>}
        description={
          <Trans
            t={t}
            i18nKey="description"
            values={{
              number: home.customer.accountNumber,
              terms: paymentTermsLabel(t, home.customer.paymentTermsCode, home.customer.paymentTermsDays),
            }}
            components={{ bdi: <bdi />, date: <DateText value={home.today} locale={locale} /> }}
          />
        }
      />
      <AccountNav customerId={home.customer.id} />
      <HomeSummary home={home} />
      <InDisputeNotice home={home} />
      {home.balances.length > 1 ? <CurrencyTable home={home} /> : null}
      <div className="space-y-6">
        {plans.length > 0 || canRequestPlan ? (
          <PlansCard customerId={home.customer.id} plans={plans} canRequest={canRequestPlan} />
        ) : null}
        <OpenItemsCard home={home} />
        {home.unappliedCredits.length > 0 ? <CreditsCard home={home} /> : null}
        <div className="grid gap-6 lg:grid-cols-3">
          <HowToPayCard home={home} className="lg:col-span-2" />
          <AccessCard home={home} />
        </div>
        <ActivityCard home={home} />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
