import { describe, expect, it } from "vitest";
import { i18nFor } from "./instance";

// The catalogue's parity (keys, plurals, placeholders, markup) is tested in @settle/i18n.
describe("i18nFor", () => {
  it("translates with each language's plural rules", () => {
    expect(i18nFor("en").t("auth:duration.minutes", { count: 1 })).toBe("1 minute");
    expect(i18nFor("es").t("auth:duration.minutes", { count: 10 })).toBe("10 minutos");
    expect(i18nFor("pt-BR").t("home:status.overdueBy", { count: 1234 })).toBe("Vencida há 1.234 dias");
    expect(i18nFor("ar").t("auth:duration.minutes", { count: 2 })).toBe("دقيقتين");
    expect(i18nFor("ar").t("auth:duration.minutes", { count: 10 })).toBe("\u206810\u2069 دقائق");
    expect(i18nFor("ar").t("auth:duration.minutes", { count: 15 })).toBe("\u206815\u2069 دقيقة");
  });

  it("keeps one instance per language, each fixed to it", () => {
    expect(i18nFor("ar")).toBe(i18nFor("ar"));
    expect(i18nFor("ar").language).toBe("ar");
    expect(i18nFor("ar").dir()).toBe("rtl");
    expect(i18nFor("es").t("common:header.signOut")).toBe("Cerrar sesión");
    expect(i18nFor("en").t("common:header.signOut")).toBe("Sign out");
  });

  it("has only the portal's namespaces, without e-mails and PDFs", () => {
    expect(i18nFor("en").options.ns).toEqual(expect.arrayContaining(["common", "statement"]));
    expect(i18nFor("en").options.ns).not.toContain("emails");
  });
});
