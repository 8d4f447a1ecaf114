import { getStatement } from "@settle/domain/statements/get-statement";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";
import { AccountNav } from "~/components/account-nav";
import { FilterProblem } from "~/components/filter-problem";
import { RouteError } from "~/components/route-error";
import { AccountsCard } from "~/components/statement/accounts-card";
import { AgingCard } from "~/components/statement/aging-card";
import { StatementFilterForm } from "~/components/statement/statement-filter-form";
import { statementForPage } from "~/components/statement/statement-for-page";
import { StatementDescription, StatementDownloads } from "~/components/statement/statement-header";
import { StatementLines } from "~/components/statement/statement-lines";
import { OtherCurrencies, StatementSummary } from "~/components/statement/statement-summary";
import { pageMeta } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { filterProblem, searchParamsOf } from "~/lib/downloads.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/statement";

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageMeta(matches, (t) =>
    loaderData?.statement
      ? t("statement:metaTitle", { name: loaderData.statement.customer.name })
      : t("statement:title"),
  );

export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const query = searchParamsOf(request);
  try {
    const statement = await getStatement({ ...query, customerId: params.customerId }, session.actor);
    return { statement: statementForPage(statement), problem: null, query };
  } catch (error) {
    // A period or filter the statement cannot have: the form again, with what to change.
    const problem = filterProblem(error, "statement");
    if (problem) return data({ statement: null, problem, query }, { status: 400 });
    throwAsResponse(error);
  }
}

export default function StatementPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation("statement");
  const { statement, problem, query } = loaderData;
  const base = `/accounts/${params.customerId}`;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={statement ? <StatementDescription statement={statement} /> : undefined}
        actions={statement ? <StatementDownloads statement={statement} base={base} /> : null}
      />
      <AccountNav customerId={params.customerId} />
      <StatementFilterForm statement={statement} query={query} base={base} />
      <FilterProblem problem={problem} namespace="statement" />
      {statement ? (
        <div className="space-y-6">
          <OtherCurrencies statement={statement} />
          <StatementSummary statement={statement} />
          <div className="grid gap-6 lg:grid-cols-3">
            <AgingCard statement={statement} className="lg:col-span-1" />
            {statement.consolidated ? <AccountsCard statement={statement} className="lg:col-span-2" /> : null}
          </div>
          <StatementLines statement={statement} base={base} />
        </div>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
