/**
 * Renders one statement PDF of `argv[2]` lines into a byte counter and prints, as JSON, the most
 * memory the render kept alive: the heap after a full garbage collection every 100 KB of output,
 * less the heap (input included) before it started. Run with --expose-gc in a fresh process per
 * size by the "statement PDF" case, so the figures are the render's own.
 */
import { Writable } from "node:stream";
import { renderStatementPdf } from "@settle/documents/pdf/render-statement-pdf";
import { sampleStatement } from "@settle/documents/sample-documents";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc.");
const lines = Number(process.argv[2]);
if (!Number.isInteger(lines) || lines <= 0) throw new Error("Usage: pdf-memory-probe.ts <lines>");

const statement = sampleStatement({ lines });
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const before = liveHeap();
let peak = before;
let bytes = 0;
let nextSample = 0;
const out = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    bytes += chunk.length;
    if (bytes >= nextSample) {
      peak = Math.max(peak, liveHeap());
      nextSample = bytes + 100_000;
    }
    callback();
  },
});
await renderStatementPdf(statement, out, { locale: "en" });
console.log(JSON.stringify({ lines, bytes, retainedPeakBytes: peak - before }));
