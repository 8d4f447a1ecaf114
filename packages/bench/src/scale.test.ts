import { describe, expect, it } from "vitest";
import { resolveScale, SCALES } from "./scale.ts";

describe("resolveScale", () => {
  it("returns the presets", () => {
    expect(resolveScale({})).toEqual(SCALES.default);
    expect(resolveScale({ scale: "small" })).toEqual(SCALES.small);
  });

  it("derives customers and the big customer from --items", () => {
    expect(resolveScale({ items: "200000" })).toEqual({
      name: "custom",
      customers: 2_000,
      items: 200_000,
      bigCustomerItems: 7_000,
      bigCustomerOpenItems: 5_000,
    });
    expect(resolveScale({ items: "20_000" })).toMatchObject({
      customers: 200,
      bigCustomerItems: 1_400,
      bigCustomerOpenItems: 1_000,
    });
    expect(resolveScale({ scale: "large", bigOpen: "3000" })).toMatchObject({
      items: 1_000_000,
      bigCustomerItems: 7_000,
      bigCustomerOpenItems: 3_000,
    });
  });

  it("refuses nonsense", () => {
    expect(() => resolveScale({ scale: "huge" })).toThrow(/Unknown --scale/);
    expect(() => resolveScale({ items: "-5" })).toThrow(/positive whole number/);
    expect(() => resolveScale({ items: "1000", bigItems: "800" })).toThrow(/at most half/);
    expect(() => resolveScale({ bigItems: "1000", bigOpen: "900" })).toThrow(/at most 80%/);
  });
});
