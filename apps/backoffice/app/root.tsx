import { formatMoney } from "@settle/domain/money/money";
import { MoneyFormatProvider } from "@settle/ui/money-text";
import { useNonce } from "@settle/web/nonce";
import type { ReactNode } from "react";
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration } from "react-router";
import type { Route } from "./+types/root";
import stylesheet from "./app.css?url";
import { ErrorPage } from "./components/error-page.tsx";
import { csrfToken } from "./csrf.server.ts";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: Route.MetaFunction = () => [{ title: "Settle back office" }];

/** Every page gets a CSRF token for its forms; the cookie it is bound to is set on first visit. */
export function loader({ request }: Route.LoaderArgs) {
  const { token, setCookie } = csrfToken(request);
  return data({ csrf: token }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
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
        <MoneyFormatProvider format={formatMoney}>{children}</MoneyFormatProvider>
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
