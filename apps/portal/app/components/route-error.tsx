import { isRouteErrorResponse, useRouteError } from "react-router";
import { RouteErrorPanel } from "./error-page";

/** The error boundary of a page inside the signed-in layout (404 for foreign or unknown ids). */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data?.message === "string" ? error.data.message : undefined;
    return <RouteErrorPanel status={error.status} message={message} />;
  }
  return <RouteErrorPanel status={500} />;
}
