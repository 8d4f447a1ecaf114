import { execFile } from "node:child_process";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { FONT_FILES } from "@settle/documents/pdf/fonts";
import { renderStatementPdf } from "@settle/documents/pdf/render-statement-pdf";
import { sampleStatement } from "@settle/documents/sample-documents";
import PDFDocument from "pdfkit";
import { type LoadOptions, type Measurement, percentile } from "../load.ts";
import type { BenchCase } from "./types.ts";

const run = promisify(execFile);

/** The document: a statement of 2,000 lines. */
export const PDF_LINES = 2_000;
/** The memory check renders this many lines too: a streamed render keeps about as much alive for either. */
const LONG_PDF_LINES = 20_000;

/** A sink that counts bytes and keeps none (the HTTP response in production). */
function countingSink(): { out: Writable; bytes: () => number } {
  let bytes = 0;
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  return { out, bytes: () => bytes };
}

/** Renders one after another for `durationSec`; the latencies are whole documents. */
async function repeatFor(options: LoadOptions, render: () => Promise<number>): Promise<Measurement> {
  const latencies: number[] = [];
  const problems: string[] = [];
  const start = performance.now();
  const end = start + options.durationSec * 1000;
  do {
    const t0 = performance.now();
    try {
      const size = await render();
      if (size < 1000) problems.push(`a document of only ${size} bytes`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      break;
    }
    latencies.push(performance.now() - t0);
  } while (performance.now() < end && problems.length === 0);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    problems,
  };
}

async function renderStatement(lines: number): Promise<number> {
  const sink = countingSink();
  await renderStatementPdf(sampleStatement({ lines }), sink.out, { locale: "en" });
  return sink.bytes();
}

/**
 * The floor: pdfkit alone writing the same amount of text (eight cells a line, 50 lines a page)
 * in the same embedded font, with no layout, wrapping, headers or totals.
 */
async function renderRawPdfkit(lines: number): Promise<number> {
  const sink = countingSink();
  const doc = new PDFDocument({ size: "A4", margin: 0, autoFirstPage: false, compress: true });
  doc.registerFont("regular", FONT_FILES.regular);
  doc.pipe(sink.out);
  const done = new Promise<void>((resolve, reject) => {
    sink.out.on("finish", resolve);
    sink.out.on("error", reject);
  });
  const statement = sampleStatement({ lines });
  statement.lines.forEach((line, i) => {
    if (i % 50 === 0) doc.addPage().font("regular").fontSize(7.5);
    const y = 60 + (i % 50) * 14.5;
    const cells = [
      line.date,
      line.type,
      line.number,
      line.reference ?? "",
      line.dueDate ?? "",
      String(line.debit ?? ""),
      String(line.credit ?? ""),
      String(line.balance),
    ];
    cells.forEach((text, c) => {
      doc.text(text, 42 + c * 64, y, { lineBreak: false });
    });
  });
  doc.end();
  await done;
  return sink.bytes();
}

const PROBE = fileURLToPath(new URL("../pdf-memory-probe.ts", import.meta.url));

/**
 * The most memory one render keeps alive (see pdf-memory-probe.ts), in a fresh Node process so
 * that nothing else in this one, nor another render's garbage, counts.
 */
async function retainedPeak(lines: number): Promise<number> {
  const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", PROBE, String(lines)], {
    cwd: path.dirname(PROBE),
    timeout: 120_000,
  });
  const result = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { retainedPeakBytes?: number };
  if (typeof result.retainedPeakBytes !== "number") throw new Error(`The memory probe said: ${stdout}`);
  return result.retainedPeakBytes;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const rawPdfkit: BenchCase = {
  name: "raw pdfkit 2,000 lines",
  description:
    "Floor for the statement PDF: pdfkit alone writing 2,000 lines of eight text cells in the same font, no layout.",
  async check() {
    await renderRawPdfkit(10);
  },
  run: (_ctx, load) => repeatFor(load, () => renderRawPdfkit(PDF_LINES)),
};

export const statementPdf: BenchCase = {
  name: "statement PDF 2,000 lines",
  description:
    "A 2,000-line statement rendered to PDF in process (letterhead, paginated table with repeated headers, totals, aging, remittance), one document at a time.",
  floor: rawPdfkit.name,
  target: { p95Ms: 1_000 },
  async check() {
    await renderStatement(10);
  },
  run: (_ctx, load) => repeatFor(load, () => renderStatement(PDF_LINES)),
  async notes() {
    const short = await retainedPeak(PDF_LINES);
    const long = await retainedPeak(LONG_PDF_LINES);
    // Bounded: ten times the lines may not need even twice the memory (the input itself excluded).
    const bounded = long < short * 2;
    return [
      `memory kept alive while rendering: ${mb(short)} for ${PDF_LINES.toLocaleString("en-US")} lines, ` +
        `${mb(long)} for ${LONG_PDF_LINES.toLocaleString("en-US")} lines: ` +
        (bounded ? "bounded (met)" : "grows with the lines (missed)"),
    ];
  },
};
