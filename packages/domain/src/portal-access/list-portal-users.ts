import { z } from "zod";
import type { Actor } from "../actor.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { PortalRole } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { canManageUsers, requirePortalCapability } from "./capabilities.ts";
import { invitationStatus } from "./invitation-policy.ts";

export const ListPortalUsersSchema = z.object({ customerId: z.string().max(100) });
export type ListPortalUsersInput = z.input<typeof ListPortalUsersSchema>;

/** Expired invitations stay listed this long, so an administrator can send them again. */
const EXPIRED_SHOWN_DAYS = 30;

export interface PortalUserRow {
  portalUserId: string;
  name: string;
  email: string;
  role: PortalRole;
  /** When they were given access to this account. */
  addedAt: Date;
  /** Their latest portal sign-in (any account), or null if they never signed in. */
  lastSignInAt: Date | null;
  /** Switched off for every account by the supplier's staff. */
  active: boolean;
  isYou: boolean;
}

export interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: PortalRole;
  status: "PENDING" | "EXPIRED";
  invitedBy: string;
  sentAt: Date;
  expiresAt: Date;
}

export interface PortalAccess {
  customer: { id: string; name: string; accountNumber: string };
  users: PortalUserRow[];
  /** Invitations not yet accepted or withdrawn, newest first (recently expired ones included). */
  invitations: InvitationRow[];
  adminCount: number;
  /** Whether the actor may invite, change and remove (staff without a portal-access role may only look). */
  can: { manage: boolean };
}

/**
 * Who has portal access to a customer account: its users with their roles and last sign-in, and
 * its open invitations. For the account's portal ADMINs (other members get FORBIDDEN, anyone else
 * NOT_FOUND) and for staff.
 */
export async function listPortalUsers(
  rawInput: ListPortalUsersInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<PortalAccess> {
  const { customerId: given } = ListPortalUsersSchema.parse(rawInput);
  if (actor.kind === "portal") requirePortalCapability(actor, given, "canManageUsers");
  else assertReadableCustomerId(actor, given);
  const customerId = given.toLowerCase();
  const now = options.now ?? new Date();
  const db = getDb();

  const [customer, memberships, invitations] = await Promise.all([
    db.customer.findUnique({
      where: { id: customerId },
      select: { id: true, name: true, accountNumber: true },
    }),
    db.portalMembership.findMany({
      where: { customerId },
      orderBy: [{ portalUser: { name: "asc" } }, { portalUser: { email: "asc" } }],
      select: {
        role: true,
        createdAt: true,
        portalUser: { select: { id: true, name: true, email: true, active: true } },
      },
    }),
    db.portalInvitation.findMany({
      where: {
        customerId,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: new Date(now.getTime() - EXPIRED_SHOWN_DAYS * 86_400_000) },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        invitedByName: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
      },
    }),
  ]);
  if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");

  const userIds = memberships.map((m) => m.portalUser.id);
  const signIns = userIds.length
    ? await db.session.groupBy({
        by: ["portalUserId"],
        where: { app: "PORTAL", portalUserId: { in: userIds } },
        _max: { createdAt: true },
      })
    : [];
  const lastSignIn = new Map(signIns.map((s) => [s.portalUserId, s._max.createdAt]));

  return {
    customer,
    users: memberships.map((m) => ({
      portalUserId: m.portalUser.id,
      name: m.portalUser.name,
      email: m.portalUser.email,
      role: m.role,
      addedAt: m.createdAt,
      lastSignInAt: lastSignIn.get(m.portalUser.id) ?? null,
      active: m.portalUser.active,
      isYou: actor.kind === "portal" && actor.userId === m.portalUser.id,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      role: i.role,
      status: invitationStatus(i, now) === "PENDING" ? "PENDING" : "EXPIRED",
      invitedBy: i.invitedByName,
      sentAt: i.createdAt,
      expiresAt: i.expiresAt,
    })),
    adminCount: memberships.filter((m) => m.role === "ADMIN").length,
    can: { manage: canManageUsers(actor, customerId) },
  };
}
