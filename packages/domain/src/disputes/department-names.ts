import { z } from "zod";

/**
 * The languages a department's name can be translated into besides the name staff gave it (which
 * is what English, and any language without a translation, shows). Kept free of database code:
 * the matrix page's form imports it in the browser.
 */
export const DEPARTMENT_NAME_LOCALES = ["es", "pt-BR", "ar"] as const;
export type DepartmentNameLocale = (typeof DEPARTMENT_NAME_LOCALES)[number];
export type DepartmentNameTranslations = Partial<Record<DepartmentNameLocale, string>>;

/** A department as stored: its name and the `name_translations` JSON column (ADR 028). */
export interface StoredDepartmentName {
  name: string;
  nameTranslations: unknown;
}

/** What every read of a department's name selects. */
export const DEPARTMENT_NAME_SELECT = { id: true, name: true, nameTranslations: true } as const;

const Translations = z.record(z.string(), z.unknown());

/** The translations of a stored department, keeping only known languages with a non-empty name. */
export function departmentNameTranslations(stored: unknown): DepartmentNameTranslations {
  const parsed = Translations.safeParse(stored);
  if (!parsed.success) return {};
  const names: DepartmentNameTranslations = {};
  for (const locale of DEPARTMENT_NAME_LOCALES) {
    const value = parsed.data[locale];
    if (typeof value === "string" && value.trim()) names[locale] = value.trim();
  }
  return names;
}

/** The department's name in a language: its translation there, else the name staff gave it. */
export function departmentName(department: StoredDepartmentName, locale: string | null | undefined): string {
  const names = departmentNameTranslations(department.nameTranslations);
  return (locale && names[locale as DepartmentNameLocale]) || department.name;
}

/** `{ id, name }` of a department read with DEPARTMENT_NAME_SELECT, named in the reader's language. */
export function namedDepartment<D extends StoredDepartmentName & { id: string }>(
  department: D | null,
  locale: string | null | undefined,
): { id: string; name: string } | null {
  return department ? { id: department.id, name: departmentName(department, locale) } : null;
}
