import type { ResourceKey } from "i18next";
import { describe, expect, it } from "vitest";
import { collectResources } from "./collect.ts";
import { DEFAULT_LOCALE, LOCALES } from "./locales.ts";

// Every namespace of the catalogue (the portal's, the back office's, e-mails, PDFs) is checked
// against English: every language has its file, the same keys, the plural forms each language
// needs (Arabic has six), the same placeholders and markup, nothing left empty.

const files = import.meta.glob<ResourceKey>("../locales/**/*.json", { eager: true, import: "default" });
const { resources, namespaces } = collectResources(files);

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = "", out = new Map<string, string>()) {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  else out.set(prefix, String(value));
  return out;
}

/** Base key (plural suffix removed) → its texts. */
function entries(language: string, namespace: string) {
  const grouped = new Map<string, { forms: Set<string>; texts: string[] }>();
  for (const [key, text] of flatten(resources[language]?.[namespace])) {
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    const entry = grouped.get(base) ?? { forms: new Set<string>(), texts: [] };
    if (form) entry.forms.add(form);
    entry.texts.push(text);
    grouped.set(base, entry);
  }
  return grouped;
}

const placeholders = (texts: string[]) =>
  new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1])));
const tags = (texts: string[]) =>
  new Set(texts.flatMap((t) => [...t.matchAll(/<\/?(\w+)/g)].map((m) => m[0])));

describe("the catalogue", () => {
  it("holds the portal's namespaces", () => {
    expect(namespaces).toEqual(
      expect.arrayContaining(["accounts", "auth", "common", "devices", "errors", "home"]),
    );
  });

  for (const namespace of namespaces) {
    const english = entries(DEFAULT_LOCALE, namespace);
    for (const language of LOCALES) {
      it(`${language}/${namespace}.json matches the English keys, plurals, placeholders and markup`, () => {
        expect(resources[language]?.[namespace], `${language}/${namespace}.json exists`).toBeDefined();
        const translated = entries(language, namespace);
        expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        for (const [key, source] of english) {
          const target = translated.get(key);
          if (!target) continue;
          for (const text of target.texts) expect(text.trim(), `${key} is empty`).not.toBe("");
          if (source.forms.size > 0) {
            expect([...target.forms].sort(), `${key} plural forms`).toEqual([...categories].sort());
          }
          // A form may leave the number out ("one minute"), never add or lose another value.
          const wanted = [...placeholders(source.texts)].filter((p) => p !== "count").sort();
          const found = [...placeholders(target.texts)].filter((p) => p !== "count").sort();
          expect(found, `${key} placeholders`).toEqual(wanted);
          expect([...tags(target.texts)].sort(), `${key} markup`).toEqual([...tags(source.texts)].sort());
        }
      });
    }
  }
});
