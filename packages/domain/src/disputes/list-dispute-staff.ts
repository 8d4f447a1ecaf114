import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";

/** Active staff, for choosing a dispute's owner or a rule's person. */
export async function listDisputeStaff(actor: Actor) {
  requireStaff(actor);
  return getDb().staffUser.findMany({
    where: { active: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, roles: true },
  });
}
