import { z } from "zod";

/**
 * The languages of the customer portal and of the e-mails it sends. English is the fallback for
 * anything not written in the visitor's language. Kept free of server-only imports: the portal's
 * browser code negotiates with the same list.
 */
export const PORTAL_LOCALES = ["en", "es", "pt-BR", "ar"] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

export const DEFAULT_PORTAL_LOCALE: PortalLocale = "en";

export const PortalLocaleSchema = z.enum(PORTAL_LOCALES, {
  error: "Choose one of the portal's languages.",
});

/**
 * The portal language for a BCP 47 tag, matched on the language alone: "pt" and "pt-PT" get
 * Brazilian Portuguese, "es-MX" Spanish, "ar-EG" Arabic, "en-GB" English. Null when the portal
 * has no text in that language or the tag is malformed.
 */
export function matchPortalLocale(tag: string | null | undefined): PortalLocale | null {
  if (!tag || tag.length > 100) return null;
  let language: string;
  try {
    language = new Intl.Locale(tag).language;
  } catch {
    return null;
  }
  return PORTAL_LOCALES.find((locale) => locale.split("-")[0] === language) ?? null;
}
