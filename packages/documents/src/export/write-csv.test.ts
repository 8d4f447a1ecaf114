import type { Money } from "@settle/domain/money/money";
import { describe, expect, it } from "vitest";
import { collect } from "../test-support.ts";
import type { ExportColumn } from "./export-column.ts";
import { csvField, writeCsv } from "./write-csv.ts";

interface Row {
  number: string;
  customer: string;
  amount: Money;
  due: string | null;
  days: number;
}

const columns: ExportColumn<Row>[] = [
  { header: "Invoice", type: "text", value: (row) => row.number },
  { header: "Customer", type: "text", value: (row) => row.customer },
  { header: "Amount", type: "money", value: (row) => row.amount },
  { header: "Due date", type: "date", value: (row) => row.due },
  { header: "Days overdue", type: "integer", value: (row) => row.days },
];

async function csv(rows: Iterable<Row> | AsyncIterable<Row>): Promise<string> {
  const { out, bytes } = collect();
  await writeCsv(columns, rows, out);
  return bytes().toString("utf8");
}

describe("writeCsv", () => {
  it("writes a BOM, a header row, CRLF line ends and exact amounts", async () => {
    const text = await csv([
      {
        number: "INV-1",
        customer: "Société Générale",
        amount: { amount: 123450n, currency: "EUR" },
        due: "2025-03-31",
        days: 4,
      },
      {
        number: "INV-2",
        customer: "شركة النور",
        amount: { amount: -5n, currency: "JPY" },
        due: null,
        days: 0,
      },
      {
        number: "INV-3",
        customer: "Big",
        amount: { amount: 123456789012345678901n, currency: "USD" },
        due: null,
        days: 0,
      },
    ]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n")).toEqual([
      "Invoice,Customer,Amount,Due date,Days overdue",
      "INV-1,Société Générale,1234.50,2025-03-31,4",
      "INV-2,شركة النور,-5,,0",
      "INV-3,Big,1234567890123456789.01,,0",
      "",
    ]);
  });

  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Müller, Hans")).toBe('"Müller, Hans"');
    expect(csvField('12" pipe')).toBe('"12"" pipe"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
  });

  it("neutralizes text that a spreadsheet would run as a formula", async () => {
    const row = (customer: string): Row => ({
      number: "X",
      customer,
      amount: { amount: -100n, currency: "USD" },
      due: null,
      days: 0,
    });
    const text = await csv([
      row('=HYPERLINK("http://evil")'),
      row("+1+1"),
      row("-2+3"),
      row("@SUM(A1)"),
      row("\tTabbed"),
      row("Normal"),
    ]);
    const customers = text
      .slice(1)
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.slice(2, line.lastIndexOf(",-1.00")));
    expect(customers).toEqual([
      `"'=HYPERLINK(""http://evil"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTabbed",
      "Normal",
    ]);
    // Negative amounts are numbers we wrote, not text: no apostrophe.
    expect(text).toContain(",-1.00,");
  });

  it("streams rows from an async source", async () => {
    async function* rows() {
      for (let i = 0; i < 1000; i++) {
        yield {
          number: `INV-${i}`,
          customer: "C",
          amount: { amount: BigInt(i), currency: "USD" },
          due: null,
          days: i,
        };
      }
    }
    const lines = (await csv(rows())).split("\r\n");
    expect(lines).toHaveLength(1002);
    expect(lines[1000]).toBe("INV-999,C,9.99,,999");
  });
});
