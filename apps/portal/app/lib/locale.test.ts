import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, preferredLocale } from "./locale";

describe("preferredLocale", () => {
  it("takes the highest-weighted supported tag", () => {
    expect(preferredLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(preferredLocale("en;q=0.5, pt-BR;q=0.9")).toBe("pt-BR");
    expect(preferredLocale("fr-ch, fr;q=0.9")).toBe("fr-CH");
  });

  it("skips malformed tags and wildcards", () => {
    expect(preferredLocale("*, not a tag!, en-GB;q=0.4")).toBe("en-GB");
    expect(preferredLocale("en-US;q=0")).toBe(DEFAULT_LOCALE);
  });

  it("falls back without a header", () => {
    expect(preferredLocale(null)).toBe(DEFAULT_LOCALE);
    expect(preferredLocale("")).toBe(DEFAULT_LOCALE);
  });
});
