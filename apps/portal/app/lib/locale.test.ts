import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, localeFromAcceptLanguage, negotiateLocale, textDirection } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it("maps regional and bare tags to the portal's languages", () => {
    expect(localeFromAcceptLanguage("pt")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("ar-SA")).toBe("ar");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
  });

  it("takes the highest-weighted language the portal speaks, not only the first tag", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,es;q=0.8,en;q=0.7")).toBe("es");
    expect(localeFromAcceptLanguage("en;q=0.5, pt-BR;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9")).toBeNull();
  });

  it("skips malformed tags, wildcards and refused languages", () => {
    expect(localeFromAcceptLanguage("*, not a tag!, ar;q=0.4")).toBe("ar");
    expect(localeFromAcceptLanguage("es;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
  });
});

describe("negotiateLocale", () => {
  it("prefers an explicit choice, then the saved language, then the browser", () => {
    expect(negotiateLocale({ chosen: "ar", saved: "pt-BR", acceptLanguage: "es" })).toBe("ar");
    expect(negotiateLocale({ saved: "pt-BR", acceptLanguage: "es" })).toBe("pt-BR");
    expect(negotiateLocale({ acceptLanguage: "es-AR" })).toBe("es");
    expect(negotiateLocale({})).toBe(DEFAULT_LOCALE);
  });

  it("ignores values the portal has no texts for", () => {
    expect(negotiateLocale({ chosen: "xx-invalid!", saved: "de", acceptLanguage: "pt" })).toBe("pt-BR");
    expect(negotiateLocale({ chosen: "fr", saved: "de", acceptLanguage: "fr" })).toBe("en");
  });
});

describe("textDirection", () => {
  it("is right-to-left for Arabic only", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("pt-BR")).toBe("ltr");
  });
});
