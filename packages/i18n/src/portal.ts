import type { ResourceKey } from "i18next";
import { collectResources } from "./collect.ts";

/**
 * The portal's texts, locales/<language>/<namespace>.json, bundled into both its server and its
 * browser build: no HTTP backend, no flash of untranslated text, and a new namespace works by
 * adding its files. E-mails and PDFs are rendered on the server only and stay out of it.
 */
const files = import.meta.glob<ResourceKey>(
  ["../locales/*/*.json", "!../locales/*/emails.json", "!../locales/*/pdf.json"],
  { eager: true, import: "default" },
);

export const { resources, namespaces } = collectResources(files);
