import { LinkButton } from "@settle/ui/button";
import { isRouteErrorResponse, useLocation } from "react-router";

interface ErrorCopy {
  status: number;
  title: string;
  message: string;
}

/**
 * Words for an error, never its details: a 404 and a 403 say what happened, anything else is a
 * generic failure (the server logged the real error).
 */
export function describeError(error: unknown): ErrorCopy {
  if (isRouteErrorResponse(error)) {
    const given =
      error.data &&
      typeof error.data === "object" &&
      "message" in error.data &&
      typeof error.data.message === "string"
        ? error.data.message
        : undefined;
    switch (error.status) {
      case 404:
        return {
          status: 404,
          title: "Page not found",
          message: "There is nothing here. The address may be mistyped, or the record no longer exists.",
        };
      case 403:
        return {
          status: 403,
          title: "Not allowed",
          message: given ?? "You do not have permission to do this. Ask an administrator if you need access.",
        };
      case 400:
        return {
          status: 400,
          title: "Something is wrong with that request",
          message: given ?? "Check the address and try again.",
        };
      case 405:
        return {
          status: 405,
          title: "Not allowed here",
          message: "This address does not accept that kind of request.",
        };
      case 429:
        return {
          status: 429,
          title: "Slow down",
          message: given ?? "Too many requests. Wait a moment and try again.",
        };
    }
  }
  return {
    status: 500,
    title: "Something went wrong",
    message: "An unexpected error stopped this page. It has been logged; try again in a moment.",
  };
}

/** The body of every error boundary: a status, a sentence and a way back. */
export function ErrorPage({ error, compact }: { error: unknown; compact?: boolean }) {
  const copy = describeError(error);
  const location = useLocation();
  // Retrying helps with failures and rate limits, not with a missing page or a refusal.
  const retry = copy.status >= 500 || copy.status === 429;
  return (
    <div className={compact ? "py-16" : "flex min-h-dvh items-center justify-center px-6 py-16"}>
      <div className="mx-auto max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">Error {copy.status}</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">{copy.title}</h1>
        <p className="mt-3 text-base text-ink-muted">{copy.message}</p>
        <div className="mt-8 flex justify-center gap-3">
          <LinkButton to="/customers" variant="primary">
            Go to customers
          </LinkButton>
          {retry ? (
            <LinkButton to={`${location.pathname}${location.search}`} reloadDocument variant="secondary">
              Try again
            </LinkButton>
          ) : null}
        </div>
      </div>
    </div>
  );
}
