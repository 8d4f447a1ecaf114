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
      bigCustomerItems: 5_000,
    });
    expect(resolveScale({ items: "20_000" })).toMatchObject({ customers: 200, bigCustomerItems: 1_000 });
  });

  it("refuses nonsense", () => {
    expect(() => resolveScale({ scale: "huge" })).toThrow(/Unknown --scale/);
    expect(() => resolveScale({ items: "-5" })).toThrow(/positive whole number/);
    expect(() => resolveScale({ items: "1000", bigItems: "800" })).toThrow(/at most half/);
  });
});
