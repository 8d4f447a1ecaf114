import { PassThrough, Readable } from "node:stream";

export const CONTENT_TYPES = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
} as const;
export type DownloadFormat = keyof typeof CONTENT_TYPES;

/** "Disputes 2026-01-01–2026-03-31.xlsx" → an ASCII fallback name plus the exact UTF-8 one. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.\- ]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Headers every account document download carries: no caching anywhere, no type sniffing. */
const PRIVATE_DOWNLOAD = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

/**
 * A download whose bytes are written by `render` (a documents renderer) straight into the
 * response body, so a long export is never held in memory. A renderer failing half-way aborts
 * the body (the browser reports a failed download) and is logged; the status was already sent.
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
      ...PRIVATE_DOWNLOAD,
    },
  });
}

/** Whether the request's If-None-Match names this entity tag (or `*`). */
export function matchesEtag(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/**
 * Stored bytes (an uploaded document) as a download with the type detected at upload: always an
 * attachment, never rendered inline, and sandboxed, so an uploaded file cannot run in the app's
 * origin. A stored document never changes, so its sha256 is its entity tag: the browser may keep
 * it (privately) and asks again every time (`no-cache`, so access is checked on every request,
 * as the loader ran before this), and a copy it already holds is answered 304 without the bytes.
 */
export function storedFileDownload(
  request: Request,
  file: { fileName: string; contentType: string; sha256: string; bytes: Uint8Array },
): Response {
  const etag = `"sha256-${file.sha256}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(file.fileName),
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      ...headers,
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
    },
  });
}
