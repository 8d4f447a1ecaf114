import { useRouteLoaderData } from "react-router";
import type { loader } from "~/root";
import type { loader as signedInLoader } from "~/routes/signed-in-layout";
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

/** The signed-in user's capabilities on one account (none outside the signed-in pages). */
export function useAccountCapabilities(customerId: string): { canPay: boolean; canManageUsers: boolean } {
  const id = customerId.toLowerCase();
  const account = useRouteLoaderData<typeof signedInLoader>("routes/signed-in-layout")?.accounts.find(
    (a) => a.customerId === id,
  );
  return { canPay: account?.canPay ?? false, canManageUsers: account?.canManageUsers ?? false };
}
