import { createContext, type ReactNode, useContext } from "react";

const PageLocaleContext = createContext<string | null>(null);

/**
 * The page's language, for <MoneyText> and <DateText> that are not given one: an app whose pages
 * are all in one language per request sets it once in its root layout.
 */
export function PageLocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <PageLocaleContext.Provider value={locale}>{children}</PageLocaleContext.Provider>;
}

/** The page's language, or en-US without a provider. */
export function usePageLocale(): string {
  return useContext(PageLocaleContext) ?? "en-US";
}
