import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { receiptEmail } from "./card-payment-emails.ts";
import { parsePaymentAmount } from "./card-payment-forms.ts";

const reason = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    return error instanceof DomainError ? String(error.details?.reason) : "other";
  }
};

describe("parsePaymentAmount", () => {
  it("reads decimals in the currency's minor units", () => {
    expect(parsePaymentAmount("1250.5", "USD", "INV-1")).toBe(125050n);
    expect(parsePaymentAmount(" 7 ", "USD", "INV-1")).toBe(700n);
    expect(parsePaymentAmount("1500", "JPY", "INV-1")).toBe(1500n);
    expect(parsePaymentAmount("1.234", "KWD", "INV-1")).toBe(1234n);
  });

  it("reads amounts as the payer types them in their language", () => {
    expect(parsePaymentAmount("1,250.50", "USD", "INV-1", "en")).toBe(125050n);
    expect(parsePaymentAmount("1.250,50", "BRL", "INV-1", "pt-BR")).toBe(125050n);
    expect(parsePaymentAmount("1250,5", "EUR", "INV-1", "es")).toBe(125050n);
    // Another language's form is refused with the form expected, never guessed.
    const refused = (() => {
      try {
        parsePaymentAmount("1250.50", "BRL", "INV-9", "pt-BR");
      } catch (error) {
        return (error as DomainError).details;
      }
    })();
    expect(refused).toEqual({ reason: "amount-invalid", number: "INV-9", example: "1.000,00" });
  });

  it("refuses what is not a positive amount, naming the invoice", () => {
    expect(reason(() => parsePaymentAmount("-1", "USD", "INV-1"))).toBe("amount-not-positive");
    expect(reason(() => parsePaymentAmount("0.00", "USD", "INV-1"))).toBe("amount-not-positive");
    for (const text of ["", "1,50", "1e3", "abc", "1.5.0", "0.001", "12.5", "+3"]) {
      const currency = text === "12.5" ? "JPY" : "USD";
      expect(
        reason(() => parsePaymentAmount(text, currency, "INV-1")),
        text,
      ).toBe("amount-invalid");
    }
  });
});

describe("receiptEmail", () => {
  it("is written in the payer's language with amounts formatted for it", () => {
    const mail = receiptEmail({
      to: "ap@example.com",
      name: "Ana",
      locale: "pt-BR",
      customerName: "Globex",
      accountNumber: "C-1",
      receiptNumber: "CARD-1",
      paymentItemId: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f",
      amount: 123450n,
      currency: "BRL",
      paidAt: new Date("2026-03-01T12:00:00Z"),
      cardLabel: "visa •••• 4242",
      invoices: [{ number: "INV-9", amount: 123450n }],
    });
    expect(mail.subject).toMatch(/^Pagamento recebido: R\$\s1\.234,50/);
    expect(mail.text).toContain("CARD-1");
    expect(mail.text).toContain("INV-9");
    expect(mail.category).toBe("portal.payment-receipt");
    expect(mail.attachments).toEqual([
      {
        kind: "card-receipt",
        id: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f",
        locale: "pt-BR",
        filename: "receipt-CARD-1.pdf",
      },
    ]);
  });
});
