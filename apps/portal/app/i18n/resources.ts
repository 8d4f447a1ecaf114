import type { Resource, ResourceKey } from "i18next";
import { SUPPORTED_LOCALES } from "~/lib/locale";

/**
 * Every translation file, app/locales/<language>/<namespace>.json, bundled into both the server
 * and the browser build: no HTTP backend, no flash of untranslated text, and a new namespace
 * works by adding its files.
 */
const files = import.meta.glob<ResourceKey>("../locales/*/*.json", { eager: true, import: "default" });

function collect() {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language = "", namespace = ""] = match;
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(language)) continue;
    resources[language] = { ...resources[language], [namespace]: content };
    namespaces.add(namespace);
  }
  return { resources, namespaces: [...namespaces].sort() };
}

export const { resources, namespaces } = collect();
