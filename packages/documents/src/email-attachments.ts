import { matchPortalLocale } from "@settle/domain/base/portal-locales";
import type { EmailAttachmentRef } from "@settle/domain/email/enqueue-email";
import { getCardReceipt } from "@settle/domain/payments/card-receipt";
import { documentIssuerOf } from "./issuer.ts";
import { renderReceiptPdf } from "./pdf/render-receipt-pdf.ts";
import type { DocumentLocale } from "./types.ts";

export interface RenderedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

async function collectPdf(render: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const { PassThrough } = await import("node:stream");
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await render(out);
  return Buffer.concat(chunks);
}

/**
 * Renders a document an outbox e-mail refers to, in its language. The worker calls it when it
 * sends, and the dev mailbox to show the attachment; an e-mail keeps only the reference.
 */
export async function renderEmailAttachment(ref: EmailAttachmentRef): Promise<RenderedAttachment> {
  const language: DocumentLocale = matchPortalLocale(ref.locale) ?? "en";
  switch (ref.kind) {
    case "card-receipt": {
      const receipt = await getCardReceipt(ref.id);
      const content = await collectPdf((out) =>
        renderReceiptPdf(
          {
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
            paymentMethod: receipt.paymentMethod,
            paymentReference: receipt.paymentReference,
            applications: receipt.applications.map((a) => ({
              number: a.number,
              documentDate: iso(a.documentDate),
              amount: a.amount,
            })),
            unapplied: receipt.unapplied,
          },
          out,
          { locale: language },
        ),
      );
      return { filename: ref.filename, contentType: "application/pdf", content };
    }
  }
}
