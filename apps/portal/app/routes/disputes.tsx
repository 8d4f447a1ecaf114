import { listCustomerDisputes } from "@settle/domain/disputes/list-disputes";
import { Badge } from "@settle/ui/badge";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { EmptyState } from "@settle/ui/empty-state";
import { MoneyText } from "@settle/ui/money-text";
import { PageHeader } from "@settle/ui/page-header";
import { load } from "@settle/web/domain-errors.server";
import { Link } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { useLocale } from "~/lib/root-data";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/disputes";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("disputes:title"));

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const disputes = await load(() => listCustomerDisputes({ customerId: params.customerId }, session.actor));
  return { disputes };
}

const OPEN = new Set(["OPEN", "UNDER_REVIEW"]);

export default function DisputesPage({ loaderData, params }: Route.ComponentProps) {
  const { disputes } = loaderData;
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  const base = `/accounts/${params.customerId}`;
  const cell = "border-b border-line px-4 py-2.5 text-start first:ps-5 last:pe-5";
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <AccountNav customerId={params.customerId} />
      {disputes.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card title={t("title")} flush>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-ink-muted uppercase">
                <tr>
                  <th scope="col" className={cell}>
                    {t("table.dispute")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("table.invoice")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("table.reason")}
                  </th>
                  <th scope="col" className={`${cell} text-end`}>
                    {t("table.amount")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("table.status")}
                  </th>
                  <th scope="col" className={cell}>
                    {t("table.raised")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {disputes.map((d) => (
                  <tr key={d.id}>
                    <td className={cell}>
                      <Link to={`${base}/disputes/${d.id}`} className="font-medium underline">
                        {d.label}
                      </Link>
                    </td>
                    <td className={cell}>
                      <Link to={`${base}/invoices/${d.invoice.id}`} className="underline">
                        {d.invoice.number}
                      </Link>
                    </td>
                    <td className={cell}>{t(`reasons.${d.reason}`)}</td>
                    <td className={`${cell} text-end`}>
                      <MoneyText amount={d.amount} currency={d.currency} locale={locale} />
                    </td>
                    <td className={cell}>
                      <Badge tone={OPEN.has(d.status) ? "warning" : "neutral"}>
                        {t(`statuses.${d.status}`)}
                      </Badge>
                    </td>
                    <td className={cell}>
                      <DateText value={d.createdAt} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
