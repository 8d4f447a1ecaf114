import { z } from "zod";
import { type Actor, requireStaffRole } from "../actor.ts";
import { listLegalEntities } from "../legal-entities/list-legal-entities.ts";
import { DISPUTE_MANAGER_ROLES } from "./dispute-forms.ts";
import { listDepartments } from "./list-departments.ts";
import { listDisputeRules } from "./list-dispute-rules.ts";
import { listDisputeStaff } from "./list-dispute-staff.ts";
import { listDisputeThresholds } from "./list-dispute-thresholds.ts";
import { listHolidays } from "./list-holidays.ts";

/** What the matrix page asks for, as its URL says it (anything unusable falls back to the default). */
export const GetDisputeMatrixSchema = z.object({
  /** Show deactivated rules too. */
  inactive: z.boolean().default(false),
  /** The holiday calendar's year (default this year) and legal entity (default the first). */
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  entity: z.string().max(100).optional().catch(undefined),
  /** The rule being edited. */
  edit: z.string().max(100).optional().catch(undefined),
  /** The department being edited. */
  department: z.string().max(100).optional().catch(undefined),
});
export type GetDisputeMatrixInput = z.input<typeof GetDisputeMatrixSchema>;

/**
 * The resolution matrix page: the rules, the departments and people they route to, one legal
 * entity's holidays in a year and the approval amounts: a settings page for those who may change
 * them (AR managers and admins), FORBIDDEN to everyone else.
 */
export async function getDisputeMatrix(
  rawInput: GetDisputeMatrixInput,
  actor: Actor,
  options: { now?: Date; locale?: string } = {},
) {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = GetDisputeMatrixSchema.parse(rawInput);
  const [rules, departments, people, entities, thresholds] = await Promise.all([
    listDisputeRules(actor, { includeInactive: input.inactive, locale: options.locale }),
    listDepartments(actor, { locale: options.locale }),
    listDisputeStaff(actor),
    listLegalEntities(actor),
    listDisputeThresholds(actor),
  ]);
  const year = input.year ?? (options.now ?? new Date()).getUTCFullYear();
  const entity = entities.find((e) => e.id === input.entity) ?? entities[0] ?? null;
  const holidays = entity ? await listHolidays(entity.id, year, actor) : [];
  return {
    rules,
    /** Named in the reader's language for the rules; the form edits the stored name and translations. */
    departments,
    people: people.map((p) => ({ id: p.id, name: p.name })),
    entities: entities.map((e) => ({ id: e.id, name: e.name, code: e.code })),
    thresholds,
    holidays: {
      entity: entity ? { id: entity.id, name: entity.name, code: entity.code } : null,
      year,
      rows: holidays,
    },
    editing: rules.find((r) => r.id === input.edit) ?? null,
    editingDepartment: departments.find((d) => d.id === input.department) ?? null,
    showInactive: input.inactive,
  };
}

export type DisputeMatrix = Awaited<ReturnType<typeof getDisputeMatrix>>;
