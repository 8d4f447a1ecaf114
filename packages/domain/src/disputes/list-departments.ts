import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { departmentName, departmentNameTranslations } from "./department-names.ts";

/**
 * Departments disputes can be routed to, each named in the reader's language (`name`), with the
 * name staff gave it and its translations for the form that changes them.
 */
export async function listDepartments(actor: Actor, options: { locale?: string } = {}) {
  requireStaff(actor);
  const rows = await getDb().department.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, nameTranslations: true, email: true },
  });
  return rows
    .map((d) => ({
      id: d.id,
      code: d.code,
      email: d.email,
      name: departmentName(d, options.locale),
      storedName: d.name,
      translations: departmentNameTranslations(d.nameTranslations),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, options.locale ?? "en"));
}
