import { renderInvoicePdf } from "@settle/documents/pdf/render-invoice-pdf";
import { getInvoice } from "@settle/domain/invoices/get-invoice";
import { load } from "@settle/web/domain-errors.server";
import { getLocale } from "~/i18n/i18n.server";
import { i18nFor } from "~/i18n/instance";
import { streamDownload } from "~/lib/downloads.server";
import { invoiceDocument, invoiceFileName } from "~/lib/invoice-documents.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/invoice-pdf";

/** One invoice's PDF, scoped exactly like its page: another account's invoice is a 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const invoice = await load(() =>
    getInvoice({ customerId: params.customerId, invoiceId: params.invoiceId }, session.actor),
  );
  const locale = await getLocale(request);
  const document = invoiceDocument(invoice, i18nFor(locale).t);
  return streamDownload(invoiceFileName(invoice), "pdf", (out) =>
    renderInvoicePdf(document, out, { locale }),
  );
}
