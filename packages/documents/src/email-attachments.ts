import { matchPortalLocale } from "@settle/domain/base/portal-locales";
import type { EmailAttachmentRef } from "@settle/domain/email/enqueue-email";
import { getCardReceipt } from "@settle/domain/payments/payment-receipt";
import { renderReceiptPdf } from "./pdf/render-receipt-pdf.ts";
import { receiptDocument } from "./receipt-document.ts";
import type { DocumentLocale } from "./types.ts";

export interface RenderedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

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
        renderReceiptPdf(receiptDocument(receipt, language), out, { locale: language }),
      );
      return { filename: ref.filename, contentType: "application/pdf", content };
    }
  }
}
