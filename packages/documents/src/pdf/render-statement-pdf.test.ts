import { formatMoney } from "@settle/domain/money/money";
import { describe, expect, it } from "vitest";
import { sampleStatement, sampleStatementLines } from "../sample-documents.ts";
import { collect, pdfPageCount, pdfText } from "../test-support.ts";
import type { DocumentLocale, StatementDocument, StatementLine } from "../types.ts";
import { renderStatementPdf } from "./render-statement-pdf.ts";

/**
 * A wrapped cell's text from pdftotext's layout output: the lines below the one where the cell
 * starts, read at the same column.
 */
function columnText(layout: readonly string[], start: string): string {
  const row = layout.findIndex((line) => line.includes(start));
  const column = layout[row]?.indexOf(start) ?? -1;
  if (row < 0 || column < 0) return "";
  const pieces: string[] = [];
  for (let i = row; i < layout.length; i++) {
    const piece = /^\S+(?: \S+)*/.exec((layout[i] ?? "").slice(column))?.[0];
    if (!piece || (layout[i]?.[column - 1] ?? " ") !== " ") break;
    pieces.push(piece);
  }
  return pieces.join(" ");
}

/** Wrapping drops the space it breaks at and breaks long words without one: compare without spaces. */
function sameText(actual: string, expected: string) {
  expect(actual.replace(/\s+/g, "")).toBe(expected.replace(/\s+/g, ""));
}

/** pdftotext keeps no-break spaces and may widen gaps; compare on single plain spaces. */
const squash = (text: string) => text.replace(/[\u00A0\u202F\s]+/g, " ");

async function render(statement: StatementDocument, locale: DocumentLocale): Promise<Buffer> {
  const { out, bytes } = collect();
  await renderStatementPdf(statement, out, { locale });
  return bytes();
}

