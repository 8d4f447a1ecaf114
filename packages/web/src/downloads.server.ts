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

/**
 * Stored bytes (an uploaded document) as a download with the type detected at upload: always an
 * attachment, never rendered inline, and sandboxed, so an uploaded file cannot run in the app's
 * origin.
 */
export function storedFileDownload(file: {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      ...PRIVATE_DOWNLOAD,
    },
  });
}
