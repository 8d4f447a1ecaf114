import { PassThrough } from "node:stream";
import { finished } from "node:stream/promises";
import yazl from "yazl";
import { destroyOutput } from "./destroy-output.ts";

export interface ZipDocumentEntry {
  /** File name inside the archive, e.g. "INV-1001.pdf"; cleaned and made unique. */
  name: string;
  /** Writes the file's bytes into `out` and resolves when done (renderInvoicePdf and friends). */
  render(out: NodeJS.WritableStream): Promise<void>;
}

/** Already-compressed formats are stored, not deflated again (saves CPU, costs no size). */
const STORED = /\.(pdf|zip|xlsx|png|jpe?g|gif)$/i;
const UNSAFE = /[\p{Cc}<>:"/\\|?*]/gu;
const MAX_NAME_LENGTH = 120;

/**
 * A name that is a plain file name on every system: no folders, no characters Windows refuses,
 * no leading dots (hidden files) and a bounded length, with the extension kept.
 */
export function safeFileName(name: string): string {
  let clean = name.normalize("NFC").replace(UNSAFE, "_").replace(/\s+/g, " ").trim();
  clean = clean.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
  const dot = clean.lastIndexOf(".");
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  let stem = extension ? clean.slice(0, dot) : clean;
  if (Array.from(stem).length > MAX_NAME_LENGTH)
    stem = Array.from(stem).slice(0, MAX_NAME_LENGTH).join("").trim();
  return `${stem || "document"}${extension}`;
}

/** "a.pdf", "a.pdf", "A.pdf" → "a.pdf", "a (2).pdf", "A (3).pdf" (case-insensitive file systems). */
function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : "";
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Streams a ZIP archive of the entries into `out`. Entries are rendered one after another, each
 * only when the archive is ready for it, so memory holds one document at a time however many are
 * selected. Resolves when `out` has the whole archive; a failing entry fails the archive.
 */
export async function zipDocuments(
  entries: readonly ZipDocumentEntry[],
  out: NodeJS.WritableStream,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const taken = new Set<string>();
  let failure: unknown = null;
  const fail = (error: unknown) => {
    if (failure !== null) return;
    failure = error;
    destroyOutput(out, error);
  };
  zip.on("error", fail);

  for (const entry of entries) {
    const name = uniqueFileName(safeFileName(entry.name), taken);
    zip.addReadStreamLazy(name, { compress: !STORED.test(name) }, (callback) => {
      const content = new PassThrough();
      // yazl does not listen for errors on lazily supplied streams; a failed entry fails the archive.
      content.on("error", fail);
      callback(null, content);
      entry.render(content).catch((error: unknown) => {
        fail(error);
        content.destroy();
      });
    });
  }
  zip.end();
  zip.outputStream.pipe(out);
  try {
    await finished(out, { readable: false });
  } catch (error) {
    throw failure ?? error;
  }
  if (failure !== null) throw failure;
}
