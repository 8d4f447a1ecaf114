import { listPayments } from "@settle/domain/payments/list-payments";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";
import { AccountLine } from "~/components/account-line";
import { AccountNav } from "~/components/account-nav";
import { FilterProblem } from "~/components/filter-problem";
import { PaymentHistoryFilter } from "~/components/payment-history/payment-history-filter";
import { PaymentHistoryTable } from "~/components/payment-history/payment-history-table";
import { RouteError } from "~/components/route-error";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { filterProblem, searchParamsOf } from "~/lib/downloads.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-history";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData?.list
      ? t("payment-history:metaTitle", { name: loaderData.list.customer.name })
      : t("payment-history:title"),
  );

/** The Payments tab: every payment, credit and refund of the account, for every member. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const query = searchParamsOf(request);
  try {
    const list = await listPayments({ ...query, customerId: params.customerId }, session.actor);
    return { list, problem: null, query };
  } catch (error) {
    // A filter the list cannot apply: the form again, with what to change.
    const problem = filterProblem(error, "payment-history");
    if (problem) return data({ list: null, problem, query }, { status: 400 });
    throwAsResponse(error);
  }
}

export default function PaymentHistoryPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation("payment-history");
  const { list, problem, query } = loaderData;
  const base = `/accounts/${params.customerId}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={list ? <AccountLine customer={list.customer} /> : undefined}
      />
      <AccountNav customerId={params.customerId} />
      <p className="mb-6 max-w-3xl text-sm text-ink-muted">{t("intro")}</p>
      <PaymentHistoryFilter
        filters={list?.filters ?? null}
        sort={list ? { sort: list.sort, dir: list.dir } : null}
        query={query}
        base={base}
      />
      <FilterProblem problem={problem} namespace="payment-history" />
      {list ? <PaymentHistoryTable list={list} base={base} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
