import { renderStatementPdf } from "@settle/documents/pdf/render-statement-pdf";
import { getStatement } from "@settle/domain/statements/get-statement";
import { getLocale } from "~/i18n/i18n.server";
import { i18nFor } from "~/i18n/instance";
import { loadForDownload, searchParamsOf, streamDownload } from "~/lib/downloads.server";
import { statementDocument, statementFileName } from "~/lib/statement-documents.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/statement-pdf";

/** The statement page's PDF: same parameters, every line, in the page's language. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const statement = await loadForDownload("statement", () =>
    getStatement({ ...searchParamsOf(request), customerId: params.customerId }, session.actor, {
      allLines: true,
    }),
  );
  const locale = await getLocale(request);
  const document = statementDocument(statement, i18nFor(locale).t);
  return streamDownload(statementFileName(statement, "pdf"), "pdf", (out) =>
    renderStatementPdf(document, out, { locale }),
  );
}
