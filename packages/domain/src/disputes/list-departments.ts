import { type Actor, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";

/** Departments disputes can be routed to. */
export async function listDepartments(actor: Actor) {
  requireStaff(actor);
  return getDb().department.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, email: true },
  });
}
