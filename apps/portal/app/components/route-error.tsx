import { isRouteErrorResponse, useRouteError } from "react-router";
import { errorDetailOf } from "./error-copy";
import { ErrorPage, RouteErrorPanel } from "./error-page";

/** The error boundary of a page inside the signed-in layout (404 for foreign or unknown ids). */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error))
    return <RouteErrorPanel status={error.status} detail={errorDetailOf(error.data)} />;
  return <RouteErrorPanel status={500} />;
}

/** The error boundary of a whole page (root and signed-in layout): header, text, a way back. */
export function PageError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error))
    return <ErrorPage status={error.status} detail={errorDetailOf(error.data)} />;
  return <ErrorPage status={500} />;
}
