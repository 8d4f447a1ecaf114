import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  divRound,
  formatMoney,
  minorUnitDigits,
  parseDecimal,
  percentOfBp,
  toDecimalString,
} from "./money.ts";

describe("minor units", () => {
  it("knows the ISO 4217 exponent", () => {
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
  });
  it("rejects malformed codes", () => {
    expect(() => minorUnitDigits("usd")).toThrow(/Unknown currency/);
  });
});

describe("parseDecimal / toDecimalString", () => {
  it("parses exact decimals", () => {
    expect(parseDecimal("1234.5", "USD")).toBe(123450n);
    expect(parseDecimal("0.01", "USD")).toBe(1n);
    expect(parseDecimal("-7", "USD")).toBe(-700n);
    expect(parseDecimal("1500", "JPY")).toBe(1500n);
    expect(parseDecimal("1.234", "KWD")).toBe(1234n);
  });
  it("rejects too many decimals and non-numbers", () => {
    expect(() => parseDecimal("1.001", "USD")).toThrow(/at most 2 decimal/);
    expect(() => parseDecimal("1.5", "JPY")).toThrow(/at most 0 decimal/);
    expect(() => parseDecimal("1e3", "USD")).toThrow(/not an amount/);
    expect(() => parseDecimal("1,000.00", "USD")).toThrow(/not an amount/);
    expect(() => parseDecimal("", "USD")).toThrow(/not an amount/);
  });
  it("round-trips every amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom("USD", "JPY", "KWD", "BRL"),
        (n, c) => {
          expect(parseDecimal(toDecimalString(n, c), c)).toBe(n);
        },
      ),
    );
  });
  it("pads small amounts", () => {
    expect(toDecimalString(5n, "USD")).toBe("0.05");
    expect(toDecimalString(-5n, "KWD")).toBe("-0.005");
  });
});

describe("formatMoney", () => {
  it("formats per locale without losing precision", () => {
    expect(formatMoney(123450n, "USD", "en-US")).toBe("$1,234.50");
    expect(formatMoney(123450n, "BRL", "pt-BR").replace(/\s/g, " ")).toBe("R$ 1.234,50");
    expect(formatMoney(123456789012345678n, "USD", "en-US")).toBe("$1,234,567,890,123,456.78");
    expect(formatMoney(1500n, "JPY", "ja-JP")).toMatch(/1,500/);
  });
});

describe("rounding", () => {
  it("rounds half away from zero", () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(percentOfBp(1000n, 1950)).toBe(195n);
    expect(percentOfBp(333n, 1900)).toBe(63n); // 63.27
    expect(percentOfBp(250n, 1000)).toBe(25n);
    expect(percentOfBp(5n, 5000)).toBe(3n); // 2.5 → 3
  });
});

describe("allocate", () => {
  it("splits without losing a cent", () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    expect(allocate(5n, [0n, 1n])).toEqual([0n, 5n]);
  });
  it("always sums to the total and stays proportional within one unit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            const exact = (total * (weights[i] as bigint)) / sum;
            const diff = p - exact;
            expect(diff >= -1n && diff <= 1n).toBe(true);
          });
        },
      ),
    );
  });
  it("rejects empty and all-zero weights", () => {
    expect(() => allocate(1n, [])).toThrow();
    expect(() => allocate(1n, [0n, 0n])).toThrow();
  });
});
