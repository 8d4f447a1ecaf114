import type { ResourceKey } from "i18next";
import { collectResources } from "./collect.ts";

/**
 * The back office's texts, locales/<language>/backoffice/<namespace>.json, bundled into its server
 * and browser builds like the portal's. Its namespaces are its own (`common` here is the back
 * office's frame, not the portal's), except `activity`, the sentences of audited changes that the
 * portal shows too.
 */
const files = import.meta.glob<ResourceKey>(
  ["../locales/*/backoffice/*.json", "../locales/*/activity.json"],
  {
    eager: true,
    import: "default",
  },
);

export const { resources, namespaces } = collectResources(files, "backoffice/", ["activity"]);
