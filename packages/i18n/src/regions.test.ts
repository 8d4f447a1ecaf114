import { describe, expect, it } from "vitest";
import { countryName } from "./regions.ts";

describe("countryName", () => {
  it("names a country code in the reader's language", () => {
    expect(countryName("DE", "pt-BR")).toBe("Alemanha");
    expect(countryName("BR", "ar")).toBe("البرازيل");
    expect(countryName("us", "es")).toBe("Estados Unidos");
    expect(countryName("US", "en")).toBe("United States");
  });

  it("shows a code it cannot name as it is stored", () => {
    expect(countryName("ZZZ", "pt-BR")).toBe("ZZZ");
    expect(countryName("", "ar")).toBe("");
  });
});
