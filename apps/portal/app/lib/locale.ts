import {
  DEFAULT_PORTAL_LOCALE,
  matchPortalLocale,
  PORTAL_LOCALES,
  type PortalLocale,
} from "@settle/domain/base/portal-locales";

/** The portal's languages; texts, numbers, dates and amounts all follow the one chosen. */
export const SUPPORTED_LOCALES = PORTAL_LOCALES;
export type Locale = PortalLocale;
/** English: the language of last resort, and the source every translation is checked against. */
export const DEFAULT_LOCALE: Locale = DEFAULT_PORTAL_LOCALE;

export const textDirection = (locale: Locale): "ltr" | "rtl" => (locale === "ar" ? "rtl" : "ltr");

export const toLocale = (value: unknown): Locale | null =>
  typeof value === "string" ? matchPortalLocale(value) : null;

/**
 * The portal language for an Accept-Language header: the highest-weighted tag in a language the
 * portal speaks ("pt" → pt-BR, "es-MX" → es, "ar-EG" → ar), or null. Every tag is considered, so
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
    const locale = matchPortalLocale(tag);
    if (locale) return locale;
  }
  return null;
}

export interface LocaleSignals {
  /** Picked with the language switcher (the cookie). */
  chosen?: string | null;
  /** Saved on the signed-in portal user. */
  saved?: string | null;
  acceptLanguage?: string | null;
}

/** Explicit choice, then the user's saved language, then the browser's, then English. */
export function negotiateLocale({ chosen, saved, acceptLanguage }: LocaleSignals): Locale {
  return toLocale(chosen) ?? toLocale(saved) ?? localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
