import type { TFunction } from "i18next";
import type { MetaDescriptor } from "react-router";
import { DEFAULT_LOCALE, toLocale } from "~/lib/locale";
import { i18nFor } from "./instance";

type MetaMatchLike = { id: string; loaderData?: unknown } | undefined;

/** `t` in the page's language, for meta functions (they run outside React, without hooks). */
export function metaT(matches: readonly MetaMatchLike[]): TFunction {
  const root = matches.find((match) => match?.id === "root")?.loaderData;
  const locale = root && typeof root === "object" && "locale" in root ? toLocale(root.locale) : null;
  return i18nFor(locale ?? DEFAULT_LOCALE).t;
}

/**
 * A page's title ("Sign in · Settle customer portal") and description in the page's language:
 * `export const meta: Route.MetaFunction = ({ matches }) => pageMeta(matches, (t) => t("auth:login.title"))`.
 */
export function pageMeta(
  matches: readonly MetaMatchLike[],
  title: (t: TFunction) => string,
): MetaDescriptor[] {
  const t = metaT(matches);
  return [
    { title: t("common:meta.title", { page: title(t) }) },
    { name: "description", content: t("common:meta.description") },
  ];
}
