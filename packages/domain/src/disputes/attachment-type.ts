import { createHash } from "node:crypto";
import { DomainError } from "../errors.ts";

/** Each file at most 10 MB; a dispute's documents are invoices, photos, delivery notes and mails. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REQUEST = 10;

export interface DetectedType {
  contentType: string;
  /** The extension the stored file name gets when the given one does not match the content. */
  extension: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Names of the parts that tell an Office Open XML workbook or document from any other zip. */
function zipEntryNames(bytes: Uint8Array): string {
  // The local file headers name their entries in plain bytes; scanning the first 64 KB is enough
  // for Office files, whose [Content_Types].xml and xl/ or word/ parts come first.
  return Buffer.from(bytes.subarray(0, 65_536)).toString("latin1");
}

/** OLE2 compound files (legacy .xls, Outlook .msg): told apart by the stream names inside. */
function oleKind(bytes: Uint8Array): DetectedType | null {
  const text = Buffer.from(bytes).toString("utf16le");
  if (text.includes("__substg1.0_") || text.includes("__properties_version1.0"))
    return { contentType: "application/vnd.ms-outlook", extension: "msg" };
  if (text.includes("Workbook") || text.includes("Book"))
    return { contentType: "application/vnd.ms-excel", extension: "xls" };
  return null;
}

const EMAIL_HEADER_RE =
  /^(?:(?:Received|Return-Path|From|To|Subject|Date|Message-ID|MIME-Version|Delivered-To|Reply-To|Cc|X-[\w-]+|DKIM-Signature|Content-Type|Content-Transfer-Encoding|Thread-Topic|Thread-Index|Authentication-Results|ARC-[\w-]+):[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){2,}/i;

/** Text we accept: valid UTF-8 without control characters other than tab, CR, LF, form feed. */
function isPlainText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of the check
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  return text;
}

/**
 * What the bytes are, judged by their content only (the file name and the browser's type can be
 * anything): PDF, PNG, JPEG, GIF, WebP, XLSX and DOCX (zip containers with their parts), XLS and
 * Outlook .msg (OLE2), e-mail files (.eml: RFC 822 headers), CSV and plain text. Null for
 * anything else, including HTML, SVG and executables.
 */
export function detectAttachmentType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return { contentType: "application/pdf", extension: "pdf" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: "image/png", extension: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a")))
    return { contentType: "image/gif", extension: "gif" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return { contentType: "image/webp", extension: "webp" };
  if (startsWith(bytes, ZIP)) {
    const names = zipEntryNames(bytes);
    if (!names.includes("[Content_Types].xml")) return null;
    if (names.includes("xl/"))
      return {
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extension: "xlsx",
      };
    if (names.includes("word/"))
      return {
        contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        extension: "docx",
      };
    return null;
  }
  if (startsWith(bytes, OLE)) return oleKind(bytes);
  const text = isPlainText(bytes);
  if (text === null || text.trim() === "") return null;
  const head = text.replace(/^\uFEFF/, "").slice(0, 8192);
  if (/^\s*<(?:!doctype|html|svg|\?xml|script)/i.test(head)) return null;
  if (EMAIL_HEADER_RE.test(head)) return { contentType: "message/rfc822", extension: "eml" };
  if (looksLikeCsv(head)) return { contentType: "text/csv", extension: "csv" };
  return { contentType: "text/plain", extension: "txt" };
}

/** Two or more lines with the same number (≥ 1) of commas or semicolons outside quotes. */
function looksLikeCsv(head: string): boolean {
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 5);
  if (lines.length < 2) return false;
  for (const sep of [",", ";", "\t"]) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, "").split(sep).length - 1);
    if (counts[0]! >= 1 && counts.every((c) => c === counts[0])) return true;
  }
  return false;
}

export interface CheckedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

/**
 * A file name safe to show and to send in Content-Disposition: the base name without control
 * characters or path separators, at most 120 characters, with the extension of what the content
 * really is (so "invoice.pdf.exe" holding a PDF becomes "invoice.pdf.pdf", never an .exe).
 */
export function safeFileName(name: string, detected: DetectedType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim();
  const dot = base.lastIndexOf(".");
  const stem = (dot > 0 ? base.slice(0, dot) : base).slice(0, 100) || "document";
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  const same = ext === detected.extension || (detected.extension === "jpg" && ext === "jpeg");
  return same ? `${stem}.${ext}` : `${base.slice(0, 100) || "document"}.${detected.extension}`;
}

/**
 * Checks one uploaded file: not empty, at most MAX_ATTACHMENT_BYTES, of an accepted type by its
 * content. VALIDATION names the file and says why; nothing is stored by the caller then.
 */
export function checkAttachment(file: { fileName: string; bytes: Uint8Array }): CheckedAttachment {
  const name = file.fileName.slice(0, 200);
  if (file.bytes.length === 0) {
    throw new DomainError("VALIDATION", `"${name}" is empty.`, {
      field: "attachments",
      problem: "empty",
      reason: "file-empty",
      fileName: name,
    });
  }
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new DomainError(
      "VALIDATION",
      `"${name}" is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; attach a smaller file.`,
      {
        field: "attachments",
        problem: "tooLarge",
        reason: "file-too-large",
        fileName: name,
        megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024,
        maxBytes: MAX_ATTACHMENT_BYTES,
      },
    );
  }
  const detected = detectAttachmentType(file.bytes);
  if (!detected) {
    throw new DomainError(
      "VALIDATION",
      `"${name}" is not a file type we accept: PDF, images (PNG, JPEG, GIF, WebP), spreadsheets (XLSX, XLS, CSV), Word documents, text or e-mail files.`,
      { field: "attachments", problem: "type", reason: "file-type", fileName: name },
    );
  }
  return {
    fileName: safeFileName(name, detected),
    contentType: detected.contentType,
    size: file.bytes.length,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
    bytes: file.bytes,
  };
}
