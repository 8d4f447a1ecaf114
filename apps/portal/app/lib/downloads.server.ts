import { PassThrough, Readable } from "node:stream";
import { isDomainError } from "@settle/domain/errors";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";
import type { ErrorDetail } from "~/components/error-copy";

export const CONTENT_TYPES = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
} as const;
export type DownloadFormat = keyof typeof CONTENT_TYPES;

/** "Statement ACME-001 2026-01-01–2026-03-31" → an ASCII fallback name plus the exact UTF-8 one. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.\- ]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A download whose bytes are written by `render` (a documents renderer) straight into the
 * response body: the Node stream becomes the web stream React Router sends, so a 2,000-line
 * statement is never held in memory. A renderer failing half-way aborts the body (the browser
 * reports a failed download) and is logged; the status was already sent.
 */
export function streamDownload(
  fileName: string,
  format: DownloadFormat,
  render: (out: NodeJS.WritableStream) => Promise<void>,
): Response {
  const body = new PassThrough();
  render(body).catch((error: unknown) => {
    console.error(`Download ${fileName} failed:`, error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": contentDisposition(fileName),
      // Account documents: never cached by shared caches or kept by the browser's.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The URL's parameters as the plain strings the domain schemas take (repeated keys: the last). */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/**
 * A VALIDATION error from a statement or invoice use case, as a message key of the page's own
 * namespace (`statement:problems.reversedRange`) with its values, so the page can say in its
 * language what to change. Anything else is not a filter problem: null.
 */
export function filterProblem(error: unknown, namespace: "statement" | "invoices"): ErrorDetail | null {
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
