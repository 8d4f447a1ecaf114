import { LinkButton } from "@settle/ui/button";
import type { TFunction } from "i18next";
import { isRouteErrorResponse, useLocation } from "react-router";
import { useTranslation } from "../i18n/use-translation.ts";

interface ErrorCopy {
  status: number;
  title: string;
  message: string;
}

const KEYS: Record<number, string> = {
  404: "notFound",
  403: "forbidden",
  400: "badRequest",
  405: "methodNotAllowed",
  429: "tooManyRequests",
};

// Statuses whose response may carry its own sentence (e.g. what a 403 refused). It is English, so
// it is shown on English pages only; other languages get the status's general words.
const GIVEN_SHOWN = new Set([403, 400, 429]);

/**
 * Words for an error, never its details: a 404 and a 403 say what happened, anything else is a
 * generic failure (the server logged the real error).
 */
export function describeError(t: TFunction, language: string, error: unknown): ErrorCopy {
  const status = isRouteErrorResponse(error) && KEYS[error.status] ? error.status : 500;
  const key = KEYS[status] ?? "unexpected";
  const data = isRouteErrorResponse(error) ? (error.data as unknown) : null;
  const given =
    data && typeof data === "object" && "message" in data && typeof data.message === "string"
      ? data.message
      : undefined;
  const own = given && language === "en" && GIVEN_SHOWN.has(status) ? given : undefined;
  return {
    status,
    title: t(`common:errors.${key}.title`),
    message: own ?? t(`common:errors.${key}.message`),
  };
}

/** The body of every error boundary: a status, a sentence and a way back. */
export function ErrorPage({ error, compact }: { error: unknown; compact?: boolean }) {
  const { t, i18n } = useTranslation("common");
  const copy = describeError(t, i18n.language, error);
  const location = useLocation();
  // Retrying helps with failures and rate limits, not with a missing page or a refusal.
  const retry = copy.status >= 500 || copy.status === 429;
  return (
    <div className={compact ? "py-16" : "flex min-h-dvh items-center justify-center px-6 py-16"}>
      <div className="mx-auto max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">{t("errors.status", { status: copy.status })}</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">{copy.title}</h1>
        <p className="mt-3 text-base text-ink-muted">{copy.message}</p>
        <div className="mt-8 flex justify-center gap-3">
          <LinkButton to="/customers" variant="primary">
            {t("errors.goToCustomers")}
          </LinkButton>
          {retry ? (
            <LinkButton to={`${location.pathname}${location.search}`} reloadDocument variant="secondary">
              {t("errors.tryAgain")}
            </LinkButton>
          ) : null}
        </div>
      </div>
    </div>
  );
}
