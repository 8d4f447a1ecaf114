import { useRouteLoaderData } from "react-router";
import type { loader } from "~/root";
import { DEFAULT_LOCALE, type Locale, textDirection } from "./locale";

/** The CSRF token for this page's forms (from the root loader). */
export function useCsrfToken(): string {
  return useRouteLoaderData<typeof loader>("root")?.csrfToken ?? "";
}

/**
 * The page's language (en, es, pt-BR or ar): the one the texts are in, and the one to pass to
 * <MoneyText locale>, <DateText locale> and Intl formatters.
 */
export function useLocale(): Locale {
  return useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
}

/** "rtl" for Arabic, else "ltr". */
export function useTextDirection(): "ltr" | "rtl" {
  return textDirection(useLocale());
}
