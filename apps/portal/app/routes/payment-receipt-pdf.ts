import { renderReceiptPdf } from "@settle/documents/pdf/render-receipt-pdf";
import { receiptDocument, receiptFileName } from "@settle/documents/receipt-document";
import { getPaymentReceipt } from "@settle/domain/payments/get-payment-receipt";
import { load } from "@settle/web/domain-errors.server";
import { getLocale } from "~/i18n/i18n.server";
import { streamDownload } from "~/lib/downloads.server";
import { requirePortalSession } from "~/session.server";
import type { Route } from "./+types/payment-receipt-pdf";

/** One payment's receipt PDF in the reader's language; another account's payment is a 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const session = await requirePortalSession(request);
  const receipt = await load(() =>
    getPaymentReceipt({ customerId: params.customerId, paymentId: params.paymentId }, session.actor),
  );
  const locale = await getLocale(request);
  return streamDownload(receiptFileName(receipt.receiptNumber), "pdf", (out) =>
    renderReceiptPdf(receiptDocument(receipt, locale), out, { locale }),
  );
}
