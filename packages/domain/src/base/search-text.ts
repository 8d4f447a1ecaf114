import { z } from "zod";

/**
 * Text typed into a search box or edited into a URL, made safe for the database: control
 * characters (NUL and the other C0/C1 codes, which PostgreSQL refuses in text) become spaces, runs
 * of whitespace one space, and the ends are trimmed. Whatever a person can type survives.
 */
export function cleanText(value: string): string {
  return value
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** An optional free-text field or URL value: cleaned, at most `max` characters, empty is "not given". */
export const OptionalText = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max))
    .optional()
    .transform((v) => v || undefined);

/** A search box's text: like OptionalText, but a text too long is ignored rather than refused. */
export const SearchText = (max: number) => OptionalText(max).catch(undefined);

/** `text` with LIKE's wildcards and escape character taken literally (PostgreSQL's default `\` escape). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern matching `text` anywhere, literally. */
export function likeContains(text: string): string {
  return `%${likeLiteral(text)}%`;
}
