import type { InvoiceDocument } from "../types.ts";
import {
  CONTENT_START,
  CONTENT_WIDTH,
  type Column,
  letterheadBlock,
  type MetaRow,
  partiesBlock,
  remittanceBlock,
  sectionHeadingBlock,
  TYPE,
  tableHeaderBlock,
  tableRowBlock,
} from "./document-parts.ts";
import type { FlowBlock } from "./flow.ts";
import type { DocumentFormat } from "./format.ts";
import { writeIssuedPdf } from "./issued-document.ts";
import { fillLabel, type PdfLabels } from "./labels.ts";
import { COLORS, LINE_HEIGHT, type PdfCanvas, type TextStyle } from "./pdf-canvas.ts";
import type { RenderPdfOptions } from "./render-statement-pdf.ts";

/**
 * Streams an invoice PDF into `out`. Resolves when `out` has the whole file. Labels, numbers and
 * dates follow `options.locale`; Arabic is laid out right to left.
 */
export async function renderInvoicePdf(
  invoice: InvoiceDocument,
  out: NodeJS.WritableStream,
  options: RenderPdfOptions,
): Promise<void> {
  await writeIssuedPdf(
    out,
    options.locale,
    invoice,
    (labels) => `${labels.invoiceTitle} ${invoice.invoiceNumber}`,
    (canvas, labels, format) => invoiceBlocks(canvas, invoice, labels, format),
  );
}

const LINE_COLUMNS: readonly Column[] = (() => {
  const widths = [22, 62, 0, 38, 64, 44, 62, 56];
  widths[2] = CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const aligns = ["start", "start", "start", "end", "end", "end", "end", "end"] as const;
  return widths.map((width, i) => ({ width, align: aligns[i] ?? "start" }));
})();

const CELL_PADDING = 8;
const MAX_DESCRIPTION_LINES = 6;

function invoiceBlocks(
  canvas: PdfCanvas,
  invoice: InvoiceDocument,
  labels: PdfLabels,
  format: DocumentFormat,
): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  blocks.push(
    letterheadBlock(canvas, invoice.issuer, labels, labels.invoiceTitle, [
      invoice.invoiceNumber,
      format.longDate(invoice.documentDate),
    ]),
  );

  const meta: MetaRow[] = [
    { label: labels.invoiceNumber, value: invoice.invoiceNumber },
    { label: labels.invoiceDate, value: format.date(invoice.documentDate) },
  ];
  if (invoice.dueDate) meta.push({ label: labels.paymentDue, value: format.date(invoice.dueDate) });
  if (invoice.terms) meta.push({ label: labels.terms, value: invoice.terms });
  if (invoice.poNumber) meta.push({ label: labels.poNumber, value: invoice.poNumber });
  meta.push({ label: labels.accountNumber, value: invoice.customer.accountNumber });
  meta.push({ label: labels.currency, value: invoice.currency });
  meta.push({ label: labels.balanceDue, value: format.money(invoice.openAmount), strong: true });
  blocks.push(partiesBlock(canvas, invoice.customer, labels, meta));

  blocks.push(
    sectionHeadingBlock(
      canvas,
      labels.description,
      fillLabel(labels.amountsIn, { currency: format.currencyLabel }),
      4,
    ),
  );
  const header = tableHeaderBlock(canvas, LINE_COLUMNS, [
    labels.lineNo,
    labels.sku,
    labels.description,
    labels.quantity,
    labels.unitPrice,
    labels.taxRate,
    labels.netAmount,
    labels.taxAmount,
  ]);
  blocks.push(header);
  const descriptionWidth = (LINE_COLUMNS[2]?.width ?? 0) - CELL_PADDING;
  for (const line of invoice.lines) {
    blocks.push(
      tableRowBlock(
        canvas,
        LINE_COLUMNS,
        [
          String(line.lineNo),
          line.sku,
          { lines: canvas.wrap(line.description, descriptionWidth, TYPE.cell, MAX_DESCRIPTION_LINES) },
          format.quantity(line.quantityMilli),
          format.figure(line.unitPrice),
          format.percent(line.taxRateBp),
          format.figure(line.netAmount),
          format.figure(line.taxAmount),
        ],
        { header },
      ),
    );
  }

  blocks.push(totalsBlock(canvas, invoice, labels, format));

  if (invoice.payments.length > 0) {
    const columns: Column[] = [
      { width: 90, align: "start" },
      { width: CONTENT_WIDTH - 90 - 130, align: "start" },
      { width: 130, align: "end" },
    ];
    const paymentsHeader = tableHeaderBlock(canvas, columns, [labels.date, labels.document, labels.amount]);
    blocks.push(sectionHeadingBlock(canvas, labels.paymentsApplied), paymentsHeader);
    for (const payment of invoice.payments) {
      blocks.push(
        tableRowBlock(
          canvas,
          columns,
          [format.date(payment.date), payment.number, format.money(payment.amount)],
          { header: paymentsHeader },
        ),
      );
    }
  }

  blocks.push(remittanceBlock(canvas, invoice.issuer, labels, invoice.paymentInstructions));
  return blocks;
}

