import type { PlanAgreementDocument } from "../types.ts";
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
import type { PdfCanvas as Canvas } from "./pdf-canvas.ts";
import type { RenderPdfOptions } from "./render-statement-pdf.ts";

/**
 * Streams a payment plan agreement into `out`, for both sides: the customer, the invoices the
 * plan covers, the schedule (the down payment first) with its total, the terms, and who accepted
 * it and when, with the hash of the terms they accepted (or that it is an offer until its expiry).
 */
export async function renderPlanAgreementPdf(
  agreement: PlanAgreementDocument,
  out: NodeJS.WritableStream,
  options: RenderPdfOptions,
): Promise<void> {
  await writeIssuedPdf(
    out,
    options.locale,
    agreement,
    (labels) => `${labels.planAgreementTitle} ${agreement.planNumber}`,
    (canvas, labels, format) => agreementBlocks(canvas, agreement, labels, format),
  );
}

const THREE_COLUMNS: readonly Column[] = [
  { width: 170, align: "start" },
  { width: CONTENT_WIDTH - 170 - 140, align: "start" },
  { width: 140, align: "end" },
];
const ONE_COLUMN: readonly Column[] = [{ width: CONTENT_WIDTH, align: "start" }];

function agreementBlocks(
  canvas: Canvas,
  agreement: PlanAgreementDocument,
  labels: PdfLabels,
  format: DocumentFormat,
): FlowBlock[] {
  const { acceptance } = agreement;
  const blocks: FlowBlock[] = [
    letterheadBlock(canvas, agreement.issuer, labels, labels.planAgreementTitle, [agreement.planNumber]),
  ];
  const meta: MetaRow[] = [
    { label: labels.planNumber, value: agreement.planNumber },
    { label: labels.accountNumber, value: agreement.customer.accountNumber },
    acceptance
      ? { label: labels.planPayBy, value: labels[`planPayBy${acceptance.payBy}`] }
      : { label: labels.planOfferValid, value: format.date(agreement.expiresOn) },
    { label: labels.planTotal, value: format.money(agreement.total), strong: true },
  ];
  blocks.push(partiesBlock(canvas, agreement.customer, labels, meta));
  const covered = agreement.invoices.reduce((sum, i) => sum + i.amount, 0n);
  blocks.push(
    summaryStripBlock(canvas, [
      { label: labels.planCovers, value: format.money(covered) },
      { label: labels.planTotal, value: format.money(agreement.total) },
    ]),
  );

  const amountsIn = fillLabel(labels.amountsIn, { currency: format.currencyLabel });
  blocks.push(sectionHeadingBlock(canvas, labels.planCovers, amountsIn, 4));
  const invoiceHeader = tableHeaderBlock(canvas, THREE_COLUMNS, [
    labels.document,
    labels.dueDate,
    labels.amount,
  ]);
  blocks.push(invoiceHeader);
  for (const invoice of agreement.invoices) {
    blocks.push(
      tableRowBlock(
        canvas,
        THREE_COLUMNS,
        [
          wrappedCell(canvas, THREE_COLUMNS[0] as Column, invoice.number),
          invoice.dueDate ? format.date(invoice.dueDate) : "",
          format.figure(invoice.amount),
        ],
        { header: invoiceHeader },
      ),
    );
  }

  blocks.push(sectionHeadingBlock(canvas, labels.planSchedule, amountsIn, 4));
  const header = tableHeaderBlock(canvas, THREE_COLUMNS, ["", labels.dueDate, labels.amount]);
  blocks.push(header);
  for (const payment of agreement.schedule) {
    const name =
      payment.sequence === 0
        ? labels.planDownPayment
        : fillLabel(labels.planInstalment, { n: String(payment.sequence) });
    blocks.push(
      tableRowBlock(
        canvas,
        THREE_COLUMNS,
        [name, format.date(payment.dueDate), format.figure(payment.amount)],
        {
          header,
        },
      ),
    );
  }
  blocks.push(
    tableRowBlock(
      canvas,
      THREE_COLUMNS,
      [{ text: labels.planTotal, span: 2 }, format.figure(agreement.total)],
      {
        header,
        style: TYPE.cellBold,
        ruleAbove: true,
      },
    ),
  );

  blocks.push(
    tableRowBlock(
      canvas,
      ONE_COLUMN,
      [{ lines: canvas.wrap(labels.planTermsText, CONTENT_WIDTH - 8, TYPE.body, 6), style: TYPE.body }],
      { gapBefore: 12 },
    ),
    tableRowBlock(
      canvas,
      ONE_COLUMN,
      [
        acceptance
          ? fillLabel(labels.planAcceptedBy, { name: acceptance.name, date: format.date(acceptance.date) })
          : labels.planNotAccepted,
      ],
      { gapBefore: 8, style: TYPE.cellBold },
    ),
    tableRowBlock(canvas, ONE_COLUMN, [`${labels.planTermsVersion}: ${agreement.termsHash}`], {
      gapBefore: 4,
    }),
  );
  return blocks;
}
