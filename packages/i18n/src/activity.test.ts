import { describe, expect, it } from "vitest";
import ar from "../locales/ar/activity.json" with { type: "json" };
import en from "../locales/en/activity.json" with { type: "json" };
import es from "../locales/es/activity.json" with { type: "json" };
import ptBR from "../locales/pt-BR/activity.json" with { type: "json" };
import { type ActivityFactsShape, activitySentence } from "./activity.ts";
import { instancesPerLanguage } from "./instances.ts";
import type { Locale } from "./locales.ts";

const i18nFor = instancesPerLanguage({
  resources: {
    en: { activity: en },
    es: { activity: es },
    "pt-BR": { activity: ptBR },
    ar: { activity: ar },
  },
  namespaces: ["activity"],
  defaultNS: "activity",
});

// The apps pass their money module's formatter; this one shows what it was given.
const money = (amount: bigint, currency: string, locale: string) => `[${amount} ${currency} ${locale}]`;

const sentence = (locale: Locale, facts: ActivityFactsShape) =>
  activitySentence(i18nFor(locale).t, facts, { locale, money });

const raise = {
  action: "dispute.raise",
  actor: { kind: "staff", name: "Dana Whitfield" },
  dispute: "D-5",
  invoices: ["INV-102411"],
  amount: { amount: 500_00n, currency: "USD" },
};

describe("activitySentence", () => {
  it("says who did what, on which numbers, for how much, in the page's language", () => {
    expect(sentence("en", raise)).toBe("Dana Whitfield raised dispute D-5 on INV-102411 for [50000 USD en]");
    expect(sentence("pt-BR", raise)).toBe(
      "Dana Whitfield abriu a contestação D-5 sobre INV-102411 no valor de [50000 USD pt-BR]",
    );
    expect(sentence("en", { ...raise, invoices: ["INV-1", "INV-2"] })).toContain("on INV-1 and INV-2 for");
  });

  it("words codes, picks the variant with a credit, and names hidden or system actors", () => {
    const resolve = {
      action: "dispute.resolve",
      actor: { kind: "staff", name: null },
      dispute: "D-5",
      invoices: ["INV-102411"],
      outcome: "PARTIAL",
      amount: null,
    };
    expect(sentence("en", resolve)).toBe("Our team resolved dispute D-5 on INV-102411: partly valid");
    expect(
      sentence("en", { ...resolve, amount: { amount: 120_00n, currency: "USD" }, variant: "credit" }),
    ).toBe("Our team resolved dispute D-5 on INV-102411: partly valid, with a credit of [12000 USD en]");
    expect(sentence("en", { action: "seed.load", actor: { kind: "system", name: null } })).toBe(
      "Settle loaded the demo data",
    );
  });

  it("an action without a sentence reads as a change by its actor, never as its code", () => {
    const text = sentence("es", { action: "credit_limit.change", actor: { kind: "staff", name: "Ana" } });
    expect(text).toBe("Ana registró un cambio");
    expect(sentence("en", { action: "other", actor: { kind: "portal", name: null } })).toBe(
      "A portal user recorded a change",
    );
  });
});
