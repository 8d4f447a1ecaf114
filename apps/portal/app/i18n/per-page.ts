/**
 * Translations for long tables, looked up once per page rather than once per row: a page of 100
 * statement lines repeats a handful of labels, and a lookup through i18next costs more than
 * rendering the cell it fills.
 */

/** `lookup` for each distinct key once (e.g. a document kind's label, "overdue by n days" per n). */
export function oncePerKey<K, V>(lookup: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    if (seen.has(key)) return seen.get(key) as V;
    const value = lookup(key);
    seen.set(key, value);
    return value;
  };
}

// Never part of a translation or of the values filled in.
const MARKER = "\u0000";

/**
 * A text with one interpolated value (e.g. "Select {{number}}"), translated once and filled in per
 * row. Only for texts whose words do not depend on the value (no plural, no context).
 */
export function filledIn(translate: (values: Record<string, string>) => string, name: string) {
  const parts = translate({ [name]: MARKER }).split(MARKER);
  if (parts.length !== 2) return (value: string) => translate({ [name]: value });
  const [before, after] = parts as [string, string];
  return (value: string) => before + value + after;
}
