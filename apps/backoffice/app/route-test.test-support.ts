/**
 * For the back office's route integration tests: route arguments as the back office receives them
 * (its origin, its CSRF tokens) and the session cookie of a signed-in staff member.
 */
import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import type { StaffRole } from "@settle/domain/db/generated/enums";
import { createStaffUser } from "@settle/domain/seed/factories";
import { routeCaller } from "@settle/web/route-test.test-support";
import { csrfToken } from "./csrf.server.ts";
import { signInCookie } from "./session.server.ts";

export const BACKOFFICE_BASE = "http://127.0.0.1:3001";

/** `routeCaller` for the back office; `params` are the parameters every call gets unless it names them. */
export function backofficeCaller(params?: () => Record<string, string>) {
  return routeCaller({ base: BACKOFFICE_BASE, csrf: csrfToken, ...(params ? { params } : {}) });
}

/** The cookie (name=value) a browser sends for a back-office session the user starts now. */
export async function staffSessionCookie(userId: string): Promise<string> {
  return (await signInCookie(new Request(BACKOFFICE_BASE), undefined, userId)).split(";")[0]!;
}

/** A new staff member with these roles, signed in: the session cookie. */
export async function signedInStaff(roles: StaffRole[], options: { name?: string } = {}): Promise<string> {
  const user = await createStaffUser(getDb(), {
    email: `${roles.join("-").toLowerCase()}-${randomUUID().slice(0, 8)}@settle.example`,
    roles,
    passwordHash: "not-used",
    ...options,
  });
  return staffSessionCookie(user.id);
}
