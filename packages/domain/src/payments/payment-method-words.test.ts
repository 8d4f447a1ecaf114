import { describe, expect, it } from "vitest";
import { cardBrandName, cardWords, paymentMethodOf } from "./payment-method-words.ts";

describe("payment method words", () => {
  it("names a card by its network and last four digits, as the cardholder knows it", () => {
    expect(cardWords({ kind: "CARD", brand: "visa", last4: "4242" })).toBe("Visa •••• 4242");
    expect(cardWords({ kind: "CARD", brand: "amex", last4: "0005" })).toBe("American Express •••• 0005");
    expect(cardWords({ kind: "CARD", brand: null, last4: "4444" })).toBe("•••• 4444");
    expect(cardWords({ kind: "CARD", brand: "visa", last4: null })).toBeNull();
    expect(cardWords({ kind: "BANK_TRANSFER" })).toBeNull();
  });

  it("writes an unknown network with a capital and spaces", () => {
    expect(cardBrandName("new_network")).toBe("New network");
    expect(cardBrandName("MASTERCARD")).toBe("Mastercard");
  });

  it("reads the method from a PAYMENT item's columns", () => {
    expect(paymentMethodOf({ paymentMethod: "CARD", cardBrand: "visa", cardLast4: "4242" })).toEqual({
      kind: "CARD",
      brand: "visa",
      last4: "4242",
    });
    expect(paymentMethodOf({ paymentMethod: "CHECK", cardBrand: null, cardLast4: null })).toEqual({
      kind: "CHECK",
    });
    expect(paymentMethodOf({ paymentMethod: null, cardBrand: null, cardLast4: null })).toBeNull();
  });
});
