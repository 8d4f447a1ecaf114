import { formatMoney } from "@settle/domain/money/money";
import { describe, expect, it } from "vitest";
import { SAMPLE_ISSUER } from "../sample-documents.ts";
import { collect, pdfText } from "../test-support.ts";
import type { DocumentLocale, ReceiptDocument } from "../types.ts";
import { renderReceiptPdf } from "./render-receipt-pdf.ts";

const squash = (text: string) => text.replace(/[\u00A0\u202F\s]+/g, " ");

const receipt = (overrides: Partial<ReceiptDocument> = {}): ReceiptDocument => ({
  issuer: SAMPLE_ISSUER,
  customer: {
    name: "Müller & Søn Handel",
    accountNumber: "C-100777",
    billingAddressLines: ["Hafenstraße 1", "20457 Hamburg"],
  },
  receiptNumber: "CARD-3MTZ8QK2",
  paymentDate: "2026-11-20",
  currency: "EUR",
  amount: 150_075n,
  paymentMethod: "visa •••• 4242",
  paymentReference: "pi_3MtwBwLkdIwHu7ix28a3tqPa",
  applications: [
    { number: "INV-2026-0101", documentDate: "2026-10-01", amount: 100_000n },
    { number: "INV-2026-0142", documentDate: "2026-10-15", amount: 40_075n },
  ],
  unapplied: 10_000n,
  ...overrides,
});

async function render(document: ReceiptDocument, locale: DocumentLocale) {
  const { out, bytes } = collect();
  await renderReceiptPdf(document, out, { locale });
  return squash(pdfText(bytes()));
}

describe("renderReceiptPdf", () => {
  it("shows what was received, how, and where it was applied, with the unapplied rest", async () => {
    const text = await render(receipt(), "en");
    expect(text).toContain("Payment receipt");
    expect(text).toContain("CARD-3MTZ8QK2");
    expect(text).toContain("Müller & Søn Handel");
    expect(text).toContain("visa •••• 4242");
    expect(text).toContain("pi_3MtwBwLkdIwHu7ix28a3tqPa");
    expect(text).toContain(squash(formatMoney(150_075n, "EUR", "en")));
    expect(text).toContain("INV-2026-0101");
    expect(text).toContain("INV-2026-0142");
    expect(text).toContain("Not yet applied");
    expect(text).toMatch(/Total 1,500\.75/);
  });

  it("speaks the payer's language", async () => {
    const text = await render(receipt({ unapplied: 0n }), "pt-BR");
    expect(text).toContain("Recibo de pagamento");
    expect(text).toContain(squash(formatMoney(150_075n, "EUR", "pt-BR")));
    expect(text).not.toContain("Ainda não aplicado:");
  });
});
