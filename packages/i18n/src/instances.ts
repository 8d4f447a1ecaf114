import { createInstance, type i18n, type Module, type Resource } from "i18next";
import { isolate } from "./isolate.ts";
import { DEFAULT_LOCALE, LOCALES, type Locale, textDirection } from "./locales.ts";

export interface Catalogue {
  resources: Resource;
  namespaces: string[];
  defaultNS: string;
  /** i18next plugins, e.g. react-i18next's `initReactI18next` for an app's instances. */
  plugins?: Module[];
}

/**
 * One i18next instance per language, all created and initialized synchronously (every resource
 * is bundled) when the module asking for them loads, never per request, and never switched:
 * concurrent server renders in different languages cannot affect each other, and the browser
 * swaps instances instead of mutating one.
 */
export function instancesPerLanguage({ resources, namespaces, defaultNS, plugins = [] }: Catalogue) {
  const instances = new Map<Locale, i18n>();
  for (const locale of LOCALES) {
    const instance = createInstance();
    for (const plugin of plugins) instance.use(plugin);
    instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      load: "currentOnly",
      resources,
      ns: namespaces,
      defaultNS,
      // React escapes what it renders; e-mail and PDF code escapes or draws text itself. The
      // "escape" of a right-to-left language isolates each value instead (see `isolate`).
      interpolation:
        textDirection(locale) === "rtl" ? { escapeValue: true, escape: isolate } : { escapeValue: false },
      returnEmptyString: false,
      initAsync: false,
      showSupportNotice: false,
      react: { useSuspense: false },
    });
    instances.set(locale, instance);
  }
  return (locale: Locale): i18n => instances.get(locale) ?? (instances.get(DEFAULT_LOCALE) as i18n);
}
