import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { sampleStatement } from "../sample-documents.ts";
import { collect, pdfPageCount } from "../test-support.ts";
import { forgetFontLayouts, writePdf } from "./pdf-writer.ts";
import { renderStatementPdf } from "./render-statement-pdf.ts";

type Families = Record<string, { layoutCache?: Record<string, unknown> }>;

describe("writePdf", () => {
  it("can still reach pdfkit's per-document layout cache that it empties at every page", async () => {
    const { out } = collect();
    await writePdf(out, "en", async ({ doc, addPage }) => {
      await addPage();
      doc.font("regular").text("Cached words", 10, 10);
      const families = Object.values((doc as unknown as { _fontFamilies: Families })._fontFamilies);
      const cached = () =>
        families.reduce((sum, font) => sum + Object.keys(font.layoutCache ?? {}).length, 0);
      expect(cached()).toBeGreaterThan(0);
      forgetFontLayouts(doc);
      expect(cached()).toBe(0);
    });
  });

  it("waits for a slow consumer and still delivers the whole document", async () => {
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        setImmediate(callback);
      },
    });
    await renderStatementPdf(sampleStatement({ lines: 600 }), slow, { locale: "en" });
    expect(pdfPageCount(Buffer.concat(chunks))).toBeGreaterThan(1);
  });
});
