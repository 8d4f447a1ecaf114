import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans covers Latin (with every accent), Greek, Cyrillic and Arabic in one family, so a
 * customer name in any of those scripts renders with the same embedded font. pdfkit subsets the
 * font, so a document only carries the glyphs it uses.
 */
export const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
} as const;

export type FontWeight = keyof typeof FONT_FILES;

/** The part of a fontkit font pdfkit looks for when it is handed a parsed font. */
export interface ParsedFont {
  layout: (...args: never[]) => unknown;
}

/*
 * Parsing DejaVu's tables costs tens of milliseconds per document, which a ZIP of a hundred
 * invoices would pay a hundred times. pdfkit accepts an already parsed fontkit font (anything
 * with a `layout` function), and fontkit fonts are read-only after parsing, so each face is
 * parsed once per process and shared. fontkit is pdfkit's own dependency, loaded from pdfkit's
 * location so both use the same copy.
 */
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as {
  create(data: Uint8Array): ParsedFont;
};

const parsed = new Map<FontWeight, ParsedFont>();

export function parsedFont(weight: FontWeight): ParsedFont {
  let font = parsed.get(weight);
  if (!font) {
    font = fontkit.create(readFileSync(FONT_FILES[weight]));
    parsed.set(weight, font);
  }
  return font;
}
