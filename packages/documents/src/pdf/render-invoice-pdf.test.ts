import { formatMoney } from "@settle/domain/money/money";
import { describe, expect, it } from "vitest";
import { sampleInvoice } from "../sample-documents.ts";
import { collect, pdfPageCount, pdfText } from "../test-support.ts";
import type { DocumentLocale, InvoiceDocument } from "../types.ts";
import { renderInvoicePdf } from "./render-invoice-pdf.ts";

const squash = (text: string) => text.replace(/[\u00A0\u202F\s]+/g, " ");

async function render(invoice: InvoiceDocument, locale: DocumentLocale): Promise<Buffer> {
  const { out, bytes } = collect();
  await renderInvoicePdf(invoice, out, { locale });
  return bytes();
}

describe("renderInvoicePdf", () => {
  it("prints the invoice facts, lines, tax per rate, totals, payments and remittance", async () => {
    const invoice = sampleInvoice();
    const text = squash(pdfText(await render(invoice, "en")));
    for (const expected of [
      "Invoice",
      "INV-2025-004711",
      "Société Générale d'Équipements Müller",
      "PO-4500012345",
      "Net 30",
      "02/14/2025",
      "03/16/2025",
      "SKU-7300",
      "Filter cartridge",
      "Tax 19%",
      "Tax 7%",
      "Balance due",
      "PAY-100077",
      "COBADEFFXXX",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(squash(formatMoney(invoice.totals.gross, "EUR", "en")));
    expect(text).toContain(squash(formatMoney(invoice.openAmount, "EUR", "en")));
  });

  it("formats Brazilian reais for pt-BR", async () => {
    const invoice = sampleInvoice({ currency: "BRL" });
    const text = squash(pdfText(await render(invoice, "pt-BR")));
    expect(text).toContain("Fatura");
    expect(text).toContain("Saldo devedor");
    expect(text).toContain(squash(formatMoney(invoice.openAmount, "BRL", "pt-BR")));
    expect(text).toContain("14/02/2025");
  });

  it("renders Arabic labels and an Arabic customer name", async () => {
    const text = squash(pdfText(await render(sampleInvoice({ customerName: "شركة النور" }), "ar")));
    for (const word of ["فاتورة", "شركة", "النور", "الرصيد", "المستحق"]) {
      expect(text.includes(word) || text.includes(Array.from(word).reverse().join(""))).toBe(true);
    }
    expect(text).toContain("INV-2025-004711");
  });

  it("repeats the line table's header on following pages", async () => {
    const pdf = await render(sampleInvoice({ lines: 80 }), "en");
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const second = squash(pdfText(pdf, { first: 2, last: 2 }));
    expect(second).toMatch(/# Item Description Qty Unit price Tax rate Net amount Tax/);
    expect(second).toContain("Invoice INV-2025-004711 · Société Générale");
    expect(second).toContain(`Page 2 of ${pages}`);
  });
});
