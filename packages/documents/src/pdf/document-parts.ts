import type { DocumentCustomer, DocumentIssuer } from "../types.ts";
import type { FlowBlock, PageFrame } from "./flow.ts";
import { fillLabel, type PdfLabels } from "./labels.ts";
import {
  type Align,
  COLORS,
  LINE_HEIGHT,
  linesHeight,
  type PdfCanvas,
  type TextStyle,
} from "./pdf-canvas.ts";
import { PAGE } from "./pdf-writer.ts";

/** Building blocks shared by the statement and the invoice: letterhead, parties, tables, remittance. */

export const CONTENT_START = PAGE.margin;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const RUNNING_HEADER_HEIGHT = 24;
const FOOTER_RULE_Y = PAGE.height - 40;

export const FRAME: PageFrame = {
  firstTop: PAGE.margin,
  top: PAGE.margin + RUNNING_HEADER_HEIGHT,
  bottom: FOOTER_RULE_Y - 12,
};

export const TYPE = {
  title: { size: 16, weight: "bold", color: COLORS.accent },
  issuer: { size: 12.5, weight: "bold" },
  detail: { size: 8, color: COLORS.muted },
  label: { size: 6.8, weight: "bold", color: COLORS.muted },
  body: { size: 8.2 },
  bodyBold: { size: 8.2, weight: "bold" },
  name: { size: 10.5, weight: "bold" },
  cell: { size: 7.5 },
  cellBold: { size: 7.5, weight: "bold" },
  cellHeader: { size: 6.8, weight: "bold", color: COLORS.muted },
  section: { size: 9, weight: "bold" },
  caption: { size: 7, color: COLORS.faint },
  footer: { size: 6.8, color: COLORS.faint },
} satisfies Record<string, TextStyle>;

export interface Column {
  width: number;
  align: Align;
}

export type Cell =
  | string
  | null
  | undefined
  | { text?: string; lines?: readonly string[]; span?: number; style?: TextStyle };

const CELL_PAD_X = 4;
const ROW_HEIGHT = 14.5;
const HEADER_HEIGHT = 17;
const lineStep = (size: number) => size * LINE_HEIGHT + 1.5;
const textTop = (y: number, height: number, size: number) => y + (height - size * LINE_HEIGHT) / 2 + 0.6;

/**
 * A cell whose text wraps inside its column instead of being cut: document numbers and
 * references are what a clerk matches on, so they are printed whole (up to `maxLines` lines).
 */
export function wrappedCell(
  canvas: PdfCanvas,
  column: Column,
  text: string | null | undefined,
  maxLines = 3,
  style: TextStyle = TYPE.cell,
): Cell {
  if (!text) return "";
  return { lines: canvas.wrap(text, column.width - 2 * CELL_PAD_X, style, maxLines), style };
}

const upper = (text: string, locale: string) => text.toLocaleUpperCase(locale);

/** Issuer name and address at the start, the document title at the end, a rule below. */
export function letterheadBlock(
  canvas: PdfCanvas,
  issuer: DocumentIssuer,
  labels: PdfLabels,
  title: string,
  subtitle: readonly string[],
): FlowBlock {
  // The title takes the width it needs (up to 60%), the issuer's name wraps in what is left.
  const subtitleStyle: TextStyle = { ...TYPE.body, color: COLORS.muted };
  const titleWidth = Math.min(
    Math.max(
      canvas.measure(title, TYPE.title),
      ...subtitle.map((line) => canvas.measure(line, subtitleStyle)),
    ) + 2,
    CONTENT_WIDTH * 0.6,
  );
  const issuerWidth = CONTENT_WIDTH - titleWidth - 24;
  const detailLines = [...issuer.addressLines];
  if (issuer.taxId) detailLines.push(`${labels.taxId}: ${issuer.taxId}`);
  const nameLines = canvas.wrap(issuer.name, issuerWidth, TYPE.issuer, 2);
  const startHeight =
    linesHeight(nameLines.length, TYPE.issuer.size) + 3 + linesHeight(detailLines.length, TYPE.detail.size);
  const titleLines = canvas.wrap(title, titleWidth, TYPE.title, 2);
  const endHeight =
    linesHeight(titleLines.length, TYPE.title.size) + 3 + linesHeight(subtitle.length, TYPE.body.size);
  const height = Math.max(startHeight, endHeight) + 16;
  return {
    height,
    draw(y) {
      let top = y + canvas.lines(nameLines, CONTENT_START, y, issuerWidth, TYPE.issuer) + 3;
      canvas.lines(detailLines, CONTENT_START, top, issuerWidth, TYPE.detail);
      const titleStart = CONTENT_START + CONTENT_WIDTH - titleWidth;
      top = y + canvas.lines(titleLines, titleStart, y, titleWidth, TYPE.title, "end") + 3;
      canvas.lines(subtitle, titleStart, top, titleWidth, subtitleStyle, "end");
      canvas.rule(CONTENT_START, y + height - 8, CONTENT_WIDTH, COLORS.rule, 0.8);
    },
  };
}

