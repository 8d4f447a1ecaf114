import { cardWords } from "@settle/domain/payments/payment-method-words";
import type { PaymentReceipt } from "@settle/domain/payments/payment-receipt";
import { documentIssuerOf } from "./issuer.ts";
import { pdfLabels } from "./pdf/labels.ts";
import type { DocumentLocale, ReceiptDocument } from "./types.ts";

const iso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A payment's receipt as its PDF shows it in `locale`: the card as the payer knows it ("Visa ••••
 * 4242"), other methods in the payer's words. The e-mailed receipt and the portal's download
 * render the same document.
 */
export function receiptDocument(receipt: PaymentReceipt, locale: DocumentLocale): ReceiptDocument {
  const labels = pdfLabels(locale);
  const method = receipt.method;
  return {
    issuer: documentIssuerOf(receipt.issuer),
    customer: {
      name: receipt.customer.name,
      accountNumber: receipt.customer.accountNumber,
      billingAddressLines: receipt.customer.billingAddress,
    },
    receiptNumber: receipt.receiptNumber,
    paymentDate: iso(receipt.paymentDate),
    currency: receipt.currency,
    amount: receipt.amount,
    paymentMethod: method ? (cardWords(method) ?? labels.paymentMethods[method.kind]) : null,
    paymentReference: receipt.paymentReference,
    applications: receipt.applications.map((a) => ({
      number: a.number,
      documentDate: iso(a.documentDate),
      amount: a.amount,
    })),
    unapplied: receipt.unapplied,
  };
}

/** The receipt's file name: its number, with nothing a file system or a header would object to. */
export const receiptFileName = (receiptNumber: string) =>
  `receipt-${receiptNumber.replace(/[^\w.-]+/g, "-")}.pdf`;
