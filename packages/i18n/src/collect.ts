import type { Resource, ResourceKey } from "i18next";
import { isLocale } from "./locales.ts";

/**
 * i18next resources from JSON files bundled by `import.meta.glob`, keyed by path: the language is
 * the folder under `locales/`, the namespace the rest of the path without `.json`, relative to
 * `root` (e.g. `locales/es/backoffice/` makes `backoffice/customers.json` the `customers` namespace).
 */
export function collectResources(files: Record<string, ResourceKey>, root = "") {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/(.+)\.json$/.exec(path);
    if (!match) continue;
    const [, language = "", rest = ""] = match;
    if (!isLocale(language) || !rest.startsWith(root)) continue;
    const namespace = rest.slice(root.length);
    resources[language] = { ...resources[language], [namespace]: content };
    namespaces.add(namespace);
  }
  return { resources, namespaces: [...namespaces].sort() };
}
