import { describe, expect, it } from "vitest";
import { formatQuantity, formatRate } from "./invoice-numbers";

describe("formatQuantity", () => {
  it("shows thousandths exactly, without trailing zeros, in the page's language", () => {
    expect(formatQuantity(1500n, "en")).toBe("1.5");
    expect(formatQuantity(2000n, "en")).toBe("2");
    expect(formatQuantity(-1250n, "en")).toBe("-1.25");
    expect(formatQuantity(1234567n, "pt-BR")).toBe("1.234,567");
  });
});

describe("formatRate", () => {
  it("turns basis points into a percentage", () => {
    expect(formatRate(1900, "en")).toBe("19%");
    expect(formatRate(625, "en")).toBe("6.25%");
    expect(formatRate(0, "en")).toBe("0%");
  });
});
