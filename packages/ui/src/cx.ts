/** Joins class names, skipping falsy ones (internal helper; not exported from the package). */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
