import type { TFunction } from "i18next";

/**
 * What a thrown response may carry for the visitor: a translation key (with values) worded for
 * that case, e.g. `throw data({ messageKey: "statement:errors.reversedRange" }, { status: 400 })`.
 * Anything else in the response (English messages for logs) is never shown.
 */
export interface ErrorDetail {
  messageKey?: string;
  values?: Record<string, string | number>;
}

export function errorDetailOf(data: unknown): ErrorDetail {
  if (!data || typeof data !== "object") return {};
  const { messageKey, values } = data as Record<string, unknown>;
  return {
    messageKey: typeof messageKey === "string" ? messageKey : undefined,
    values: values && typeof values === "object" ? (values as ErrorDetail["values"]) : undefined,
  };
}

/** The statuses with words of their own; anything else reads as a problem on our side. */
const WORDED = new Set([400, 403, 404, 429, 503]);

export interface ErrorCopy {
  title: string;
  body: string;
}

/**
 * What a visitor reads for an error status. A page's own message replaces the body only for the
 * statuses that carry one on purpose (bad request, expired form, rate limit, a service switched off); a 404 never says
 * more than "not found" and a 500 never shows details.
 */
export function errorCopy(t: TFunction, status: number, detail: ErrorDetail = {}): ErrorCopy {
  const key = WORDED.has(status) ? String(status) : "500";
  const own =
    detail.messageKey &&
    key !== "404" &&
    key !== "500" &&
    t(detail.messageKey, { defaultValue: "", ...detail.values });
  return { title: t(`errors:${key}.title`), body: own || t(`errors:${key}.body`) };
}
