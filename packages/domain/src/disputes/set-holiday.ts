import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  DISPUTE_MANAGER_ROLES,
  parseInput,
  type SetHolidayInput,
  SetHolidaySchema,
  UUID_RE,
} from "./dispute-forms.ts";

/** Adds or removes a legal entity's holiday (AR managers; audited). Existing deadlines stay. */
export async function setHoliday(rawInput: SetHolidayInput, actor: Actor): Promise<{ changed: boolean }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(SetHolidaySchema, rawInput);
  if (!UUID_RE.test(input.legalEntityId)) throw new DomainError("NOT_FOUND", "Legal entity not found.");
  const legalEntityId = input.legalEntityId.toLowerCase();
  const date = new Date(`${input.date}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.date) {
    throw new DomainError("VALIDATION", "Use YYYY-MM-DD.", { field: "date", reason: "date-format" });
  }
  return getDb().$transaction(async (t) => {
    if (!(await t.legalEntity.findUnique({ where: { id: legalEntityId }, select: { id: true } }))) {
      throw new DomainError("NOT_FOUND", "Legal entity not found.");
    }
    const existing = await t.holiday.findUnique({ where: { legalEntityId_date: { legalEntityId, date } } });
    if (input.holiday === !!existing && (!existing || existing.name === input.name))
      return { changed: false };
    if (input.holiday) {
      await t.holiday.upsert({
        where: { legalEntityId_date: { legalEntityId, date } },
        create: { legalEntityId, date, name: input.name || input.date },
        update: { name: input.name || input.date },
      });
    } else if (existing) {
      await t.holiday.delete({ where: { id: existing.id } });
    }
    await appendAudit(t, actor, {
      action: input.holiday ? "holiday.set" : "holiday.remove",
      entityType: "holiday",
      entityId: `${legalEntityId}:${input.date}`,
      before: existing ? { name: existing.name } : null,
      after: input.holiday ? { name: input.name || input.date } : null,
    });
    return { changed: true };
  });
}
