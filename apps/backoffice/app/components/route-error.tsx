import { ErrorPage } from "./error-page.tsx";

/** Per-route boundary: the error replaces the page content, the shell and navigation stay. */
export function RouteError({ error }: { error: unknown }) {
  return <ErrorPage error={error} compact />;
}
