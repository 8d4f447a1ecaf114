import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";

/** The legal entities, for dispute rules and holiday calendars. */
export async function listLegalEntities(actor: Actor) {
  requireStaff(actor);
  const rows = await getDb().legalEntity.findMany({
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, currency: true },
  });
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}
