import { namespaces, resources } from "@settle/i18n/backoffice";
import { instancesPerLanguage } from "@settle/i18n/instances";
import { initReactI18next } from "react-i18next";

/** The back office's i18next instance for a language, with every back office namespace. */
export const i18nFor = instancesPerLanguage({
  resources,
  namespaces,
  defaultNS: "common",
  plugins: [initReactI18next],
});
