import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales.ts";

/**
 * The catalogue's language for a BCP 47 tag, matched on the language alone: "pt" and "pt-PT" get
 * Brazilian Portuguese, "es-MX" Spanish, "ar-EG" Arabic, "en-GB" English. Null when there are no
 * texts in that language or the tag is malformed.
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag || tag.length > 100) return null;
  let language: string;
  try {
    language = new Intl.Locale(tag).language;
  } catch {
    return null;
  }
  return LOCALES.find((locale) => locale.split("-")[0] === language) ?? null;
}

export const toLocale = (value: unknown): Locale | null =>
  typeof value === "string" ? matchLocale(value) : null;

/**
 * The language for an Accept-Language header: the highest-weighted tag in a language the
 * catalogue has ("pt" → pt-BR, "es-MX" → es, "ar-EG" → ar), or null. Every tag is considered, so
 * "de, es;q=0.8" gets Spanish rather than the fallback.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return null;
}

export interface LocaleSignals {
  /** Picked with a language switcher (e.g. the portal's cookie). */
  chosen?: string | null;
  /** Saved on the signed-in user. */
  saved?: string | null;
  acceptLanguage?: string | null;
}

/** Explicit choice, then the user's saved language, then the browser's, then English. */
export function negotiateLocale({ chosen, saved, acceptLanguage }: LocaleSignals): Locale {
  return toLocale(chosen) ?? toLocale(saved) ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
