import { writeXlsx } from "@settle/documents/export/write-xlsx";
import { load } from "@settle/web/domain-errors.server";
import { streamDownload } from "@settle/web/downloads.server";
import { loadDisputeReport, reportColumns, reportFileName, reportInput } from "../dispute-report.server.ts";
import { getLocale, serverT } from "../i18n/locale.server.ts";
import { requireStaff } from "../session.server.ts";
import type { Route } from "./+types/dispute-report-xlsx";

/** The root-cause report as an Excel workbook with typed cells (counts, amounts, hours). */
export async function loader({ request }: Route.LoaderArgs) {
  const staff = await requireStaff(request);
  const input = reportInput(request);
  const t = await serverT(request, "dispute-report");
  const locale = await getLocale(request);
  const report = await load(() => loadDisputeReport(input, staff.actor, t, locale));
  return streamDownload(reportFileName(input, "xlsx"), "xlsx", (out) =>
    writeXlsx(reportColumns(report.groupBy, t), report.rows, out, { sheetName: t("export.sheet") }),
  );
}
