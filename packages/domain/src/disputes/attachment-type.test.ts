import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  checkAttachment,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
} from "./attachment-type.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("detectAttachmentType", () => {
  it("recognises the accepted formats by their content", () => {
    const cases: [Buffer, string | null][] = [
      [bytes("%PDF-1.7\n"), "application/pdf"],
      [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
      [bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "image/jpeg"],
      [bytes("GIF89a", [1, 0]), "image/gif"],
      [bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "image/webp"],
      [
        bytes([0x50, 0x4b, 3, 4], "....[Content_Types].xml....xl/workbook.xml"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ],
      [
        bytes([0x50, 0x4b, 3, 4], "....[Content_Types].xml....word/document.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
      [
        bytes(
          [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
          Buffer.from("Workbook", "utf16le").toString("latin1"),
        ),
        "application/vnd.ms-excel",
      ],
      [
        bytes(
          [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
          Buffer.from("__substg1.0_0037001F", "utf16le").toString("latin1"),
        ),
        "application/vnd.ms-outlook",
      ],
      [
        bytes("Received: by mx\r\nFrom: a@b.example\r\nSubject: Short shipment\r\n\r\nHello"),
        "message/rfc822",
      ],
      [Buffer.from("sku;qty;price\nA-1;2;10,50\nB-2;1;3,00\n"), "text/csv"],
      [Buffer.from("Lieferschein fehlt – bitte prüfen.\n"), "text/plain"],
    ];
    for (const [input, expected] of cases)
      expect(detectAttachmentType(input)?.contentType ?? null).toBe(expected);
  });

  it("refuses executables, HTML, SVG, other zips and binary noise", () => {
    for (const input of [
      bytes("MZ", [0x90, 0, 3, 0]),
      bytes([0x7f], "ELF", [2, 1, 1]),
      Buffer.from("<!DOCTYPE html><html><body>hi</body></html>"),
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      bytes([0x50, 0x4b, 3, 4], "....payload.exe"),
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "unknown"),
      bytes([0, 1, 2, 3, 4, 5]),
      Buffer.from("   \n"),
    ]) {
      expect(detectAttachmentType(input)).toBeNull();
    }
  });
});

describe("checkAttachment", () => {
  it("records size and sha256 and gives the name the real extension", () => {
    const checked = checkAttachment({ fileName: "C:\\scans\\invoice.pdf.exe", bytes: bytes("%PDF-1.4\n") });
    expect(checked).toMatchObject({
      fileName: "invoice.pdf.exe.pdf",
      contentType: "application/pdf",
      size: 9,
    });
    expect(checked.sha256).toBe(createHash("sha256").update("%PDF-1.4\n").digest("hex"));
    expect(safeFileName("photo.JPEG", { contentType: "image/jpeg", extension: "jpg" })).toBe("photo.jpeg");
    expect(safeFileName('../"evil"\u0000.png', { contentType: "image/png", extension: "png" })).toBe(
      "evil.png",
    );
  });

  it("refuses empty, oversized and unknown files with their name in the message", () => {
    const refuse = (file: { fileName: string; bytes: Uint8Array }) => {
      try {
        checkAttachment(file);
      } catch (error) {
        if (error instanceof DomainError) return [error.code, error.details?.problem, error.message];
      }
      return null;
    };
    expect(refuse({ fileName: "empty.pdf", bytes: new Uint8Array() })?.[1]).toBe("empty");
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    big.write("%PDF-1.4");
    expect(refuse({ fileName: "big.pdf", bytes: big })?.slice(0, 2)).toEqual(["VALIDATION", "tooLarge"]);
    expect(refuse({ fileName: "run.pdf", bytes: bytes("MZ", [0x90]) })?.[2]).toContain('"run.pdf"');
  });
});
