import { writeXlsx } from "@settle/documents/export/write-xlsx";
import { getStatement } from "@settle/domain/statements/get-statement";
import { getLocale } from "~/i18n/i18n.server";
import { i18nFor } from "~/i18n/instance";
import { loadForDownload, searchParamsOf, streamDownload } from "~/lib/downloads.server";
import { statementColumns, statementExportRows, statementFileName } from "~/lib/statement-documents.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/statement-xlsx";

/** The statement page's lines as an Excel workbook with typed date and amount cells. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const statement = await loadForDownload("statement", () =>
    getStatement({ ...searchParamsOf(request), customerId: params.customerId }, session.actor, {
      allLines: true,
      lineDisputes: true,
    }),
  );
  const { t } = i18nFor(await getLocale(request));
  return streamDownload(statementFileName(statement, "xlsx"), "xlsx", (out) =>
    writeXlsx(statementColumns(statement, t), statementExportRows(statement, t), out, {
      sheetName: t("statement:export.sheet"),
    }),
  );
}
