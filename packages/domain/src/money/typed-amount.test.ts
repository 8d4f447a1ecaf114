import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { formatMoney, toDecimalString } from "./money.ts";
import { amountExample, parseTypedAmount } from "./typed-amount.ts";

const LOCALES = ["en", "es", "pt-BR", "ar"] as const;

function refusal(run: () => unknown): { reason?: unknown; example?: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe("VALIDATION");
    return error.details ?? {};
  }
}

describe("amounts typed as people type them", () => {
  it("reads each language's grouping and decimal separators", () => {
    expect(parseTypedAmount("1,000.00", "USD", "en")).toBe(100_000n);
    expect(parseTypedAmount("1.000,00", "BRL", "pt-BR")).toBe(100_000n);
    expect(parseTypedAmount("1.234.567,8", "EUR", "es")).toBe(123_456_780n);
    expect(parseTypedAmount("1234,5", "EUR", "es")).toBe(123_450n);
    expect(parseTypedAmount("1,234.50", "USD", "ar")).toBe(123_450n);
    expect(parseTypedAmount("  250 ", "USD", "en")).toBe(25_000n);
    expect(parseTypedAmount("1 000,50", "BRL", "pt-BR")).toBe(100_050n);
    expect(parseTypedAmount("1\u00A0000,50", "EUR", "es")).toBe(100_050n);
    expect(parseTypedAmount(".5", "USD", "en")).toBe(50n);
    expect(parseTypedAmount("-12.5", "USD", "en")).toBe(-1_250n);
    expect(parseTypedAmount("1,000", "JPY", "en")).toBe(1_000n);
  });

  it("reads Arabic-Indic digits and the Arabic separators", () => {
    expect(parseTypedAmount("١٬٢٣٤٫٥٠", "USD", "ar")).toBe(123_450n);
    expect(parseTypedAmount("۱۲۳", "USD", "ar")).toBe(12_300n);
  });

  it("refuses what could be read two ways, showing the form it expects", () => {
    const cases: [string, string, string, string][] = [
      ["1.000,00", "USD", "en", "1,000.00"],
      ["1,5", "USD", "en", "1,000.00"],
      ["1.000", "USD", "en", "1,000.00"],
      ["12.50", "BRL", "pt-BR", "1.000,00"],
      ["1,000", "BRL", "pt-BR", "1.000,00"],
      ["1234.50", "EUR", "es", "1.000,00"],
      ["1.5", "JPY", "en", "1,000"],
      ["12,34,567", "USD", "en", "1,000.00"],
      ["1e3", "USD", "en", "1,000.00"],
      ["$100", "USD", "en", "1,000.00"],
      ["12.", "USD", "en", "1,000.00"],
      ["", "USD", "en", "1,000.00"],
      ["--1", "USD", "en", "1,000.00"],
    ];
    for (const [typed, currency, locale, example] of cases) {
      expect([typed, locale, refusal(() => parseTypedAmount(typed, currency, locale))]).toEqual([
        typed,
        locale,
        { reason: "not-an-amount", currency, example },
      ]);
    }
  });

  it("reads back every amount the same language formats, in every currency's decimals", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom("USD", "BRL", "EUR", "JPY", "KWD"),
        (amount, locale, currency) => {
          // The number as the page shows it, without the currency symbol.
          const shown = new Intl.NumberFormat(locale, {
            numberingSystem: "latn",
            minimumFractionDigits: 0,
            maximumFractionDigits: 3,
            useGrouping: true,
          }).format(toDecimalString(amount, currency) as unknown as number);
          expect(parseTypedAmount(shown, currency, locale)).toBe(amount);
        },
      ),
    );
  });

  it("never reads an amount from text that is not one, and never throws anything but a refusal", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...LOCALES), (typed, locale) => {
        try {
          const amount = parseTypedAmount(typed, "USD", locale);
          expect(typeof amount).toBe("bigint");
          expect(typed).toMatch(/\d/);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
    );
  });

  it("gives examples in each language's own form", () => {
    expect(LOCALES.map((l) => amountExample("USD", l))).toEqual([
      "1,000.00",
      "1.000,00",
      "1.000,00",
      "1,000.00",
    ]);
    // The example is what the language's own formatting shows for that amount.
    expect(formatMoney(100_000n, "BRL", "pt-BR")).toContain(amountExample("BRL", "pt-BR"));
  });
});