/** Tax per rate when the lines' taxes add up to the invoice's tax, otherwise one tax line. */
function taxRows(invoice: InvoiceDocument, labels: PdfLabels, format: DocumentFormat): [string, bigint][] {
  const byRate = new Map<number, bigint>();
  for (const line of invoice.lines) {
    byRate.set(line.taxRateBp, (byRate.get(line.taxRateBp) ?? 0n) + line.taxAmount);
  }
  let sum = 0n;
  for (const amount of byRate.values()) sum += amount;
  if (byRate.size === 0 || sum !== invoice.totals.tax) return [[labels.taxAmount, invoice.totals.tax]];
  return [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, amount]) => [fillLabel(labels.taxAt, { rate: format.percent(rate) }), amount]);
}

function totalsBlock(
  canvas: PdfCanvas,
  invoice: InvoiceDocument,
  labels: PdfLabels,
  format: DocumentFormat,
): FlowBlock {
  interface TotalRow {
    label: string;
    value: string;
    style: TextStyle;
    ruleAbove?: boolean;
    band?: boolean;
  }
  const rows: TotalRow[] = [
    { label: labels.subtotal, value: format.money(invoice.totals.net), style: TYPE.body },
    ...taxRows(invoice, labels, format).map(([label, amount]) => ({
      label,
      value: format.money(amount),
      style: TYPE.body,
    })),
    {
      label: labels.invoiceTotal,
      value: format.money(invoice.totals.gross),
      style: TYPE.bodyBold,
      ruleAbove: true,
    },
  ];
  if (invoice.amountPaid !== 0n) {
    rows.push({ label: labels.amountPaid, value: format.money(-invoice.amountPaid), style: TYPE.body });
  }
  rows.push({
    label: labels.balanceDue,
    value: format.money(invoice.openAmount),
    style: { size: 10, weight: "bold", color: COLORS.accent },
    band: true,
  });
  const rowHeight = 15;
  const width = 250;
  const start = CONTENT_START + CONTENT_WIDTH - width;
  return {
    height: rows.length * rowHeight + 10,
    gapBefore: 8,
    draw(y) {
      let top = y;
      for (const row of rows) {
        const height = row.band ? rowHeight + 4 : rowHeight;
        if (row.band) canvas.band(start, top + 2, width, height, "#e8eef6");
        if (row.ruleAbove) canvas.rule(start, top + 1, width, COLORS.muted, 0.6);
        const textTop = top + (height - row.style.size * LINE_HEIGHT) / 2 + (row.band ? 2 : 0.5);
        canvas.text(row.label, start + 8, textTop, width * 0.55, row.style);
        canvas.text(row.value, start + width * 0.45, textTop, width * 0.55 - 8, row.style, "end");
        top += height;
      }
    },
  };
}
