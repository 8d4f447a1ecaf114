// Intl.DisplayNames is far dearer to make than to use: one per language for the process.
const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in a language from its ISO 3166 alpha-2 code ("DE" → "Alemanha" in pt-BR,
 * "ألمانيا" in Arabic), as the runtime's CLDR data writes it; a code it does not know stays a code.
 */
export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: "region", fallback: "code" });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code.trim().toUpperCase()) ?? code;
  } catch {
    // Not a well-formed region code (RangeError): show what is stored.
    return code;
  }
}
