import { isDomainError } from "@settle/domain/errors";
import { Alert } from "@settle/ui/alert";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { refusalOf } from "@settle/web/forms.server";
import { Trans } from "react-i18next";
import { ReportChart } from "../components/disputes/report-chart.tsx";
import { ReportPeriodForm } from "../components/disputes/report-period-form.tsx";
import { ReportGroups, ReportRepeats, ReportTotals } from "../components/disputes/report-tables.tsx";
import { RouteError } from "../components/route-error.tsx";
import { loadDisputeReport, reportInput } from "../dispute-report.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { pageMeta } from "../i18n/meta.ts";
import { refusalWordsIn } from "../i18n/refusal-words.ts";
import { useTranslation } from "../i18n/use-translation.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-report";

export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("dispute-report:title"));

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const input = reportInput(request);
  const t = await serverT(request, "dispute-report");
  try {
    return {
      input,
      report: await loadDisputeReport(input, staff.actor, t, await getLocale(request)),
      problem: null,
    };
  } catch (error) {
    // A period that is not one (a typo in a date, the end before the start): say so on the page.
    if (isDomainError(error) && error.code === "VALIDATION") {
      return { input, report: null, problem: refusalWordsIn(t)(refusalOf(error)) };
    }
    throwAsResponse(error);
  }
}

export default function DisputeReportPage({ loaderData }: Route.ComponentProps) {
  const { input, report, problem } = loaderData;
  const { t } = useTranslation("dispute-report");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ReportPeriodForm input={input} downloads={report !== null} />
      {problem || !report ? (
        <div role="alert">
          <Alert tone="danger" title={t("problem")}>
            {problem}
          </Alert>
        </div>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-ink-muted">
            <Trans
              t={t}
              i18nKey="raised"
              components={[
                <DateText key="from" value={report.from} />,
                <DateText key="to" value={report.to} />,
              ]}
            />{" "}
            <ReportTotals report={report} />
          </p>
          {report.rows.length > 0 ? (
            <Card title={t("chart.title")}>
              <ReportChart report={report} />
            </Card>
          ) : null}
          <ReportGroups report={report} />
          <ReportRepeats repeats={report.repeats} />
        </div>
      )}
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <RouteError error={error} />;
}
