import type { PaymentReceipt } from "@settle/domain/payments/payment-receipt";
import { describe, expect, it } from "vitest";
import { receiptDocument, receiptFileName } from "./receipt-document.ts";

const receipt = (method: PaymentReceipt["method"]): PaymentReceipt => ({
  issuer: {
    name: "Settle Industries Inc.",
    taxId: null,
    remitToName: "Settle Industries Inc.",
    remitToAddress: ["P.O. Box 1"],
    bankName: "Bank",
    bankAccountName: "Settle",
    bankAccount: "123",
    bankRouting: null,
    iban: null,
    swift: null,
  },
  customer: { name: "Acme", accountNumber: "US-1", billingAddress: ["1 Main St"] },
  receiptNumber: "RCT-100042",
  paymentDate: new Date("2026-11-20T00:00:00Z"),
  currency: "USD",
  amount: 1000n,
  method,
  paymentReference: null,
  applications: [{ number: "INV-1", documentDate: new Date("2026-10-01T00:00:00Z"), amount: 1000n }],
  unapplied: 0n,
});

describe("receiptDocument", () => {
  it("names a card as the payer knows it, never by a processor id", () => {
    const document = receiptDocument(receipt({ kind: "CARD", brand: "visa", last4: "4242" }), "es");
    expect(document.paymentMethod).toBe("Visa •••• 4242");
    expect(document.paymentDate).toBe("2026-11-20");
    expect(document.applications).toEqual([{ number: "INV-1", documentDate: "2026-10-01", amount: 1000n }]);
  });

  it("words other methods in the payer's language", () => {
    expect(receiptDocument(receipt({ kind: "BANK_TRANSFER" }), "es").paymentMethod).toBe(
      "Transferencia bancaria",
    );
    expect(receiptDocument(receipt({ kind: "CHECK" }), "en").paymentMethod).toBe("Check");
    expect(receiptDocument(receipt({ kind: "CARD", brand: null, last4: null }), "pt-BR").paymentMethod).toBe(
      "Cartão",
    );
    expect(receiptDocument(receipt(null), "en").paymentMethod).toBeNull();
  });

  it("makes a safe file name of the receipt number", () => {
    expect(receiptFileName("RCT-100042")).toBe("receipt-RCT-100042.pdf");
    expect(receiptFileName("R/1 2")).toBe("receipt-R-1-2.pdf");
  });
});