describe("renderStatementPdf", () => {
  it("prints letterhead, customer, period, balances, aging and bank details", async () => {
    const statement = sampleStatement();
    const pdf = await render(statement, "en");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = squash(pdfText(pdf));
    expect(text).toContain("Settle Demo Trading GmbH");
    expect(text).toContain("Statement of account");
    expect(text).toContain("Société Générale d'Équipements Müller");
    expect(text).toContain("C-100234");
    expect(text).toContain("01/01/2025 – 03/31/2025");
    expect(text).toContain(squash(formatMoney(statement.openingBalance, "EUR", "en")));
    expect(text).toContain(squash(formatMoney(statement.closingBalance, "EUR", "en")));
    expect(text).toContain("Opening balance");
    expect(text).toContain("Closing balance");
    expect(text).toContain("Aging summary");
    expect(text).toContain("DE89 3704 0044 0532 0130 00");
    expect(text).toContain("INV-100000");
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("says under the aging how much of it is in dispute, and nothing when none is", async () => {
    const statement = sampleStatement();
    const held = squash(formatMoney(123_45n, "EUR", "en").replace(/[^\d.,]/g, ""));
    const plain = squash(pdfText(await render({ ...statement, inDispute: 0n }, "en")));
    expect(plain).not.toContain("Of which in dispute");
    const text = squash(pdfText(await render({ ...statement, inDispute: 123_45n }, "en")));
    expect(text).toMatch(new RegExp(`Of which in dispute ${held.replace(".", "\\.")}`));
    const spanish = squash(pdfText(await render({ ...statement, inDispute: 123_45n }, "es")));
    expect(spanish).toContain("De lo cual en disputa");
  });

  it("paginates 2,000 lines with the column header and page numbers on every page", async () => {
    const statement = sampleStatement({ lines: 2000 });
    const pdf = await render(statement, "en");
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const pageTexts = pdfText(pdf).split("\f").slice(0, pages).map(squash);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
      if (i > 0 && i < pages - 1) {
        expect(page).toMatch(/Date Type Number Reference Due date Debit Credit Balance/);
        expect(page).toContain("Statement of account · Société Générale");
      }
    });
    const all = pageTexts.join("\n");
    for (const line of [statement.lines[0], statement.lines[999], statement.lines[1999]]) {
      expect(all).toContain(line?.number);
    }
    expect(all).toContain(squash(formatMoney(statement.closingBalance, "EUR", "en")));
  });

  it("prints long document numbers whole and wraps references in their column", async () => {
    const sample = sampleStatement({ lines: 3 });
    const number = "INV-2025-WESTERN-EUROPE-WWW-0001234567"; // 38 of the 40 characters allowed
    const reference = "Contract FR-2025-0042 / PO 4500012345";
    const lines = [...sample.lines];
    lines[1] = { ...(lines[1] as StatementLine), number, reference };
    const statement = { ...sample, lines };
    const layout = pdfText(await render(statement, "en")).split("\n");
    sameText(columnText(layout, number.slice(0, 6)), number);
    sameText(columnText(layout, reference.slice(0, 8)), reference);
    expect(layout.join("\n")).not.toContain("…");
  });

  it.each([
    ["es", "EUR", "Estado de cuenta", "Saldo final"],
    ["pt-BR", "BRL", "Extrato de conta", "Saldo final"],
  ] as const)("speaks %s and formats %s for it", async (locale, currency, title, closingLabel) => {
    const statement = sampleStatement({ currency });
    const text = squash(pdfText(await render(statement, locale)));
    expect(text).toContain(title);
    expect(text).toContain(closingLabel);
    expect(text).toContain(squash(formatMoney(statement.closingBalance, currency, locale)));
    expect(text).toContain("31/03/2025");
  });

  it("lays out Arabic right to left with the Arabic text intact", async () => {
    const statement = sampleStatement({ customerName: "شركة النور للتجارة" });
    const text = squash(pdfText(await render(statement, "ar")));
    // pdftotext returns Arabic in logical order; accept visual order too, word by word.
    for (const word of ["كشف", "حساب", "شركة", "النور", "للتجارة", "الرصيد", "الختامي"]) {
      expect(text.includes(word) || text.includes(Array.from(word).reverse().join(""))).toBe(true);
    }
    expect(text).toContain("C-100234");
    // pdftotext may drop the space between Arabic words and digits.
    expect(text).toMatch(/صفحة\s?1\s?من\s?\d/);
  });

  it("prints Arabic amounts as Intl writes them for Arabic, the currency symbol whole", async () => {
    const statement = sampleStatement({ currency: "USD" });
    const text = squash(pdfText(await render(statement, "ar")));
    // Intl: "‏50,015.51 US$" (symbol after the number); drawn right to left it reads
    // "US$ 50,015.51" from the left, never with the symbol split into "$US".
    const intl = formatMoney(statement.closingBalance, "USD", "ar");
    const figure = intl.replace(/[\u061C\u200E\u200F]|\s*US\$$/g, "");
    expect(intl.endsWith("US$")).toBe(true);
    expect(text).toContain(`US$ ${figure}`);
    expect(text).not.toContain("$US");
  });

  it("groups a consolidated statement by account with subtotals", async () => {
    const base = sampleStatement();
    const first = sampleStatementLines(3, 0n, "2025-01-01");
    const second = sampleStatementLines(2, 5000n, "2025-02-01");
    const statement: StatementDocument = {
      ...base,
      lines: [],
      groups: [
        {
          accountNumber: "C-200001",
          name: "Müller Süd GmbH",
          lines: first,
          subtotal: first.at(-1)?.balance ?? 0n,
        },
        {
          accountNumber: "C-200002",
          name: "Müller Nord GmbH",
          openingBalance: 5000n,
          lines: second,
          subtotal: second.at(-1)?.balance ?? 0n,
        },
      ],
    };
    const text = squash(pdfText(await render(statement, "en")));
    expect(text).toContain("Consolidated statement");
    expect(text).toContain("C-200001 · Müller Süd GmbH");
    expect(text).toContain("C-200002 · Müller Nord GmbH");
    expect(text).toContain("Account balance · C-200001");
    expect(text).toContain("Account balance · C-200002");
  });

  it("titles the open items view and leaves out the opening balance", async () => {
    const text = squash(pdfText(await render(sampleStatement({ openItemsOnly: true }), "en")));
    expect(text).toContain("Statement of open items");
    expect(text).toContain("As of March 31, 2025");
    expect(text).not.toContain("Opening balance");
  });

  it("says so when there is nothing in the period", async () => {
    const statement = { ...sampleStatement(), lines: [] };
    const text = squash(pdfText(await render(statement, "en")));
    expect(text).toContain("No activity in this period.");
  });

  it("rejects bad data and aborts the output rather than ending it", async () => {
    const { out } = collect();
    const statement = { ...sampleStatement(), periodFrom: "2025-13-01" };
    await expect(renderStatementPdf(statement, out, { locale: "en" })).rejects.toThrow(RangeError);
    expect(out.destroyed).toBe(true);
    expect(out.writableFinished).toBe(false);
  });

  it("stops and rejects when the consumer goes away", async () => {
    const { out } = collect();
    out.once("data", () => out.destroy());
    await expect(
      renderStatementPdf(sampleStatement({ lines: 2000 }), out, { locale: "en" }),
    ).rejects.toThrow();
  });
});
