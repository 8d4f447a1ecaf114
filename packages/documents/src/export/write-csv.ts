import { once } from "node:events";
import { finished } from "node:stream/promises";
import { toDecimalString } from "@settle/domain/money/money";
import type { ExportColumn, ExportRows } from "./export-column.ts";

/** Excel reads a UTF-8 file as UTF-8 (accents, Arabic) only when it starts with a byte order mark. */
const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;
/** Spreadsheet apps run cells that start like a formula; see OWASP "CSV Injection". */
const FORMULA_START = /^[=+\-@\t\r]/;
const ROWS_PER_CHUNK = 200;

/** One field per RFC 4180: quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Free text is neutralized with a leading apostrophe when it would start a formula. Amounts,
 * dates and integers are produced here from typed values (a negative amount's "-" is a sign, not
 * a formula) and are written as plain, machine-readable values: "-1234.50", "2025-03-31".
 */
function cellText<T>(column: ExportColumn<T>, row: T): string {
  switch (column.type) {
    case "text": {
      const value = column.value(row);
      if (value == null) return "";
      return FORMULA_START.test(value) ? `'${value}` : value;
    }
    case "money": {
      const value = column.value(row);
      return value == null ? "" : toDecimalString(value.amount, value.currency);
    }
    case "date":
      return column.value(row) ?? "";
    case "integer": {
      const value = column.value(row);
      return value == null ? "" : String(value);
    }
  }
}

/**
 * Streams a CSV file (RFC 4180, UTF-8 with BOM, CRLF line ends, a header row) into `out` and ends
 * it; resolves when `out` has everything. Respects backpressure, so a million rows from a cursor
 * never sit in memory.
 */
export async function writeCsv<T>(
  columns: readonly ExportColumn<T>[],
  rows: ExportRows<T>,
  out: NodeJS.WritableStream,
): Promise<void> {
  const done = finished(out, { readable: false });
  done.catch(() => {});
  const line = (fields: string[]) => `${fields.map(csvField).join(",")}\r\n`;
  let chunk = BOM + line(columns.map((column) => column.header));
  let count = 0;
  const flush = async () => {
    if (!out.write(chunk)) await Promise.race([once(out, "drain"), done]);
    chunk = "";
    count = 0;
  };
  for await (const row of rows) {
    chunk += line(columns.map((column) => cellText(column, row)));
    if (++count >= ROWS_PER_CHUNK) await flush();
  }
  out.end(chunk);
  await done;
}
