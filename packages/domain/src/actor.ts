import type { PortalRole, StaffRole } from "./db/generated/enums.ts";
import { DomainError } from "./errors.ts";

export type { PortalRole, StaffRole };

export interface StaffActor {
  kind: "staff";
  userId: string;
  roles: readonly StaffRole[];
  requestId?: string;
}

export interface PortalActor {
  kind: "portal";
  userId: string;
  /** The customer accounts this portal user may act for, with the role on each. */
  memberships: readonly { customerId: string; role: PortalRole }[];
  requestId?: string;
}

/** Background jobs, imports and the seed. */
export interface SystemActor {
  kind: "system";
  name: string;
  requestId?: string;
}

export type Actor = StaffActor | PortalActor | SystemActor;

export const systemActor = (name: string): SystemActor => ({ kind: "system", name });

export function actorId(actor: Actor): string {
  return actor.kind === "system" ? actor.name : actor.userId;
}

/** Whether the actor holds one of the roles (administrators and the system hold every role). */
export function hasStaffRole(actor: Actor, roles: readonly StaffRole[]): boolean {
  if (actor.kind === "system") return true;
  return actor.kind === "staff" && actor.roles.some((r) => r === "ADMIN" || roles.includes(r));
}

/**
 * Staff who may perform an action: any of `roles`, and always ADMIN. Portal actors never pass;
 * system actors pass (jobs are trusted code).
 */
export function requireStaffRole(actor: Actor, roles: readonly StaffRole[]): void {
  if (!hasStaffRole(actor, roles))
    throw new DomainError("FORBIDDEN", "You do not have permission to do this.");
}

export function requireStaff(actor: Actor): asserts actor is StaffActor | SystemActor {
  if (actor.kind === "portal") throw new DomainError("FORBIDDEN", "Staff only.");
}

/**
 * The customer ids an actor may read, or `"all"` for staff and system actors. A portal actor
 * asking for anything else gets NOT_FOUND from the caller, never another customer's data.
 */
export function readableCustomers(actor: Actor): "all" | string[] {
  if (actor.kind === "portal") return actor.memberships.map((m) => m.customerId);
  return "all";
}

export function canReadCustomer(actor: Actor, customerId: string): boolean {
  const scope = readableCustomers(actor);
  return scope === "all" || scope.includes(customerId);
}

export function portalRoleFor(actor: PortalActor, customerId: string): PortalRole | undefined {
  return actor.memberships.find((m) => m.customerId === customerId)?.role;
}
