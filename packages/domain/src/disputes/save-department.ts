import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { type SaveDepartmentInput, SaveDepartmentSchema } from "./department-forms.ts";
import { type DepartmentNameTranslations, departmentNameTranslations } from "./department-names.ts";
import { DISPUTE_MANAGER_ROLES, parseInput, UUID_RE } from "./dispute-forms.ts";

/**
 * Creates a department disputes can be routed to, or renames one: its name, its name in the other
 * languages (ADR 028) and its mailbox (AR managers; audited). Pages and e-mails name it in the
 * reader's language from then on. A code already taken is refused on the code field.
 */
export async function saveDepartment(rawInput: SaveDepartmentInput, actor: Actor): Promise<{ id: string }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(SaveDepartmentSchema, rawInput);
  if (input.departmentId && !UUID_RE.test(input.departmentId)) {
    throw new DomainError("NOT_FOUND", "Department not found.");
  }
  const translations: DepartmentNameTranslations = departmentNameTranslations({
    es: input.nameEs,
    "pt-BR": input.namePtBR,
    ar: input.nameAr,
  });
  return getDb().$transaction(async (t) => {
    const before = input.departmentId
      ? await t.department.findUnique({
          where: { id: input.departmentId },
          select: { id: true, code: true, name: true, nameTranslations: true, email: true },
        })
      : null;
    if (input.departmentId && !before) throw new DomainError("NOT_FOUND", "Department not found.");
    const code = before?.code ?? input.code;
    const taken = await t.department.findUnique({ where: { code }, select: { id: true } });
    if (taken && taken.id !== before?.id) {
      throw new DomainError("CONFLICT", `A department with code ${code} exists already.`, {
        field: "code",
        reason: "department-code-taken",
        code,
      });
    }
    const data = { name: input.name, nameTranslations: translations, email: input.email };
    const saved = before
      ? await t.department.update({ where: { id: before.id }, data, select: { id: true } })
      : await t.department.create({ data: { ...data, code }, select: { id: true } });
    await appendAudit(t, actor, {
      action: before ? "department.update" : "department.create",
      entityType: "department",
      entityId: saved.id,
      before: before
        ? {
            code: before.code,
            name: before.name,
            nameTranslations: before.nameTranslations,
            email: before.email,
          }
        : null,
      after: { code, ...data },
    });
    return saved;
  });
}
