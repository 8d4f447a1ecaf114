import type { Resource, ResourceKey } from "i18next";
import { isLocale } from "./locales.ts";

/**
 * i18next resources from JSON files bundled by `import.meta.glob`, keyed by path: the language is
 * the folder under `locales/`, the namespace the rest of the path without `.json`, relative to
 * `root` (e.g. `locales/es/backoffice/` makes `backoffice/customers.json` the `customers` namespace).
 * `shared` names namespaces outside `root` that belong to it too (the activity sentences both
 * apps show).
 */
export function collectResources(files: Record<string, ResourceKey>, root = "", shared: string[] = []) {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/(.+)\.json$/.exec(path);
    if (!match) continue;
    const [, language = "", rest = ""] = match;
    if (!isLocale(language) || !(rest.startsWith(root) || shared.includes(rest))) continue;
    const namespace = shared.includes(rest) ? rest : rest.slice(root.length);
    resources[language] = { ...resources[language], [namespace]: content };
    namespaces.add(namespace);
  }
  return { resources, namespaces: [...namespaces].sort() };
}
