/** Uploaded files of a multipart form field, as the domain takes them (empty file inputs skipped). */
export async function uploadedFiles(
  formData: FormData,
  name: string,
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }[]> {
  const files = formData.getAll(name).filter((f): f is File => typeof f !== "string" && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/**
 * True when a request declares a body above `maxBytes`: refuse it before reading it. (A body
 * without a declared length is still bounded by the domain's per-file checks.)
 */
export function declaredTooLarge(request: Request, maxBytes: number): boolean {
  const length = Number(request.headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > maxBytes;
}
