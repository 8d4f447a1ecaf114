import type { ReceiptDocument } from "../types.ts";
import {
  CONTENT_WIDTH,
  type Column,
  letterheadBlock,
  type MetaRow,
  partiesBlock,
  sectionHeadingBlock,
  summaryStripBlock,
  TYPE,
  tableHeaderBlock,
  tableRowBlock,
  wrappedCell,
} from "./document-parts.ts";
import type { FlowBlock } from "./flow.ts";
import type { DocumentFormat } from "./format.ts";
import { writeIssuedPdf } from "./issued-document.ts";
import { fillLabel, type PdfLabels } from "./labels.ts";
import { type PdfCanvas as Canvas, COLORS } from "./pdf-canvas.ts";
import type { RenderPdfOptions } from "./render-statement-pdf.ts";

/**
 * Streams a payment receipt PDF into `out`: letterhead, the customer, what was received (date,
 * method, reference, amount), the invoices it was applied to and anything not yet applied.
 */
export async function renderReceiptPdf(
  receipt: ReceiptDocument,
  out: NodeJS.WritableStream,
  options: RenderPdfOptions,
): Promise<void> {
  await writeIssuedPdf(
    out,
    options.locale,
    receipt,
    (labels) => `${labels.receiptTitle} ${receipt.receiptNumber}`,
    (canvas, labels, format) => receiptBlocks(canvas, receipt, labels, format),
  );
}

const APPLIED_COLUMNS: readonly Column[] = [
  { width: 110, align: "start" },
  { width: CONTENT_WIDTH - 110 - 140, align: "start" },
  { width: 140, align: "end" },
];

function receiptBlocks(canvas: Canvas, receipt: ReceiptDocument, labels: PdfLabels, format: DocumentFormat) {
  const blocks: FlowBlock[] = [
    letterheadBlock(canvas, receipt.issuer, labels, labels.receiptTitle, [
      receipt.receiptNumber,
      format.longDate(receipt.paymentDate),
    ]),
  ];
  const meta: MetaRow[] = [
    { label: labels.receiptNumber, value: receipt.receiptNumber },
    { label: labels.paymentDate, value: format.date(receipt.paymentDate) },
  ];
  if (receipt.paymentMethod) meta.push({ label: labels.paymentMethod, value: receipt.paymentMethod });
  meta.push({ label: labels.accountNumber, value: receipt.customer.accountNumber });
  meta.push({ label: labels.amountReceived, value: format.money(receipt.amount), strong: true });
  blocks.push(partiesBlock(canvas, receipt.customer, labels, meta));

  const applied = receipt.applications.reduce((sum, a) => sum + a.amount, 0n);
  blocks.push(
    summaryStripBlock(canvas, [
      { label: labels.amountReceived, value: format.money(receipt.amount) },
      { label: labels.appliedAmount, value: format.money(applied) },
      {
        label: labels.notYetApplied.split(" (")[0] ?? labels.notYetApplied,
        value: format.money(receipt.unapplied),
      },
    ]),
  );

  blocks.push(
    sectionHeadingBlock(
      canvas,
      labels.appliedTo,
      fillLabel(labels.amountsIn, { currency: format.currencyLabel }),
      4,
    ),
  );
  const header = tableHeaderBlock(canvas, APPLIED_COLUMNS, [labels.document, labels.date, labels.amount]);
  blocks.push(header);
  for (const application of receipt.applications) {
    blocks.push(
      tableRowBlock(
        canvas,
        APPLIED_COLUMNS,
        [
          wrappedCell(canvas, APPLIED_COLUMNS[0] as Column, application.number),
          application.documentDate ? format.date(application.documentDate) : "",
          format.figure(application.amount),
        ],
        { header },
      ),
    );
  }
  if (receipt.unapplied > 0n) {
    blocks.push(
      tableRowBlock(
        canvas,
        APPLIED_COLUMNS,
        [
          { text: labels.notYetApplied, span: 2, style: { ...TYPE.cell, color: COLORS.muted } },
          format.figure(receipt.unapplied),
        ],
        { header },
      ),
    );
  }
  blocks.push(
    tableRowBlock(
      canvas,
      APPLIED_COLUMNS,
      [{ text: labels.total, span: 2 }, format.figure(applied + receipt.unapplied)],
      { header, style: TYPE.cellBold, ruleAbove: true },
    ),
  );
  if (receipt.paymentReference) {
    blocks.push(
      sectionHeadingBlock(canvas, labels.paymentReference),
      tableRowBlock(canvas, [{ width: CONTENT_WIDTH, align: "start" }], [receipt.paymentReference]),
    );
  }
  blocks.push(
    tableRowBlock(
      canvas,
      [{ width: CONTENT_WIDTH, align: "start" }],
      [{ lines: canvas.wrap(labels.receiptNote, CONTENT_WIDTH - 8, TYPE.body, 4), style: TYPE.body }],
      { gapBefore: 12 },
    ),
  );
  return blocks;
}
