import { useRouteLoaderData } from "react-router";
import type { loader } from "./root.tsx";

/** The CSRF token the root loader issued, for the hidden field of any form on the page. */
export function useCsrfToken(): string {
  return useRouteLoaderData<typeof loader>("root")?.csrf ?? "";
}
