import type { ExportColumn } from "@settle/documents/export/export-column";
import type { StaffActor } from "@settle/domain/actor";
import { ledgerToday } from "@settle/domain/customers/account-balances";
import {
  DISPUTE_REPORT_GROUPS,
  type DisputeReportGroup,
  type DisputeReportInput,
  getDisputeReport,
} from "@settle/domain/disputes/dispute-report";
import { pageUrl } from "@settle/web/request.server";
import { DISPUTE_REASON, REPORT_GROUP_LABELS } from "./dispute-labels.ts";

const DAY_MS = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The report's period and grouping from the URL; the last 90 days by reason unless asked. */
export function reportInput(request: Request): Required<Pick<DisputeReportInput, "from" | "to" | "groupBy">> {
  const params = pageUrl(request).searchParams;
  const today = ledgerToday();
  return {
    from: params.get("from") || iso(new Date(today.getTime() - 89 * DAY_MS)),
    to: params.get("to") || iso(today),
    // An unknown grouping (a hand-edited URL) falls back to the default rather than failing.
    groupBy: DISPUTE_REPORT_GROUPS.find((g) => g === params.get("groupBy")) ?? "reason",
  };
}

/** The report with its groups named for people (reason codes become their labels). */
export async function loadDisputeReport(input: DisputeReportInput, actor: StaffActor) {
  const report = await getDisputeReport(input, actor);
  return {
    ...report,
    rows: report.rows.map((r) => ({
      ...r,
      label:
        report.groupBy === "reason"
          ? (DISPUTE_REASON[r.label as keyof typeof DISPUTE_REASON] ?? r.label)
          : r.label,
    })),
  };
}

type Row = Awaited<ReturnType<typeof loadDisputeReport>>["rows"][number];

/** The report's columns for CSV and XLSX alike (cycle times in whole hours). */
export function reportColumns(groupBy: DisputeReportGroup): ExportColumn<Row>[] {
  return [
    { header: REPORT_GROUP_LABELS[groupBy], type: "text", value: (r) => r.label, width: 32 },
    { header: "Currency", type: "text", value: (r) => r.currency, width: 10 },
    { header: "Disputes", type: "integer", value: (r) => r.count },
    { header: "Open", type: "integer", value: (r) => r.open },
    { header: "Valid", type: "integer", value: (r) => r.valid },
    { header: "Partly valid", type: "integer", value: (r) => r.partial },
    { header: "Invalid", type: "integer", value: (r) => r.invalid },
    { header: "Withdrawn", type: "integer", value: (r) => r.withdrawn },
    { header: "Disputed", type: "money", value: (r) => ({ amount: r.disputedAmount, currency: r.currency }) },
    { header: "Credited", type: "money", value: (r) => ({ amount: r.creditedAmount, currency: r.currency }) },
    { header: "Average cycle (hours)", type: "integer", value: (r) => r.averageCycleHours },
    { header: "Median cycle (hours)", type: "integer", value: (r) => r.medianCycleHours },
    { header: "Longest cycle (hours)", type: "integer", value: (r) => r.maxCycleHours },
  ];
}

export function reportFileName(input: { from: string; to: string; groupBy: string }, ext: "csv" | "xlsx") {
  return `Disputes by ${input.groupBy} ${input.from} to ${input.to}.${ext}`;
}
