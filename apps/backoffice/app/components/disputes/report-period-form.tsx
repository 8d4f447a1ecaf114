import { Button } from "@settle/ui/button";
import { Card } from "@settle/ui/card";
import { DateField, SelectField } from "@settle/ui/fields";
import { Form } from "react-router";
import { REPORT_GROUPS } from "../../dispute-labels.ts";
import { useTranslation } from "../../i18n/use-translation.ts";

/** The report's period and grouping (a GET form), and its downloads once there is a report. */
export function ReportPeriodForm({
  input,
  downloads,
}: {
  input: { from: string; to: string; groupBy: string };
  /** Offer the CSV and Excel files (not while the period is refused). */
  downloads: boolean;
}) {
  const { t } = useTranslation("dispute-report");
  const query = new URLSearchParams(input).toString();
  return (
    <Card className="mb-6">
      <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("period.form")}>
        <DateField
          label={t("period.from")}
          name="from"
          id="report-from"
          defaultValue={input.from}
          key={input.from}
        />
        <DateField label={t("period.to")} name="to" id="report-to" defaultValue={input.to} key={input.to} />
        <SelectField
          label={t("period.groupBy")}
          name="groupBy"
          id="report-group"
          defaultValue={input.groupBy}
          key={input.groupBy}
          options={REPORT_GROUPS.map((g) => ({ value: g, label: t(`labels:reportGroups.${g}`) }))}
        />
        <Button type="submit" variant="secondary">
          {t("period.show")}
        </Button>
        {downloads ? (
          <span className="ms-auto flex gap-3 text-sm">
            <a
              href={`/reports/disputes.csv?${query}`}
              download
              className="font-medium text-brand-700 hover:underline"
            >
              {t("period.csv")}
            </a>
            <a
              href={`/reports/disputes.xlsx?${query}`}
              download
              className="font-medium text-brand-700 hover:underline"
            >
              {t("period.excel")}
            </a>
          </span>
        ) : null}
      </Form>
    </Card>
  );
}
