import type { DocumentLocale } from "../types.ts";
import { visualPieces } from "./bidi-text.ts";
import type { FontWeight } from "./fonts.ts";

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: string;
}

/** Alignment in reading direction: "start" is left in English and right in Arabic. */
export type Align = "start" | "end" | "center";

/** A calm palette: near-black text, grey secondary text and rules, one accent for titles. */
export const COLORS = {
  ink: "#1f2933",
  muted: "#5b6675",
  faint: "#8792a2",
  rule: "#c9d0d8",
  hairline: "#e4e8ec",
  band: "#f1f3f6",
  accent: "#1d4e89",
} as const;

/** Height of one line of DejaVu Sans text (ascent + descent) per point of font size. */
export const LINE_HEIGHT = 1.17;

const ELLIPSIS = "…";
/** Visual pieces of recently drawn strings (type names, dates and labels repeat on every row). */
const PIECE_CACHE_LIMIT = 4096;

/**
 * Direction-aware drawing on a pdfkit document. Renderers lay out in logical coordinates
 * (`start` measured from the reading-start edge of the page) and the canvas mirrors them for
 * right-to-left documents, so one layout serves all four languages.
 */
export class PdfCanvas {
  private weight: FontWeight | undefined;
  private size: number | undefined;
  private color: string | undefined;
  private readonly pieceCache = new Map<string, string[]>();
  readonly rtl: boolean;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly locale: DocumentLocale,
    readonly pageWidth: number,
  ) {
    this.rtl = locale === "ar";
  }

  /** Selects font and size (and colour when drawing; colour needs a page, measuring does not). */
  private use(style: TextStyle, drawing = true) {
    const weight = style.weight ?? "regular";
    if (weight !== this.weight) {
      this.doc.font(weight);
      this.weight = weight;
    }
    if (style.size !== this.size) {
      this.doc.fontSize(style.size);
      this.size = style.size;
    }
    if (!drawing) return;
    const color = style.color ?? COLORS.ink;
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }

  /** pdfkit resets colour state per page; forget what we think is current. */
  resetState() {
    this.weight = undefined;
    this.size = undefined;
    this.color = undefined;
  }

  /** Page x of the left edge of a box that starts `start` points from the reading-start edge. */
  x(start: number, width: number): number {
    return this.rtl ? this.pageWidth - start - width : start;
  }

  private pieces(text: string): string[] {
    let pieces = this.pieceCache.get(text);
    if (!pieces) {
      if (this.pieceCache.size >= PIECE_CACHE_LIMIT) this.pieceCache.clear();
      pieces = visualPieces(text);
      this.pieceCache.set(text, pieces);
    }
    return pieces;
  }

  private piecesWidth(pieces: readonly string[]): number {
    let width = 0;
    for (const piece of pieces) width += this.doc.widthOfString(piece);
    return width;
  }

  measure(text: string, style: TextStyle): number {
    this.use(style, false);
    return this.piecesWidth(this.pieces(text));
  }

  /** One line of text in a box; too long a text is cut with an ellipsis rather than overflow. */
  text(text: string, start: number, y: number, width: number, style: TextStyle, align: Align = "start") {
    if (!text) return;
    this.use(style);
    let pieces = this.pieces(text);
    let widths = pieces.map((piece) => this.doc.widthOfString(piece));
    let textWidth = widths.reduce((sum, w) => sum + w, 0);
    if (textWidth > width + 0.01) {
      pieces = visualPieces(this.truncate(text, width));
      widths = pieces.map((piece) => this.doc.widthOfString(piece));
      textWidth = widths.reduce((sum, w) => sum + w, 0);
    }
    const left = this.x(start, width);
    const free = width - textWidth;
    const physical = align === "center" ? "center" : (align === "start") !== this.rtl ? "left" : "right";
    let x = physical === "left" ? left : physical === "right" ? left + free : left + free / 2;
    pieces.forEach((piece, i) => {
      if (piece !== " ") this.doc.text(piece, x, y, TEXT_OPTIONS);
      x += widths[i] as number;
    });
  }

  /** Longest prefix (in logical order) that fits with an ellipsis. Assumes the current style. */
  private truncate(text: string, width: number): string {
    const chars = Array.from(text);
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const candidate = `${chars.slice(0, mid).join("").trimEnd()}${ELLIPSIS}`;
      if (this.piecesWidth(visualPieces(candidate)) <= width) low = mid;
      else high = mid - 1;
    }
    return `${chars.slice(0, low).join("").trimEnd()}${ELLIPSIS}`;
  }

  /** Breaks text into lines of at most `width` (logical order, words kept whole where they fit). */
  wrap(text: string, width: number, style: TextStyle, maxLines = Number.POSITIVE_INFINITY): string[] {
    this.use(style, false);
    const lines: string[] = [];
    const fits = (candidate: string) => this.piecesWidth(visualPieces(candidate)) <= width;
    for (const paragraph of text.split(/\r?\n/)) {
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = word;
        // A single word wider than the box (an IBAN, a long reference) is split where it must be.
        while (!fits(line)) {
          const chars = Array.from(line);
          let take = chars.length - 1;
          while (take > 1 && !fits(chars.slice(0, take).join(""))) take--;
          lines.push(chars.slice(0, take).join(""));
          line = chars.slice(take).join("");
        }
      }
      lines.push(line);
    }
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    if (lines.length > maxLines) {
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = this.truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, width);
      return kept;
    }
    return lines;
  }

  /** Lines of text one under the other; returns the height used. */
  lines(
    lines: readonly string[],
    start: number,
    y: number,
    width: number,
    style: TextStyle,
    align: Align = "start",
  ) {
    const step = style.size * LINE_HEIGHT + 1.5;
    lines.forEach((line, i) => {
      this.text(line, start, y + i * step, width, style, align);
    });
    return lines.length * step;
  }

  rule(start: number, y: number, width: number, color: string = COLORS.rule, thickness = 0.5) {
    const left = this.x(start, width);
    this.doc
      .save()
      .lineWidth(thickness)
      .strokeColor(color)
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke()
      .restore();
  }

  band(start: number, y: number, width: number, height: number, color: string = COLORS.band) {
    // save/restore keeps the text colour the canvas believes is current.
    this.doc.save().rect(this.x(start, width), y, width, height).fill(color).restore();
  }
}

/** Positions are computed here; pdfkit must not wrap or move anything. */
const TEXT_OPTIONS: PDFKit.Mixins.TextOptions = { lineBreak: false };

/** Height of `count` lines as laid out by `PdfCanvas.lines`. */
export function linesHeight(count: number, size: number): number {
  return count * (size * LINE_HEIGHT + 1.5);
}
