import { formatMoney } from "@settle/domain/money/money";
import { MoneyFormatProvider } from "@settle/ui/money-text";
import { useNonce } from "@settle/web/nonce";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { errorCopy } from "./components/error-copy";
import { PageError } from "./components/route-error";
import { csrfTokenFor } from "./csrf.server";
import { getLocale } from "./i18n/i18n.server";
import { i18nFor } from "./i18n/instance";
import { DEFAULT_LOCALE, textDirection } from "./lib/locale";

export const meta: Route.MetaFunction = ({ loaderData, error }) => {
  const { t } = i18nFor(loaderData?.locale ?? DEFAULT_LOCALE);
  // An error page (the root boundary) is titled with what went wrong.
  const status = error ? (isRouteErrorResponse(error) ? error.status : 500) : null;
  const problem = status ? errorCopy(t, status).title : null;
  return [
    { title: problem ? t("common:meta.title", { page: problem }) : t("common:meta.defaultTitle") },
    { name: "description", content: t("common:meta.description") },
  ];
};

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  const csrf = csrfTokenFor(request);
  const locale = await getLocale(request);
  return data(
    { csrfToken: csrf.token, locale },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={textDirection(locale)} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body className="h-full min-h-screen bg-canvas text-ink">
        {/* The instance is fixed to the page's language; a new language swaps the instance. */}
        <I18nextProvider i18n={i18nFor(locale)}>
          <MoneyFormatProvider format={formatMoney}>{children}</MoneyFormatProvider>
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

/** The last line of defence: a calm page with a way back, never a stack trace. */
export function ErrorBoundary() {
  return <PageError />;
}
