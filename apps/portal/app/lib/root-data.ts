import { useRouteLoaderData } from "react-router";
import type { loader } from "~/root";
import { DEFAULT_LOCALE } from "./locale";

/** The CSRF token for this page's forms (from the root loader). */
export function useCsrfToken(): string {
  return useRouteLoaderData<typeof loader>("root")?.csrfToken ?? "";
}

/** The locale for formatting amounts and dates (the browser's Accept-Language). */
export function useLocale(): string {
  return useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
}
