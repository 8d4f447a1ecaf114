import type { DocumentLocale, StatementDocument, StatementLine } from "../types.ts";
import {
  type Cell,
  CONTENT_WIDTH,
  type Column,
  drawFooter,
  drawRunningHeader,
  FRAME,
  letterheadBlock,
  type MetaRow,
  partiesBlock,
  remittanceBlock,
  sectionHeadingBlock,
  summaryStripBlock,
  TYPE,
  tableHeaderBlock,
  tableRowBlock,
  wrappedCell,
} from "./document-parts.ts";
import { drawFlow, type FlowBlock } from "./flow.ts";
import { type DocumentFormat, documentFormat } from "./format.ts";
import { fillLabel, type PdfLabels, pdfLabels } from "./labels.ts";
import { COLORS, PdfCanvas } from "./pdf-canvas.ts";
import { forgetFontLayouts, PAGE, writePdf } from "./pdf-writer.ts";

export interface RenderPdfOptions {
  locale: DocumentLocale;
}

/**
 * Streams a statement PDF into `out` (page by page; see writePdf). Resolves when `out` has the
 * whole file. Labels, numbers and dates follow `options.locale`; Arabic is laid out right to left.
 */
export async function renderStatementPdf(
  statement: StatementDocument,
  out: NodeJS.WritableStream,
  options: RenderPdfOptions,
): Promise<void> {
  const { locale } = options;
  await writePdf(out, locale, async ({ doc, addPage }) => {
    const labels = pdfLabels(locale);
    const format = documentFormat(locale, statement.currency);
    const title = statement.openItemsOnly
      ? labels.openItemsTitle
      : statement.groups?.length
        ? labels.consolidatedTitle
        : labels.statementTitle;
    const { issuer, customer } = statement;
    const period = fillLabel(labels.periodRange, {
      from: format.date(statement.periodFrom),
      to: format.date(statement.periodTo),
    });
    doc.info.Title = `${title} · ${customer.name}`;
    doc.info.Author = issuer.name;
    doc.info.Subject = `${customer.accountNumber} · ${period}`;

    const canvas = new PdfCanvas(doc, locale, PAGE.width);
    // Blocks are made as the layout needs them, twice (once to count the pages, once to draw),
    // so memory does not grow with the number of lines.
    const blocks = () => statementBlocks(canvas, statement, labels, format, title);
    const running = `${title} · ${customer.name} · ${customer.accountNumber}`;
    const footerReference = statement.openItemsOnly
      ? fillLabel(labels.asOf, { date: format.date(statement.periodTo) })
      : period;
    await drawFlow(
      blocks,
      FRAME,
      async (index, count) => {
        await addPage();
        canvas.resetState();
        if (index > 0) drawRunningHeader(canvas, issuer, running);
        drawFooter(canvas, issuer, labels, footerReference, index, count);
      },
      { onCountedPage: () => forgetFontLayouts(doc) },
    );
  });
}

const STATEMENT_COLUMNS: readonly Column[] = (() => {
  // Sized for the longest header and type name of the four languages and eight-digit amounts.
  const widths = [52, 66, 68, 0, 56, 62, 62, 66];
  widths[3] = CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const aligns = ["start", "start", "start", "start", "start", "end", "end", "end"] as const;
  return widths.map((width, i) => ({ width, align: aligns[i] ?? "start" }));
})();

function sumLines(lines: readonly StatementLine[]) {
  let debits = 0n;
  let credits = 0n;
  for (const line of lines) {
    debits += line.debit ?? 0n;
    credits += line.credit ?? 0n;
  }
  return { debits, credits };
}

