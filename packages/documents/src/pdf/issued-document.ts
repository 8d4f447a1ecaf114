import type { DocumentCustomer, DocumentIssuer, DocumentLocale } from "../types.ts";
import { drawFooter, drawRunningHeader, FRAME } from "./document-parts.ts";
import { drawFlow, type FlowBlock } from "./flow.ts";
import { type DocumentFormat, documentFormat } from "./format.ts";
import { type PdfLabels, pdfLabels } from "./labels.ts";
import { PdfCanvas } from "./pdf-canvas.ts";
import { PAGE, writePdf } from "./pdf-writer.ts";

/** One document an entity issues to one customer (an invoice, a receipt, a plan agreement). */
export interface IssuedDocument {
  issuer: DocumentIssuer;
  customer: DocumentCustomer;
  currency: string;
}

/**
 * Streams a document an entity issues to a customer into `out`: its metadata, its blocks flowed
 * over pages, a running header from the second page on and a footer on every page, all naming the
 * document as `reference(labels)` says (e.g. "Invoice INV-1"). Resolves when `out` has the file.
 */
export async function writeIssuedPdf(
  out: NodeJS.WritableStream,
  locale: DocumentLocale,
  document: IssuedDocument,
  reference: (labels: PdfLabels) => string,
  blocksOf: (canvas: PdfCanvas, labels: PdfLabels, format: DocumentFormat) => FlowBlock[],
): Promise<void> {
  await writePdf(out, locale, async ({ doc, addPage }) => {
    const labels = pdfLabels(locale);
    const format = documentFormat(locale, document.currency);
    const { issuer, customer } = document;
    const name = reference(labels);
    doc.info.Title = name;
    doc.info.Author = issuer.name;
    doc.info.Subject = `${customer.name} · ${customer.accountNumber}`;
    const canvas = new PdfCanvas(doc, locale, PAGE.width);
    const blocks = blocksOf(canvas, labels, format);
    await drawFlow(
      () => blocks,
      FRAME,
      async (index, count) => {
        await addPage();
        canvas.resetState();
        if (index > 0) drawRunningHeader(canvas, issuer, `${name} · ${customer.name}`);
        drawFooter(canvas, issuer, labels, name, index, count);
      },
    );
  });
}
