import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from "~/lib/locale";
import { namespaces, resources } from "./resources";

// One instance per language, created on first use and never switched: concurrent server
// renders in different languages cannot affect each other, and the browser swaps instances
// (through the provider in root.tsx) instead of mutating one.
const instances = new Map<Locale, i18n>();

/** The i18next instance for a language, initialized synchronously with every namespace. */
export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    instance.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...SUPPORTED_LOCALES],
      load: "currentOnly",
      resources,
      ns: namespaces,
      defaultNS: "common",
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      initAsync: false,
      showSupportNotice: false,
      react: { useSuspense: false },
    });
    instances.set(locale, instance);
  }
  return instance;
}
