import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { renderInvoicePdf } from "./pdf/render-invoice-pdf.ts";
import { sampleInvoice } from "./sample-documents.ts";
import { collect, withTempFile } from "./test-support.ts";
import { safeFileName, zipDocuments } from "./zip-documents.ts";

function listZip(zip: Buffer): string[] {
  return withTempFile(zip, ".zip", (file) =>
    execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter(Boolean),
  );
}

function extract(zip: Buffer, name: string): Buffer {
  return withTempFile(zip, ".zip", (file) =>
    execFileSync("unzip", ["-p", file, name], { maxBuffer: 1 << 26 }),
  );
}

describe("zipDocuments", () => {
  it("streams one archive with every document under a safe, unique name", async () => {
    const invoice = sampleInvoice();
    const pdf = (out: NodeJS.WritableStream) => renderInvoicePdf(invoice, out, { locale: "en" });
    const { out, bytes } = collect();
    await zipDocuments(
      [
        { name: "INV-1001.pdf", render: pdf },
        { name: "INV-1001.pdf", render: pdf },
        { name: "inv-1001.PDF", render: pdf },
        { name: "../../etc/passwd", render: pdf },
        { name: "فاتورة 7.pdf", render: pdf },
        { name: "notes.txt", render: async (target) => void target.end("plain text\n") },
      ],
      out,
    );
    const zip = bytes();
    expect(listZip(zip)).toEqual([
      "INV-1001.pdf",
      "INV-1001 (2).pdf",
      "inv-1001 (3).PDF",
      "_.._etc_passwd",
      "فاتورة 7.pdf",
      "notes.txt",
    ]);
    expect(extract(zip, "INV-1001 (2).pdf").subarray(0, 5).toString()).toBe("%PDF-");
    expect(extract(zip, "notes.txt").toString()).toBe("plain text\n");
    expect(
      withTempFile(zip, ".zip", (file) => execFileSync("unzip", ["-tq", file], { encoding: "utf8" })),
    ).toContain("No errors detected");
  });

  it("fails the archive when a document fails", async () => {
    const { out } = collect();
    await expect(
      zipDocuments([{ name: "a.pdf", render: async () => Promise.reject(new Error("render failed")) }], out),
    ).rejects.toThrow("render failed");
  });
});

describe("safeFileName", () => {
  it.each([
    ["a/b\\c:d*e?.pdf", "a_b_c_d_e_.pdf"],
    ["  .hidden.pdf ", "hidden.pdf"],
    ["", "document"],
    [`${"x".repeat(300)}.pdf`, `${"x".repeat(120)}.pdf`],
    ["Müller & Söhne.pdf", "Müller & Söhne.pdf"],
  ])("%s → %s", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
