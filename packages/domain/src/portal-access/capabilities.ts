import { type Actor, type PortalActor, type PortalRole, requireStaffRole } from "../actor.ts";
import { cardPaymentsOff, requireCardPayments } from "../base/card-payments-switch.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { DomainError } from "../errors.ts";
import { PORTAL_ACCESS_STAFF_ROLES } from "./invitation-policy.ts";

/**
 * What each portal role may do on one customer account: a VIEWER sees, a PAYER also pays, an ADMIN
 * also manages who at the customer has access. Pages use these flags to show or hide controls;
 * use cases check them again, so hiding a button is never the protection.
 *
 * Authorization answers, consistently across the portal: an account the user is not a member of
 * (or an unknown or malformed id) is NOT_FOUND, never revealing that it exists; a member whose
 * role lacks the capability gets FORBIDDEN with a message naming who may do it, because they can
 * see the account and deserve to know why the action is refused.
 */
export interface PortalCapabilities {
  canPay: boolean;
  canManageUsers: boolean;
}

export const PORTAL_ROLE_CAPABILITIES: Record<PortalRole, PortalCapabilities> = {
  VIEWER: { canPay: false, canManageUsers: false },
  PAYER: { canPay: true, canManageUsers: false },
  ADMIN: { canPay: true, canManageUsers: true },
};

const NONE: PortalCapabilities = { canPay: false, canManageUsers: false };

function roleOn(actor: PortalActor, customerId: string): PortalRole | undefined {
  const id = customerId.toLowerCase();
  return actor.memberships.find((m) => m.customerId === id)?.role;
}

/**
 * The portal user's capabilities on one account; none when they are not a member. Nobody pays
 * while card payments are off (the only way to pay in the portal is by card).
 */
export function portalCapabilities(actor: PortalActor, customerId: string): PortalCapabilities {
  const role = roleOn(actor, customerId);
  if (!role) return NONE;
  const capabilities = PORTAL_ROLE_CAPABILITIES[role];
  return cardPaymentsOff() ? { ...capabilities, canPay: false } : capabilities;
}

/** May this actor pay the account's invoices? Only its PAYER and ADMIN portal users. */
export function canPay(actor: Actor, customerId: string): boolean {
  return actor.kind === "portal" && portalCapabilities(actor, customerId).canPay;
}

/**
 * May this actor invite and remove the account's portal users? Its portal ADMINs, and AR staff
 * with a role that manages portal access.
 */
export function canManageUsers(actor: Actor, customerId: string): boolean {
  if (actor.kind === "portal") return portalCapabilities(actor, customerId).canManageUsers;
  if (actor.kind === "system") return true;
  return actor.roles.some((r) => r === "ADMIN" || PORTAL_ACCESS_STAFF_ROLES.includes(r));
}

const REFUSALS: Record<keyof PortalCapabilities, { message: string; reason: string }> = {
  canPay: { message: "Only payers and administrators of this account can pay.", reason: "payers-only" },
  canManageUsers: {
    message: "Only administrators of this account can manage its users.",
    reason: "administrators-only",
  },
};

/**
 * Guards a portal action on one account: NOT_FOUND outside the user's accounts, FORBIDDEN for a
 * member whose role lacks the capability. Payment use cases call it with "canPay", which also
 * refuses (INVALID_STATE, "card-payments-off") while card payments are off.
 */
export function requirePortalCapability(
  actor: PortalActor,
  customerId: string,
  capability: keyof PortalCapabilities,
): void {
  assertReadableCustomerId(actor, customerId);
  if (capability === "canPay") requireCardPayments();
  if (!portalCapabilities(actor, customerId)[capability]) {
    const refusal = REFUSALS[capability];
    throw new DomainError("FORBIDDEN", refusal.message, { reason: refusal.reason });
  }
}

/** The same guard for any actor managing portal users (staff by role, portal users by capability). */
export function requireUserManager(actor: Actor, customerId: string): void {
  if (actor.kind === "portal") {
    requirePortalCapability(actor, customerId, "canManageUsers");
    return;
  }
  assertReadableCustomerId(actor, customerId);
  requireStaffRole(actor, PORTAL_ACCESS_STAFF_ROLES);
}
