import { isDomainError } from "@settle/domain/errors";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { pageUrl } from "@settle/web/request.server";
import { data } from "react-router";
import type { ErrorDetail } from "~/components/error-copy";

// Content types, file names and streaming are the same for every app's downloads.
export {
  CONTENT_TYPES,
  contentDisposition,
  type DownloadFormat,
  streamDownload,
} from "@settle/web/downloads.server";

/** The URL's parameters as the plain strings the domain schemas take (repeated keys: the last). */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(pageUrl(request).searchParams);
}

/**
 * A VALIDATION error from a statement or invoice use case, as a message key of the page's own
 * namespace (`statement:problems.reversedRange`) with its values, so the page can say in its
 * language what to change. Anything else is not a filter problem: null.
 */
export function filterProblem(
  error: unknown,
  namespace: "statement" | "invoices" | "payment-history",
): ErrorDetail | null {
  if (!isDomainError(error) || error.code !== "VALIDATION") return null;
  const { problem, ...rest } = error.details ?? {};
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.join(", ");
  }
  return { messageKey: `${namespace}:problems.${typeof problem === "string" ? problem : "invalid"}`, values };
}

/**
 * Runs a download's use case: NOT_FOUND (another account's ids) is a 404 like the page's, a
 * filter problem a 400 carrying its message key, anything unexpected a 500.
 */
export async function loadForDownload<T>(
  namespace: "statement" | "invoices",
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const problem = filterProblem(error, namespace);
    if (problem) throw data(problem, { status: 400 });
    throwAsResponse(error);
  }
}
