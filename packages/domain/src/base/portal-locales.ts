import { DEFAULT_LOCALE, LOCALES, type Locale } from "@settle/i18n/locales";
import { matchLocale } from "@settle/i18n/negotiate";
import { z } from "zod";

/**
 * The languages of the customer portal, the back office and the e-mails they send: the message
 * catalogue's (@settle/i18n). English is the fallback for anything not written in the visitor's
 * language. Kept free of server-only imports: browser code negotiates with the same list.
 */
export const PORTAL_LOCALES = LOCALES;
export type PortalLocale = Locale;

export const DEFAULT_PORTAL_LOCALE: PortalLocale = DEFAULT_LOCALE;

export const PortalLocaleSchema = z.enum(PORTAL_LOCALES, {
  error: "Choose one of the portal's languages.",
});

/**
 * The language for a BCP 47 tag, matched on the language alone: "pt" and "pt-PT" get Brazilian
 * Portuguese, "es-MX" Spanish. Null when there are no texts in that language or the tag is malformed.
 */
export const matchPortalLocale: (tag: string | null | undefined) => PortalLocale | null = matchLocale;