const METRIC_STRONG: TextStyle = { ...TYPE.bodyBold, size: 9.2 };

export interface MetaRow {
  label: string;
  value: string;
  strong?: boolean;
}

/** The customer's name and address at the start, the document's key facts at the end. */
export function partiesBlock(
  canvas: PdfCanvas,
  customer: DocumentCustomer,
  labels: PdfLabels,
  meta: readonly MetaRow[],
): FlowBlock {
  const startWidth = CONTENT_WIDTH * 0.5;
  const metaWidth = CONTENT_WIDTH * 0.44;
  const metaStart = CONTENT_START + CONTENT_WIDTH - metaWidth;
  const nameLines = canvas.wrap(customer.name, startWidth, TYPE.name, 2);
  const addressLines = customer.billingAddressLines.flatMap((line) =>
    canvas.wrap(line, startWidth, TYPE.body),
  );
  const startHeight =
    lineStep(TYPE.label.size) +
    3 +
    linesHeight(nameLines.length, TYPE.name.size) +
    2 +
    linesHeight(addressLines.length, TYPE.body.size);
  const metaRowHeight = 13;
  // Labels take what they need, values get the rest (Arabic and Portuguese labels run long).
  const labelWidth = Math.min(
    metaWidth * 0.55,
    Math.max(...meta.map((row) => canvas.measure(row.label, row.strong ? METRIC_STRONG : TYPE.body))) + 10,
  );
  const metaHeight = meta.reduce((sum, row) => sum + (row.strong ? metaRowHeight + 5 : metaRowHeight), 0);
  const height = Math.max(startHeight, metaHeight) + 14;
  return {
    height,
    draw(y) {
      canvas.text(upper(labels.customer, canvas.locale), CONTENT_START, y, startWidth, TYPE.label);
      let top = y + lineStep(TYPE.label.size) + 3;
      top += canvas.lines(nameLines, CONTENT_START, top, startWidth, TYPE.name) + 2;
      canvas.lines(addressLines, CONTENT_START, top, startWidth, TYPE.body);

      let rowY = y - 2;
      for (const row of meta) {
        if (row.strong) {
          canvas.rule(metaStart, rowY + 2, metaWidth, COLORS.rule);
          rowY += 5;
        }
        const style = row.strong ? METRIC_STRONG : TYPE.body;
        const top = textTop(rowY, metaRowHeight, style.size);
        canvas.text(
          row.label,
          metaStart,
          top,
          labelWidth,
          row.strong ? style : { ...style, color: COLORS.muted },
        );
        canvas.text(row.value, metaStart + labelWidth, top, metaWidth - labelWidth, style, "end");
        rowY += metaRowHeight;
      }
    },
  };
}

export interface SummaryItem {
  label: string;
  value: string;
  emphasis?: boolean;
}

/** A strip of boxed figures: the first thing a reader looks for. */
export function summaryStripBlock(canvas: PdfCanvas, items: readonly SummaryItem[]): FlowBlock {
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length;
  const height = 40;
  return {
    height: height + 16,
    draw(y) {
      items.forEach((item, i) => {
        const start = CONTENT_START + i * (width + gap);
        canvas.band(start, y, width, height, item.emphasis ? "#e8eef6" : COLORS.band);
        canvas.text(item.label, start + 8, y + 8, width - 16, TYPE.label);
        canvas.text(item.value, start + 8, y + 21, width - 16, {
          size: 10.5,
          weight: "bold",
          color: item.emphasis ? COLORS.accent : COLORS.ink,
        });
      });
    },
  };
}