function* statementBlocks(
  canvas: PdfCanvas,
  statement: StatementDocument,
  labels: PdfLabels,
  format: DocumentFormat,
  title: string,
): Generator<FlowBlock> {
  const statementDate = statement.statementDate ?? statement.periodTo;
  const groups = statement.groups?.length ? statement.groups : null;
  const allLines = groups ? groups.flatMap((group) => group.lines) : statement.lines;
  const totals = sumLines(allLines);
  const closing = statement.closingBalance;

  yield letterheadBlock(canvas, statement.issuer, labels, title, [
    statement.openItemsOnly
      ? fillLabel(labels.asOf, { date: format.longDate(statement.periodTo) })
      : format.longDate(statementDate),
  ]);

  const meta: MetaRow[] = [
    { label: labels.accountNumber, value: statement.customer.accountNumber },
    { label: labels.statementDate, value: format.date(statementDate) },
  ];
  if (!statement.openItemsOnly) {
    meta.push({
      label: labels.period,
      value: fillLabel(labels.periodRange, {
        from: format.date(statement.periodFrom),
        to: format.date(statement.periodTo),
      }),
    });
  }
  meta.push({ label: labels.currency, value: statement.currency });
  meta.push(
    closing < 0n
      ? { label: labels.creditBalance, value: format.money(-closing), strong: true }
      : { label: labels.amountDue, value: format.money(closing), strong: true },
  );
  yield partiesBlock(canvas, statement.customer, labels, meta);

  yield summaryStripBlock(
    canvas,
    statement.openItemsOnly
      ? [
          { label: labels.openDebits, value: format.money(totals.debits) },
          { label: labels.openCredits, value: format.money(totals.credits) },
          { label: labels.closingBalance, value: format.money(closing), emphasis: true },
        ]
      : [
          { label: labels.openingBalance, value: format.money(statement.openingBalance) },
          { label: labels.totalDebits, value: format.money(totals.debits) },
          { label: labels.totalCredits, value: format.money(totals.credits) },
          { label: labels.closingBalance, value: format.money(closing), emphasis: true },
        ],
  );

  yield sectionHeadingBlock(
    canvas,
    statement.openItemsOnly ? labels.openItems : labels.accountActivity,
    fillLabel(labels.amountsIn, { currency: format.currencyLabel }),
    4,
  );
  const columns = STATEMENT_COLUMNS;
  const header = tableHeaderBlock(canvas, columns, [
    labels.date,
    labels.type,
    labels.number,
    labels.reference,
    labels.dueDate,
    labels.debit,
    labels.credit,
    labels.balance,
  ]);
  yield header;

  const lineRow = (line: StatementLine) =>
    tableRowBlock(
      canvas,
      columns,
      [
        format.date(line.date),
        labels.lineTypes[line.type],
        // The number is what a clerk matches on: always whole. A long reference gets three lines.
        wrappedCell(canvas, columns[2] as Column, line.number, Number.POSITIVE_INFINITY),
        wrappedCell(canvas, columns[3] as Column, line.reference, 3),
        line.dueDate ? format.date(line.dueDate) : "",
        line.debit != null ? format.figure(line.debit) : "",
        line.credit != null ? format.figure(line.credit) : "",
        format.figure(line.balance),
      ],
      { header },
    );
  const balanceRow = (
    date: string,
    label: string,
    balance: bigint,
    sums?: { debits: bigint; credits: bigint },
    closingRow = false,
  ) =>
    tableRowBlock(
      canvas,
      columns,
      [
        { text: format.date(date), style: TYPE.cell },
        { text: label, span: 3 },
        "",
        sums ? format.figure(sums.debits) : "",
        sums ? format.figure(sums.credits) : "",
        format.figure(balance),
      ] satisfies Cell[],
      { header, style: TYPE.cellBold, ruleAbove: closingRow, gapBefore: closingRow && groups ? 6 : 0 },
    );
  const emptyRow = () =>
    tableRowBlock(
      canvas,
      columns,
      [
        {
          text: statement.openItemsOnly ? labels.noOpenItems : labels.noActivity,
          span: columns.length,
          style: { ...TYPE.cell, color: COLORS.muted },
        },
      ],
      { header },
    );

  if (groups) {
    for (const group of groups) {
      yield tableRowBlock(
        canvas,
        columns,
        [{ text: `${group.accountNumber} · ${group.name}`, span: columns.length, style: TYPE.cellBold }],
        { header, band: "#f7f8fa", keepWithNext: true, gapBefore: 4 },
      );
      if (group.openingBalance != null && !statement.openItemsOnly) {
        yield balanceRow(statement.periodFrom, labels.openingBalance, group.openingBalance);
      }
      for (const line of group.lines) yield lineRow(line);
      if (group.lines.length === 0) yield emptyRow();
      const sums = sumLines(group.lines);
      yield tableRowBlock(
        canvas,
        columns,
        [
          { text: `${labels.accountSubtotal} · ${group.accountNumber}`, span: 5 },
          format.figure(sums.debits),
          format.figure(sums.credits),
          format.figure(group.subtotal),
        ],
        { header, style: TYPE.cellBold },
      );
    }
  } else {
    if (!statement.openItemsOnly) {
      yield balanceRow(statement.periodFrom, labels.openingBalance, statement.openingBalance);
    }
    for (const line of statement.lines) yield lineRow(line);
    if (statement.lines.length === 0) yield emptyRow();
  }
  yield balanceRow(statement.periodTo, labels.closingBalance, closing, totals, true);

  yield* agingBlocks(canvas, statement, labels, format);
  yield remittanceBlock(canvas, statement.issuer, labels, statement.paymentInstructions);
}

function agingBlocks(
  canvas: PdfCanvas,
  statement: StatementDocument,
  labels: PdfLabels,
  format: DocumentFormat,
): FlowBlock[] {
  const { aging } = statement;
  const buckets = [aging.current, aging.d1_30, aging.d31_60, aging.d61_90, aging.d91_120, aging.over120];
  const total = buckets.reduce((sum, amount) => sum + amount, 0n);
  const columns: Column[] = Array.from({ length: 7 }, () => ({ width: CONTENT_WIDTH / 7, align: "end" }));
  const header = tableHeaderBlock(canvas, columns, [
    labels.agingCurrent,
    labels.aging1to30,
    labels.aging31to60,
    labels.aging61to90,
    labels.aging91to120,
    labels.agingOver120,
    labels.total,
  ]);
  return [
    sectionHeadingBlock(
      canvas,
      labels.agingSummary,
      fillLabel(labels.amountsIn, { currency: format.currencyLabel }),
    ),
    header,
    tableRowBlock(
      canvas,
      columns,
      [
        ...buckets.map((amount) => format.figure(amount)),
        { text: format.figure(total), style: TYPE.cellBold },
      ],
      { header },
    ),
    ...(statement.inDispute && statement.inDispute > 0n
      ? [
          tableRowBlock(
            canvas,
            columns,
            [{ text: labels.agingInDispute, span: 6 }, format.figure(statement.inDispute)],
            { header },
          ),
        ]
      : []),
  ];
}
