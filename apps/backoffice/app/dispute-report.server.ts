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
import type { TFunction } from "i18next";

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

/**
 * The report with its groups named in the staff user's language: a reason by its label, the
 * disputes without a department by the catalogue's words; names of customers and the like as
 * they are.
 */
export async function loadDisputeReport(
  input: DisputeReportInput,
  actor: StaffActor,
  t: TFunction,
  locale: string,
) {
  const report = await getDisputeReport(input, actor, { locale });
  const label = (row: { key: string | null; label: string }) => {
    if (report.groupBy === "reason")
      return t(`labels:disputeReason.${row.label}`, { defaultValue: row.label });
    if (report.groupBy === "department" && row.key === null) return t("dispute-report:groups.noDepartment");
    return row.label;
  };
  return { ...report, rows: report.rows.map((r) => ({ ...r, label: label(r) })) };
}

type Row = Awaited<ReturnType<typeof loadDisputeReport>>["rows"][number];

/**
 * The report's columns for CSV and XLSX alike. Headers and the group's name are in the staff
 * user's language (as the portal's exports); the values stay machine-readable: the group's code
 * (reason code, or the department's, customer's or legal entity's id), currency codes, plain
 * decimal amounts and cycle times in whole hours.
 */
export function reportColumns(groupBy: DisputeReportGroup, t: TFunction): ExportColumn<Row>[] {
  const h = (key: string) => t(`dispute-report:export.${key}`);
  return [
    { header: t(`labels:reportGroups.${groupBy}`), type: "text", value: (r) => r.label, width: 32 },
    { header: h("code"), type: "text", value: (r) => r.key, width: 28 },
    { header: h("currency"), type: "text", value: (r) => r.currency, width: 10 },
    { header: h("disputes"), type: "integer", value: (r) => r.count },
    { header: h("open"), type: "integer", value: (r) => r.open },
    { header: h("valid"), type: "integer", value: (r) => r.valid },
    { header: h("partial"), type: "integer", value: (r) => r.partial },
    { header: h("invalid"), type: "integer", value: (r) => r.invalid },
    { header: h("withdrawn"), type: "integer", value: (r) => r.withdrawn },
    {
      header: h("disputed"),
      type: "money",
      value: (r) => ({ amount: r.disputedAmount, currency: r.currency }),
    },
    {
      header: h("credited"),
      type: "money",
      value: (r) => ({ amount: r.creditedAmount, currency: r.currency }),
    },
    { header: h("average"), type: "integer", value: (r) => r.averageCycleHours },
    { header: h("median"), type: "integer", value: (r) => r.medianCycleHours },
    { header: h("longest"), type: "integer", value: (r) => r.maxCycleHours },
  ];
}

/** "dispute-report-reason-2026-01-01-2026-03-31.csv": the same name in every language. */
export function reportFileName(input: { from: string; to: string; groupBy: string }, ext: "csv" | "xlsx") {
  return `dispute-report-${input.groupBy}-${input.from}-${input.to}.${ext}`;
}
