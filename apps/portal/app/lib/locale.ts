import {
  DEFAULT_LOCALE as CATALOGUE_DEFAULT,
  type Locale as CatalogueLocale,
  LOCALES,
} from "@settle/i18n/locales";

/** The portal's languages; texts, numbers, dates and amounts all follow the one chosen. */
export const SUPPORTED_LOCALES = LOCALES;
export type Locale = CatalogueLocale;
/** English: the language of last resort, and the source every translation is checked against. */
export const DEFAULT_LOCALE: Locale = CATALOGUE_DEFAULT;

export { textDirection } from "@settle/i18n/locales";
// Negotiation (the saved choice, then the browser's Accept-Language) is the catalogue's, shared
// with the back office.
export {
  type LocaleSignals,
  localeFromAcceptLanguage,
  negotiateLocale,
  toLocale,
} from "@settle/i18n/negotiate";
