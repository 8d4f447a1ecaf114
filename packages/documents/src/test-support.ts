import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";

/** A writable that keeps what it receives, for renderers that stream into `out`. */
export function collect(): { out: PassThrough; bytes(): Buffer } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { out, bytes: () => Buffer.concat(chunks) };
}

/** Runs a command-line tool on the bytes written to a temporary file. */
export function withTempFile<R>(bytes: Buffer, extension: string, use: (file: string) => R): R {
  const dir = mkdtempSync(path.join(tmpdir(), "settle-documents-"));
  const file = path.join(dir, `file${extension}`);
  try {
    writeFileSync(file, bytes);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Direction marks pdftotext adds around right-to-left text. */
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text of a PDF (or of some pages) as poppler's pdftotext extracts it, direction marks removed. */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  return withTempFile(pdf, ".pdf", (file) => {
    const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
    return execFileSync("pdftotext", [...range, "-layout", "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
    }).replace(MARKS, "");
  });
}

export function pdfPageCount(pdf: Buffer): number {
  return withTempFile(pdf, ".pdf", (file) => {
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  });
}
