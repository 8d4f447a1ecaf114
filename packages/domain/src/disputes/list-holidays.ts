import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { UUID_RE } from "./dispute-forms.ts";

/** A legal entity's holidays in a year. */
export async function listHolidays(legalEntityId: string, year: number, actor: Actor) {
  requireStaff(actor);
  if (!UUID_RE.test(legalEntityId)) throw new DomainError("NOT_FOUND", "Legal entity not found.");
  return getDb().holiday.findMany({
    where: {
      legalEntityId: legalEntityId.toLowerCase(),
      date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    orderBy: { date: "asc" },
    select: { date: true, name: true },
  });
}
