import { once } from "node:events";
import type { Stream } from "node:stream";
import { minorUnitDigits, toDecimalString } from "@settle/domain/money/money";
import ExcelJS from "exceljs";
import { parseIsoDate } from "../iso-date.ts";
import type { ExportColumn, ExportColumnType, ExportRows } from "./export-column.ts";

export interface WriteXlsxOptions {
  /** Worksheet name (Excel allows 31 characters and no []:*?/\). */
  sheetName?: string;
}

const DEFAULT_WIDTHS: Record<ExportColumnType, number> = { text: 24, money: 16, date: 12, integer: 10 };
const DATE_FORMAT = "yyyy-mm-dd";
const INTEGER_FORMAT = "0";
const ROWS_PER_YIELD = 500;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `#,##0.00 "EUR"`: the currency's decimals, grouping, and its code, for positives and negatives. */
function moneyFormat(currency: string): string {
  const digits = minorUnitDigits(currency);
  const number = digits > 0 ? `#,##0.${"0".repeat(digits)}` : "#,##0";
  return `${number} "${currency}";-${number} "${currency}"`;
}

function sheetName(name: string | undefined): string {
  const clean = (name ?? "Export")
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(clean || "Export")
    .slice(0, 31)
    .join("");
}

interface XlsxCell {
  value: string | number | Date | null;
  numFmt?: string;
  alignRight?: boolean;
}

/**
 * Amounts become numbers of major units so Excel can sum and pivot them. That is the only place
 * in Settle where money meets a floating-point number, and only at this presentation boundary:
 * the exact decimal string is parsed to the nearest double, which is what Excel stores anyway.
 * Beyond Number.MAX_SAFE_INTEGER minor units a double could no longer hold every cent, so such an
 * amount is written as its exact decimal text instead.
 */
function xlsxCell<T>(column: ExportColumn<T>, row: T): XlsxCell {
  switch (column.type) {
    case "text":
      // XLSX stores text as typed strings that are never evaluated, so no formula escaping here.
      return { value: column.value(row) ?? null };
    case "money": {
      const money = column.value(row);
      if (money == null) return { value: null };
      const decimal = toDecimalString(money.amount, money.currency);
      const magnitude = money.amount < 0n ? -money.amount : money.amount;
      if (magnitude > MAX_SAFE) return { value: `${decimal} ${money.currency}`, alignRight: true };
      return { value: Number(decimal), numFmt: moneyFormat(money.currency) };
    }
    case "date": {
      const value = column.value(row);
      return value == null ? { value: null } : { value: parseIsoDate(value), numFmt: DATE_FORMAT };
    }
    case "integer": {
      const value = column.value(row);
      if (value == null) return { value: null };
      if (typeof value === "bigint" && (value > MAX_SAFE || value < -MAX_SAFE)) {
        return { value: value.toString(), alignRight: true };
      }
      return { value: Number(value), numFmt: INTEGER_FORMAT };
    }
  }
}

/**
 * Streams an .xlsx workbook with one sheet into `out` (exceljs' streaming writer: rows are written
 * and released as they come): a bold, frozen header row with an autofilter, column widths, and
 * typed cells (numbers for amounts and integers, real dates), so a clerk can sort, filter, sum and
 * pivot. Resolves when `out` has the whole file.
 */
export async function writeXlsx<T>(
  columns: readonly ExportColumn<T>[],
  rows: ExportRows<T>,
  out: NodeJS.WritableStream,
  options: WriteXlsxOptions = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as Stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Settle";
  const sheet = workbook.addWorksheet(sheetName(options.sheetName), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    width: column.width ?? Math.max(DEFAULT_WIDTHS[column.type], Math.min(column.header.length + 4, 40)),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  columns.forEach((column, i) => {
    if (column.type !== "text") header.getCell(i + 1).alignment = { horizontal: "right" };
  });
  header.commit();

  const target = out as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  let sinceYield = 0;
  for await (const row of rows) {
    const cells = columns.map((column) => xlsxCell(column, row));
    const excelRow = sheet.addRow(cells.map((cell) => cell.value));
    cells.forEach((cell, i) => {
      if (cell.numFmt) excelRow.getCell(i + 1).numFmt = cell.numFmt;
      if (cell.alignRight) excelRow.getCell(i + 1).alignment = { horizontal: "right" };
    });
    excelRow.commit();
    if (++sinceYield >= ROWS_PER_YIELD) {
      sinceYield = 0;
      // Let the zip stream catch up, and wait when the consumer is slower than we are.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (target.writableNeedDrain) await once(target, "drain");
    }
  }
  sheet.commit();
  await workbook.commit();
}
