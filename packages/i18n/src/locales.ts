/**
 * The languages Settle speaks: the portal, the back office, e-mails and PDFs. English is the
 * fallback for anything not written in another language, and the source every translation is
 * checked against. Kept free of server-only imports: browser code negotiates with the same list.
 */
export const LOCALES = ["en", "es", "pt-BR", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** Arabic is written right to left; the others left to right. */
export const textDirection = (locale: Locale): "ltr" | "rtl" => (locale === "ar" ? "rtl" : "ltr");
