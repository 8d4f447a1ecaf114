import { describe, expect, it } from "vitest";
import { SAMPLE_ISSUER } from "../sample-documents.ts";
import { collect, pdfText } from "../test-support.ts";
import type { DocumentLocale, PlanAgreementDocument } from "../types.ts";
import { renderPlanAgreementPdf } from "./render-plan-agreement-pdf.ts";

const squash = (text: string) => text.replace(/[\u00A0\u202F\s]+/g, " ");

const agreement = (overrides: Partial<PlanAgreementDocument> = {}): PlanAgreementDocument => ({
  issuer: SAMPLE_ISSUER,
  customer: { name: "Maggio & Kovacek Corp.", accountNumber: "US-10001", billingAddressLines: ["1 Main St"] },
  planNumber: "PP-1007",
  currency: "USD",
  invoices: [
    { number: "INV-102411", dueDate: "2027-01-31", amount: 60_000n },
    { number: "INV-102412", dueDate: "2027-02-28", amount: 40_001n },
  ],
  schedule: [
    { sequence: 0, dueDate: "2027-04-01", amount: 10_000n },
    { sequence: 1, dueDate: "2027-05-01", amount: 30_000n },
    { sequence: 2, dueDate: "2027-06-01", amount: 30_000n },
    { sequence: 3, dueDate: "2027-07-01", amount: 30_001n },
  ],
  total: 100_001n,
  expiresOn: "2027-03-20",
  termsHash: "3f9a0c".padEnd(64, "0"),
  acceptance: { name: "Pat Payable", date: "2027-03-12", payBy: "AUTOPAY" },
  ...overrides,
});

async function render(document: PlanAgreementDocument, locale: DocumentLocale) {
  const { out, bytes } = collect();
  await renderPlanAgreementPdf(document, out, { locale });
  return squash(pdfText(bytes()));
}

describe("renderPlanAgreementPdf", () => {
  it("holds the accepted schedule, what it covers, who accepted it and the terms' version", async () => {
    const text = await render(agreement(), "en");
    expect(text).toContain("Payment plan agreement");
    expect(text).toContain("PP-1007");
    expect(text).toContain("Maggio & Kovacek Corp.");
    for (const number of ["INV-102411", "INV-102412"]) expect(text).toContain(number);
    expect(text).toMatch(/Down payment 04\/01\/2027 100\.00/);
    expect(text).toMatch(/Instalment 1 05\/01\/2027 300\.00/);
    expect(text).toMatch(/Instalment 3 07\/01\/2027 300\.01/);
    expect(text).toMatch(/Plan total 1,000\.01/);
    expect(text).toContain("Accepted by Pat Payable on 03/12/2027");
    expect(text).toContain("Autopay with the saved card");
    expect(text).toContain(agreement().termsHash);
  });

  it("says an offer is not accepted yet and until when it stands, in the reader's language", async () => {
    const text = await render(agreement({ acceptance: null }), "pt-BR");
    expect(text).toContain("Acordo de plano de pagamento");
    expect(text).toContain("Oferecido, ainda não aceito");
    expect(text).toContain("Oferta válida até");
    expect(text).toMatch(/Parcela 3 .*300,01/);
  });
});
