/** For integration tests: staff members as the use cases see them, created in the test's database. */
import { randomUUID } from "node:crypto";
import type { StaffActor, StaffRole } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { createStaffUser } from "./factories.ts";

/** A new active staff user with these roles (no usable password), and its e-mail address. */
export async function createStaffActor(
  roles: StaffRole[],
  name = "Sam Staff",
): Promise<StaffActor & { email: string }> {
  const email = `staff-${randomUUID().slice(0, 8)}@settle.example`;
  const user = await createStaffUser(getDb(), { email, roles, passwordHash: "not-used", name });
  return { kind: "staff", userId: user.id, roles, email };
}
