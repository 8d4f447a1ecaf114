import { fillWords, type PdfWords, pdfWords } from "@settle/i18n/pdf";
import type { DocumentLocale } from "../types.ts";

/** Every fixed word a PDF prints, from the message catalogue's `pdf` namespace. */
export type PdfLabels = PdfWords;

export const pdfLabels = (locale: DocumentLocale): PdfLabels => pdfWords(locale);

/** Fills a label's {{placeholders}}. */
export const fillLabel = fillWords;
