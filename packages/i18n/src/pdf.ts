import ar from "../locales/ar/pdf.json" with { type: "json" };
import en from "../locales/en/pdf.json" with { type: "json" };
import es from "../locales/es/pdf.json" with { type: "json" };
import ptBR from "../locales/pt-BR/pdf.json" with { type: "json" };
import { isolate } from "./isolate.ts";
import type { Locale } from "./locales.ts";

/**
 * Every fixed word a PDF prints (locales/<language>/pdf.json). A PDF draws hundreds of labels per
 * page, so the renderers take the namespace's object as it is and fill the few {{placeholders}}
 * themselves, without an i18next call per label.
 */
export type PdfWords = typeof en;

const WORDS: Record<Locale, PdfWords> = { en, es, "pt-BR": ptBR, ar };

export const pdfWords = (locale: Locale): PdfWords => WORDS[locale];

/**
 * A label with its {{placeholders}} filled in, each value isolated as the apps' sentences are (the
 * PDF writer reads the isolates when it orders a line and draws none of them); unknown ones are
 * left as they are.
 */
export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    key in values ? isolate(String(values[key])) : whole,
  );
}
