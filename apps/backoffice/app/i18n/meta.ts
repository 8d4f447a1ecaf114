import { DEFAULT_LOCALE, type Locale } from "@settle/i18n/locales";
import { toLocale } from "@settle/i18n/negotiate";
import type { TFunction } from "i18next";
import type { MetaDescriptor } from "react-router";
import { i18nFor } from "./instance.ts";

type MetaMatchLike = { id: string; loaderData?: unknown } | undefined;

function pageLocale(matches: readonly MetaMatchLike[]): Locale {
  const root = matches.find((match) => match?.id === "root")?.loaderData;
  return (
    (root && typeof root === "object" && "locale" in root ? toLocale(root.locale) : null) ?? DEFAULT_LOCALE
  );
}

/**
 * A page's title ("Customers · Settle back office") in the page's language (meta functions run
 * outside React, without hooks): `meta = ({ matches }) => pageMeta(matches, (t) => t("customers:title"))`.
 */
export function pageMeta(
  matches: readonly MetaMatchLike[],
  title: (t: TFunction) => string,
): MetaDescriptor[] {
  const { t } = i18nFor(pageLocale(matches));
  return [{ title: t("common:meta.title", { page: title(t) }) }];
}
