import { instancesPerLanguage } from "@settle/i18n/instances";
import { namespaces, resources } from "@settle/i18n/portal";
import { initReactI18next } from "react-i18next";

/** The portal's i18next instance for a language, with every portal namespace (see @settle/i18n). */
export const i18nFor = instancesPerLanguage({
  resources,
  namespaces,
  defaultNS: "common",
  plugins: [initReactI18next],
});
