import { describe, expect, it } from "vitest";
import { matchPortalLocale, PORTAL_LOCALES } from "./portal-locales.ts";

describe("matchPortalLocale", () => {
  it("matches on the language, whatever the region", () => {
    expect(matchPortalLocale("pt")).toBe("pt-BR");
    expect(matchPortalLocale("pt-PT")).toBe("pt-BR");
    expect(matchPortalLocale("pt-br")).toBe("pt-BR");
    expect(matchPortalLocale("es-MX")).toBe("es");
    expect(matchPortalLocale("ar-EG")).toBe("ar");
    expect(matchPortalLocale("en-GB")).toBe("en");
    for (const locale of PORTAL_LOCALES) expect(matchPortalLocale(locale)).toBe(locale);
  });

  it("gives null for other languages and malformed tags", () => {
    expect(matchPortalLocale("de")).toBeNull();
    expect(matchPortalLocale("not a tag")).toBeNull();
    expect(matchPortalLocale("")).toBeNull();
    expect(matchPortalLocale(null)).toBeNull();
  });
});
