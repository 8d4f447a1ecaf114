import { renderInvoicePdf } from "@settle/documents/pdf/render-invoice-pdf";
import { zipDocuments } from "@settle/documents/zip-documents";
import { getInvoices } from "@settle/domain/invoices/get-invoices";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { redirect } from "react-router";
import { getLocale } from "~/i18n/i18n.server";
import { i18nFor } from "~/i18n/instance";
import { filterProblem, streamDownload } from "~/lib/downloads.server";
import { invoiceDocument, invoiceFileName } from "~/lib/invoice-documents.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoices-zip";

/**
 * The PDFs of the invoices ticked on the list (`?id=…&id=…`), in one ZIP. One id of another
 * account makes the whole download a 404. PDFs are rendered one at a time as the archive asks.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoiceIds = pageUrl(request).searchParams.getAll("id");
  let invoices: Awaited<ReturnType<typeof getInvoices>>;
  try {
    invoices = await getInvoices({ customerId: params.customerId, invoiceIds }, session.actor);
  } catch (error) {
    // Nothing (or too much) ticked: back to the list, which says so. Other accounts stay a 404.
    const problem = filterProblem(error, "invoices");
    if (problem?.messageKey) {
      const selection = problem.messageKey.replace("invoices:problems.", "");
      throw redirect(`/accounts/${params.customerId}/invoices?selection=${encodeURIComponent(selection)}`);
    }
    throwAsResponse(error);
  }
  const locale = await getLocale(request);
  const { t } = i18nFor(locale);
  const accountNumber = invoices[0]?.customer.accountNumber ?? "invoices";
  return streamDownload(`invoices-${accountNumber}.zip`, "zip", (out) =>
    zipDocuments(
      invoices.map((invoice) => ({
        name: invoiceFileName(invoice),
        render: (entry) => renderInvoicePdf(invoiceDocument(invoice, t), entry, { locale }),
      })),
      out,
    ),
  );
}
