import bidiFactory from "bidi-js";

/**
 * Turns one line of logical-order text into pieces to draw left to right.
 *
 * PDF text has no direction: glyphs go where they are drawn. pdfkit's font engine (fontkit) shapes
 * Arabic (joining forms, ligatures) and then reverses the glyphs of any run whose first
 * script is right-to-left, but it knows nothing of the Unicode Bidirectional Algorithm: it does
 * not order words, numbers and Latin inside Arabic text, nor mirror brackets. So bidi-js resolves
 * the levels and the visual order of one line, and each piece (a word) is handed to fontkit so
 * that its own reversal lands the glyphs in visual order: right-to-left Arabic words stay in
 * logical order (fontkit shapes them correctly, then reverses), everything else is passed
 * already in visual order.
 */

const bidi = bidiFactory();

/**
 * Right-to-left letters, Arabic presentation forms and the right-to-left marks Intl puts into
 * Arabic dates and amounts; text without any of them needs no bidi work.
 */
const RTL_CHARS =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u061C\u202B\u202E\u2067\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** Invisible direction marks (Intl puts them in Arabic numbers and dates); they have no glyph. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const SCRIPT_NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

export function hasRtl(text: string): boolean {
  return RTL_CHARS.test(text);
}

/** Mirrors fontkit's rule: the first character with a real script decides the run's direction. */
function fontkitReverses(text: string): boolean {
  for (const char of text) {
    if (SCRIPT_NEUTRAL.test(char)) continue;
    return RTL_SCRIPT.test(char);
  }
  return false;
}

function scriptClass(char: string): "rtl" | "other" | "neutral" {
  if (char === " " || SCRIPT_NEUTRAL.test(char)) return "neutral";
  return RTL_SCRIPT.test(char) ? "rtl" : "other";
}

const reverse = (chars: string[]) => chars.slice().reverse().join("");
/** Reordering works on UTF-16 units; put any astral character's surrogate pair back in order. */
const repairSurrogates = (text: string) => text.replace(/([\uDC00-\uDFFF])([\uD800-\uDBFF])/g, "$2$1");

/**
 * Pieces of one line (no line breaks) in left-to-right drawing order. The paragraph direction
 * comes from the text itself (its first strong character, like HTML's dir="auto"), so a Latin
 * address stays left to right inside an Arabic document while alignment still follows the
 * document. Spaces are pieces of their own: pdfkit lays out (and caches) space-free words, and a
 * right-to-left word must not carry a space that fontkit would move to its other side.
 */
export function visualPieces(line: string): string[] {
  if (!hasRtl(line)) {
    const clean = BIDI_CONTROL.test(line) ? line.replace(BIDI_CONTROLS, "") : line;
    return clean ? [clean] : [];
  }
  const embedding = bidi.getEmbeddingLevels(line, "auto");
  const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
  const order = bidi.getReorderedIndices(line, embedding);

  // Group the visually ordered characters into words of one level and one script direction, so
  // that fontkit reverses each word as a whole or not at all.
  const pieces: string[] = [];
  let visual: string[] = [];
  let level = -1;
  let scriptOfWord: "rtl" | "other" | "neutral" = "neutral";
  const flush = () => {
    if (visual.length === 0) return;
    const odd = level % 2 === 1;
    const logical = odd ? reverse(visual) : visual.join("");
    // fontkit reverses whatever starts with a right-to-left script; give it the mirror image then.
    pieces.push(
      repairSurrogates(fontkitReverses(logical) ? (odd ? logical : reverse(visual)) : visual.join("")),
    );
    visual = [];
  };
  for (const index of order) {
    const raw = line[index] as string;
    if (BIDI_CONTROL.test(raw)) continue;
    if (raw === " ") {
      flush();
      pieces.push(" ");
      level = -1;
      continue;
    }
    const char = mirrored.get(index) ?? raw;
    const charLevel = embedding.levels[index] as number;
    const charScript = scriptClass(char);
    const scriptChange =
      charScript !== "neutral" && scriptOfWord !== "neutral" && charScript !== scriptOfWord;
    if (charLevel !== level || scriptChange) {
      flush();
      level = charLevel;
      scriptOfWord = "neutral";
    }
    if (charScript !== "neutral") scriptOfWord = charScript;
    visual.push(char);
  }
  flush();
  return pieces;
}