export function sectionHeadingBlock(
  canvas: PdfCanvas,
  text: string,
  aside?: string,
  gapBefore = 16,
): FlowBlock {
  return {
    height: 18,
    gapBefore,
    keepWithNext: true,
    draw(y) {
      canvas.text(text, CONTENT_START, y + 2, CONTENT_WIDTH * 0.6, TYPE.section);
      if (aside)
        canvas.text(
          aside,
          CONTENT_START + CONTENT_WIDTH * 0.6,
          y + 4,
          CONTENT_WIDTH * 0.4,
          TYPE.caption,
          "end",
        );
    },
  };
}

function columnStarts(columns: readonly Column[]): number[] {
  const starts: number[] = [];
  let start = CONTENT_START;
  for (const column of columns) {
    starts.push(start);
    start += column.width;
  }
  return starts;
}

export function tableHeaderBlock(
  canvas: PdfCanvas,
  columns: readonly Column[],
  labels: readonly string[],
): FlowBlock {
  const starts = columnStarts(columns);
  return {
    height: HEADER_HEIGHT,
    keepWithNext: true,
    draw(y) {
      canvas.band(CONTENT_START, y, CONTENT_WIDTH, HEADER_HEIGHT);
      const top = textTop(y, HEADER_HEIGHT, TYPE.cellHeader.size);
      columns.forEach((column, i) => {
        canvas.text(
          labels[i] ?? "",
          (starts[i] as number) + CELL_PAD_X,
          top,
          column.width - 2 * CELL_PAD_X,
          TYPE.cellHeader,
          column.align,
        );
      });
    },
  };
}

export interface RowOptions {
  header?: FlowBlock;
  style?: TextStyle;
  band?: string;
  ruleAbove?: boolean;
  gapBefore?: number;
  keepWithNext?: boolean;
}

export function tableRowBlock(
  canvas: PdfCanvas,
  columns: readonly Column[],
  cells: readonly Cell[],
  options: RowOptions = {},
): FlowBlock {
  const starts = columnStarts(columns);
  const rowStyle = options.style ?? TYPE.cell;
  let maxLines = 1;
  for (const cell of cells) {
    if (cell && typeof cell === "object" && cell.lines) maxLines = Math.max(maxLines, cell.lines.length);
  }
  const height = maxLines === 1 ? ROW_HEIGHT : maxLines * lineStep(rowStyle.size) + 7;
  return {
    height,
    header: options.header,
    gapBefore: options.gapBefore,
    keepWithNext: options.keepWithNext,
    draw(y) {
      if (options.band) canvas.band(CONTENT_START, y, CONTENT_WIDTH, height, options.band);
      if (options.ruleAbove) canvas.rule(CONTENT_START, y, CONTENT_WIDTH, COLORS.muted, 0.6);
      else canvas.rule(CONTENT_START, y + height, CONTENT_WIDTH, COLORS.hairline, 0.5);
      let i = 0;
      for (const cell of cells) {
        const column = columns[i];
        if (!column) break;
        const span = cell && typeof cell === "object" ? (cell.span ?? 1) : 1;
        let width = 0;
        for (let k = i; k < i + span && k < columns.length; k++) width += (columns[k] as Column).width;
        const style = (cell && typeof cell === "object" ? cell.style : undefined) ?? rowStyle;
        const start = (starts[i] as number) + CELL_PAD_X;
        const inner = width - 2 * CELL_PAD_X;
        if (cell && typeof cell === "object" && cell.lines) {
          const firstTop = maxLines === 1 ? textTop(y, height, style.size) : y + 4;
          canvas.lines(cell.lines, start, firstTop, inner, style, column.align);
        } else {
          const text = typeof cell === "string" ? cell : (cell?.text ?? "");
          const top = maxLines === 1 ? textTop(y, height, style.size) : y + 4;
          canvas.text(text, start, top, inner, style, column.align);
        }
        i += span;
      }
    },
  };
}

const REMIT: TextStyle = { size: 7.8 };

