import { isDomainError } from "@settle/domain/errors";
import { Alert } from "@settle/ui/alert";
import { Card } from "@settle/ui/card";
import { DateText } from "@settle/ui/date-text";
import { PageHeader } from "@settle/ui/page-header";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { refusalOf } from "@settle/web/forms.server";
import { ReportChart } from "../components/disputes/report-chart.tsx";
import { ReportPeriodForm } from "../components/disputes/report-period-form.tsx";
import { ReportGroups, ReportRepeats, ReportTotals } from "../components/disputes/report-tables.tsx";
import { RouteError } from "../components/route-error.tsx";
import { loadDisputeReport, reportInput } from "../dispute-report.server.ts";
import { refusalWords } from "../refusals.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-report";

export const meta: Route.MetaFunction = () => [{ title: "Dispute report · Settle back office" }];

export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const input = reportInput(request);
  try {
    return { input, report: await loadDisputeReport(input, staff.actor), problem: null };
  } catch (error) {
    // A period that is not one (a typo in a date, the end before the start): say so on the page.
    if (isDomainError(error) && error.code === "VALIDATION") {
      return { input, report: null, problem: refusalWords(refusalOf(error)) };
    }
    throwAsResponse(error);
  }
}

export default function DisputeReportPage({ loaderData }: Route.ComponentProps) {
  const { input, report, problem } = loaderData;
  return (
    <>
      <PageHeader
        title="Dispute report"
        description="Root causes of the disputes raised in a period: how many, how much, how they ended and how long they took, and customers who dispute the same thing again and again."
      />
      <ReportPeriodForm input={input} downloads={report !== null} />
      {problem || !report ? (
        <div role="alert">
          <Alert tone="danger" title="Check the period">
            {problem}
          </Alert>
        </div>
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-ink-muted">
            Raised <DateText value={report.from} /> through <DateText value={report.to} />:{" "}
            <ReportTotals report={report} />
          </p>
          {report.rows.length > 0 ? (
            <Card title="Chart">
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
