import { once } from "node:events";
import { finished } from "node:stream/promises";
import { setTimeout as delay, setImmediate as yieldToEventLoop } from "node:timers/promises";
import PDFDocument from "pdfkit";
import { destroyOutput } from "../destroy-output.ts";
import type { DocumentLocale } from "../types.ts";
import { parsedFont } from "./fonts.ts";

/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89, margin: 42 } as const;

/** Bytes the document may hold back while the consumer is slower than rendering. */
const MAX_PENDING_BYTES = 512 * 1024;
/** Re-check now and then in case `out` signals room some other way than `drain`. */
const DRAIN_POLL_MS = 50;

interface PdfKitFontInternals {
  _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown> }>;
}

/**
 * pdfkit caches the glyph layout of every distinct word for the life of the document. Amounts,
 * numbers and references are nearly all distinct, so on a 20,000-line statement that cache, not
 * the PDF, would hold most of the memory (about 8 KB a line). Without the cache every word is
 * shaped three times, several times slower. Emptying it at each page keeps what repeats on a page
 * (labels, type names, dates) and bounds memory by one page. pdfkit is pinned to a minor version
 * and a test checks that this field still exists.
 */
export function forgetFontLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as PdfKitFontInternals)._fontFamilies ?? {};
  for (const font of Object.values(families)) {
    if (font.layoutCache) font.layoutCache = Object.create(null);
  }
}

export interface PdfSession {
  doc: PDFKit.PDFDocument;
  /** Adds a page; first waits while the consumer is behind, so memory stays bounded. */
  addPage(): Promise<void>;
}

/**
 * Pipes a pdfkit document into `out` and runs `draw`. Pages are not buffered (pdfkit writes each
 * page when the next one starts); `addPage` lets the pipe run and pauses while more than
 * MAX_PENDING_BYTES wait for a slow consumer. Resolves once `out` has received the whole file;
 * rejects (and stops drawing) if `out` fails or closes early. Anything `draw` throws (bad data
 * included) destroys `out`, so a consumer never sees a truncated file as complete.
 */
export async function writePdf(
  out: NodeJS.WritableStream,
  locale: DocumentLocale,
  draw: (session: PdfSession) => Promise<void>,
): Promise<void> {
  let doc: PDFKit.PDFDocument;
  try {
    doc = openDocument(locale);
  } catch (error) {
    destroyOutput(out, error);
    throw error;
  }

  let failure: unknown = null;
  const outcome = finished(out, { readable: false }).catch((error: unknown) => {
    failure ??= error;
  });
  doc.on("error", (error: unknown) => {
    failure ??= error;
  });
  doc.pipe(out);

  const waitForConsumer = async () => {
    // The pipe moves data into `out` on the event loop, never between our own awaits: yield once
    // per page, which also keeps a long render from blocking other requests.
    await yieldToEventLoop();
    while (failure === null && doc.readableLength > MAX_PENDING_BYTES) {
      // Still full after yielding: `out` pushed back and the pipe resumes on its `drain`.
      const drained = once(out, "drain").then(
        () => undefined,
        () => undefined,
      );
      await Promise.race([drained, outcome, delay(DRAIN_POLL_MS)]);
    }
    if (failure !== null) throw failure;
  };

  try {
    await draw({
      doc,
      addPage: async () => {
        await waitForConsumer();
        forgetFontLayouts(doc);
        doc.addPage({ size: "A4", margin: 0 });
      },
    });
  } catch (error) {
    doc.unpipe(out);
    doc.destroy();
    destroyOutput(out, error);
    throw error;
  }
  doc.end();
  await outcome;
  if (failure !== null) throw failure;
}

function openDocument(locale: DocumentLocale): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    bufferPages: false,
    // Start on DejaVu rather than Helvetica, so pdfkit does not load a font it never uses.
    font: parsedFont("regular") as unknown as string,
    compress: true,
    lang: locale,
    displayTitle: true,
    info: { Creator: "Settle" },
  });
  doc.registerFont("regular", parsedFont("regular") as unknown as Buffer);
  doc.registerFont("bold", parsedFont("bold") as unknown as Buffer);
  return doc;
}