/** Payment instructions, remit-to address and bank details side by side. */
export function remittanceBlock(
  canvas: PdfCanvas,
  issuer: DocumentIssuer,
  labels: PdfLabels,
  instructions: string | null | undefined,
): FlowBlock {
  const gap = 16;
  const bank = issuer.bank;
  const bankRows: [string, string][] = [
    [labels.bank, bank.bankName],
    [labels.bankAccountName, bank.accountName],
    [labels.bankAccountNumber, bank.accountNumber],
  ];
  if (bank.routingNumber) bankRows.push([labels.routingNumber, bank.routingNumber]);
  if (bank.iban) bankRows.push([labels.iban, bank.iban]);
  if (bank.swift) bankRows.push([labels.swift, bank.swift]);

  // Bank details get the widest column: IBANs and account names must never be cut.
  const shares = instructions ? [0.28, 0.28, 0.44] : [0, 0.45, 0.55];
  const usable = CONTENT_WIDTH - gap * (instructions ? 2 : 1);
  const [instructionsWidth, remitWidth, bankWidth] = shares.map((share) => share * usable) as [
    number,
    number,
    number,
  ];
  const instructionLines = instructions ? canvas.wrap(instructions, instructionsWidth, REMIT, 14) : [];
  const remitLines = [issuer.remitToName, ...issuer.remitToAddressLines].flatMap((line) =>
    canvas.wrap(line, remitWidth, REMIT),
  );
  const bankLabelWidth = Math.min(
    bankWidth * 0.45,
    Math.max(...bankRows.map(([label]) => canvas.measure(label, REMIT))) + 8,
  );
  const bankValues = bankRows.map(([, value]) => canvas.wrap(value, bankWidth - bankLabelWidth, REMIT, 3));
  const bankLineCount = bankValues.reduce((sum, lines) => sum + Math.max(lines.length, 1), 0);
  const bodyHeight = Math.max(
    linesHeight(instructionLines.length, REMIT.size),
    linesHeight(remitLines.length, REMIT.size),
    linesHeight(bankLineCount, REMIT.size),
  );
  const titleHeight = lineStep(TYPE.label.size) + 5;
  const height = 10 + titleHeight + bodyHeight + 4;
  return {
    height,
    gapBefore: 18,
    draw(y) {
      canvas.rule(CONTENT_START, y, CONTENT_WIDTH, COLORS.rule, 0.8);
      const top = y + 10;
      let start = CONTENT_START;
      if (instructions) {
        canvas.text(
          upper(labels.paymentInstructions, canvas.locale),
          start,
          top,
          instructionsWidth,
          TYPE.label,
        );
        canvas.lines(instructionLines, start, top + titleHeight, instructionsWidth, REMIT);
        start += instructionsWidth + gap;
      }
      canvas.text(upper(labels.remitTo, canvas.locale), start, top, remitWidth, TYPE.label);
      canvas.lines(remitLines, start, top + titleHeight, remitWidth, REMIT);
      start += remitWidth + gap;
      canvas.text(upper(labels.bankDetails, canvas.locale), start, top, bankWidth, TYPE.label);
      let rowTop = top + titleHeight;
      bankRows.forEach(([label], i) => {
        const values = bankValues[i] ?? [];
        canvas.text(label, start, rowTop, bankLabelWidth - 4, { ...REMIT, color: COLORS.muted });
        rowTop += canvas.lines(values, start + bankLabelWidth, rowTop, bankWidth - bankLabelWidth, REMIT);
      });
    },
  };
}

/** Pages after the first: who issued what, for whom, so a loose page is still identifiable. */
export function drawRunningHeader(canvas: PdfCanvas, issuer: DocumentIssuer, description: string) {
  const y = PAGE.margin - 14;
  canvas.text(issuer.name, CONTENT_START, y, CONTENT_WIDTH * 0.45, { ...TYPE.bodyBold, size: 8 });
  canvas.text(
    description,
    CONTENT_START + CONTENT_WIDTH * 0.45,
    y + 0.8,
    CONTENT_WIDTH * 0.55,
    TYPE.detail,
    "end",
  );
  canvas.rule(CONTENT_START, y + 16, CONTENT_WIDTH, COLORS.rule, 0.6);
}

export function drawFooter(
  canvas: PdfCanvas,
  issuer: DocumentIssuer,
  labels: PdfLabels,
  reference: string,
  page: number,
  pages: number,
) {
  canvas.rule(CONTENT_START, FOOTER_RULE_Y, CONTENT_WIDTH, COLORS.hairline, 0.6);
  const y = FOOTER_RULE_Y + 7;
  canvas.text(issuer.name, CONTENT_START, y, CONTENT_WIDTH * 0.4, TYPE.footer);
  canvas.text(reference, CONTENT_START + CONTENT_WIDTH * 0.4, y, CONTENT_WIDTH * 0.35, TYPE.footer, "center");
  canvas.text(
    fillLabel(labels.pageOf, { page: page + 1, pages }),
    CONTENT_START + CONTENT_WIDTH * 0.75,
    y,
    CONTENT_WIDTH * 0.25,
    { ...TYPE.footer, color: COLORS.muted },
    "end",
  );
}
