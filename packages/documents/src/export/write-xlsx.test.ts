import type { Money } from "@settle/domain/money/money";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { collect } from "../test-support.ts";
import type { ExportColumn } from "./export-column.ts";
import { writeXlsx } from "./write-xlsx.ts";

interface Row {
  number: string;
  amount: Money;
  due: string | null;
  days: number | bigint;
}

const columns: ExportColumn<Row>[] = [
  { header: "Invoice", type: "text", value: (row) => row.number },
  { header: "Amount", type: "money", value: (row) => row.amount },
  { header: "Due date", type: "date", value: (row) => row.due },
  { header: "Days overdue", type: "integer", value: (row) => row.days },
];

async function readBack(rows: Row[]) {
  const { out, bytes } = collect();
  await writeXlsx(columns, rows, out, { sheetName: "Invoices: 2025/03" });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes() as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

describe("writeXlsx", () => {
  it("writes typed cells: numbers for amounts, real dates, integers", async () => {
    const sheet = await readBack([
      {
        number: "=cmd|' /C calc'!A0",
        amount: { amount: 123450n, currency: "EUR" },
        due: "2025-03-31",
        days: 4,
      },
      { number: "INV-2", amount: { amount: -1500n, currency: "JPY" }, due: null, days: 12n },
      { number: "INV-3", amount: { amount: 1234n, currency: "KWD" }, due: "2024-02-29", days: 0 },
    ]);
    expect(sheet.name).toBe("Invoices 2025 03");
    expect(sheet.getRow(1).values).toEqual([undefined, "Invoice", "Amount", "Due date", "Days overdue"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);

    const amount = sheet.getCell("B2");
    expect(amount.type).toBe(ExcelJS.ValueType.Number);
    expect(amount.value).toBe(1234.5);
    expect(amount.numFmt).toBe('#,##0.00 "EUR";-#,##0.00 "EUR"');
    expect(sheet.getCell("B3").value).toBe(-1500);
    expect(sheet.getCell("B3").numFmt).toBe('#,##0 "JPY";-#,##0 "JPY"');
    expect(sheet.getCell("B4").value).toBe(1.234);

    const due = sheet.getCell("C2");
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString()).toBe("2025-03-31T00:00:00.000Z");
    expect(sheet.getCell("C4").value).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(sheet.getCell("C3").value).toBeNull();

    expect(sheet.getCell("D2").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell("D3").value).toBe(12);

    // Text stays text: no formula is ever created from data.
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A2").value).toBe("=cmd|' /C calc'!A0");
  });

  it("freezes and filters the header row and sizes the columns", async () => {
    const sheet = await readBack([
      { number: "INV-1", amount: { amount: 1n, currency: "USD" }, due: null, days: 0 },
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:D1");
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getColumn(2).width).toBe(16);
  });

  it("writes amounts beyond exact double precision as exact decimal text", async () => {
    const sheet = await readBack([
      { number: "Big", amount: { amount: 9_007_199_254_740_993n, currency: "USD" }, due: null, days: 0 },
    ]);
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B2").value).toBe("90071992547409.93 USD");
  });
});
