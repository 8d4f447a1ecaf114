import { formatMoney } from "@settle/domain/money/money";
import { DEFAULT_LOCALE, textDirection } from "@settle/i18n/locales";
import { MoneyFormatProvider } from "@settle/ui/money-text";
import { PageLocaleProvider } from "@settle/ui/page-locale";
import { useNonce } from "@settle/web/nonce";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import stylesheet from "./app.css?url";
import { ErrorPage } from "./components/error-page.tsx";
import { csrfToken } from "./csrf.server.ts";
import { i18nFor } from "./i18n/instance.ts";
import { getLocale } from "./i18n/locale.server.ts";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: i18nFor(loaderData?.locale ?? DEFAULT_LOCALE).t("common:meta.defaultTitle") },
];

/**
 * Every page gets a CSRF token for its forms (the cookie it is bound to is set on first visit) and
 * its language: the staff user's choice, else the browser's.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { token, setCookie } = csrfToken(request);
  const locale = await getLocale(request);
  return data({ csrf: token, locale }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={textDirection(locale)} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <Meta />
        {/* Stylesheets are allowed by style-src 'self'. No nonce here: browsers hide a script's
            nonce from the DOM but not a link's, so a nonce on links would never hydrate cleanly. */}
        <Links nonce="" />
      </head>
      <body className="h-full">
        {/* The instance is fixed to the page's language; a new language swaps the instance. */}
        <I18nextProvider i18n={i18nFor(locale)}>
          <PageLocaleProvider locale={locale}>
            <MoneyFormatProvider format={formatMoney}>{children}</MoneyFormatProvider>
          </PageLocaleProvider>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
