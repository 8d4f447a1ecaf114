import { z } from "zod";
import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { hashToken } from "../auth/session-tokens.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import type { PortalRole } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { InvitationTokenSchema, invitationStatus } from "./invitation-policy.ts";

export const AcceptPortalInvitationSchema = z.object({ token: z.string().max(200) });
export type AcceptPortalInvitationInput = z.input<typeof AcceptPortalInvitationSchema>;

export interface AcceptedInvitation {
  /** The portal user to sign in. */
  userId: string;
  customerId: string;
  /** The role the user now has on the account (an existing membership keeps its role). */
  role: PortalRole;
  /** Every account the user may act for, by name, for choosing where to land. */
  customerIds: string[];
  createdUser: boolean;
}

const REASONS = {
  EXPIRED: { reason: "expired", message: "This invitation has expired." },
  REVOKED: { reason: "revoked", message: "This invitation was withdrawn." },
  ACCEPTED: { reason: "used", message: "This invitation has already been used." },
} as const;

interface InvitationRow {
  id: string;
  customer_id: string;
  email: string;
  name: string;
  role: PortalRole;
  locale: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/**
 * Accepts an invitation from its e-mailed link: creates the portal user for the address (or reuses
 * it), adds the membership, and uses the invitation up, all in one transaction. The token is the
 * credential: whoever can read the invitee's mailbox could also receive a sign-in code there, so
 * the caller signs the returned user in. The invitation row is locked first, so of two concurrent
 * accepts exactly one succeeds and the other finds it used.
 *
 * Unknown or malformed tokens are NOT_FOUND; expired, withdrawn and used ones are INVALID_STATE
 * with `details.reason` ("expired", "revoked", "used"), so the page can explain and offer a new one.
 */
export async function acceptPortalInvitation(
  rawInput: AcceptPortalInvitationInput,
  options: { now?: Date; requestId?: string; tx?: Tx } = {},
): Promise<AcceptedInvitation> {
  const { token } = AcceptPortalInvitationSchema.parse(rawInput);
  if (!InvitationTokenSchema.safeParse(token).success) throw unknownInvitation();
  const now = options.now ?? new Date();

  return inTransaction(options.tx, async (tx) => {
    const rows = await tx.$queryRaw<InvitationRow[]>`
      SELECT id, customer_id, email, name, role::text AS role, locale, expires_at, accepted_at, revoked_at
        FROM portal_invitation
       WHERE token_hash = ${hashToken(token)}
         FOR UPDATE`;
    const invitation = rows[0];
    if (!invitation) throw unknownInvitation();
    const status = invitationStatus(
      {
        acceptedAt: invitation.accepted_at,
        revokedAt: invitation.revoked_at,
        expiresAt: invitation.expires_at,
      },
      now,
    );
    if (status !== "PENDING") {
      const { reason, message } = REASONS[status];
      throw new DomainError("INVALID_STATE", message, { reason });
    }

    let user = await tx.portalUser.findFirst({
      where: { email: { equals: invitation.email, mode: "insensitive" } },
      select: { id: true, active: true },
    });
    let createdUser = false;
    if (!user) {
      // ON CONFLICT DO NOTHING: another invitation for the same address may be accepted right now.
      const { count } = await tx.portalUser.createMany({
        data: [{ email: invitation.email, name: invitation.name, locale: invitation.locale }],
        skipDuplicates: true,
      });
      createdUser = count === 1;
      user = await tx.portalUser.findFirst({
        where: { email: { equals: invitation.email, mode: "insensitive" } },
        select: { id: true, active: true },
      });
    }
    if (!user) throw new Error("The portal user could not be created.");
    if (!user.active) {
      throw new DomainError(
        "INVALID_STATE",
        "Portal access for this e-mail address is switched off. The supplier's accounts receivable team can turn it back on.",
        { reason: "user-deactivated" },
      );
    }

    const actor: PortalActor = {
      kind: "portal",
      userId: user.id,
      memberships: [],
      requestId: options.requestId,
    };
    const existing = await tx.portalMembership.findUnique({
      where: { portalUserId_customerId: { portalUserId: user.id, customerId: invitation.customer_id } },
      select: { role: true },
    });
    if (!existing) {
      await tx.portalMembership.createMany({
        data: [{ portalUserId: user.id, customerId: invitation.customer_id, role: invitation.role }],
        skipDuplicates: true,
      });
    }
    await tx.portalInvitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: now, acceptedById: user.id },
    });

    if (createdUser) {
      await appendAudit(tx, actor, {
        action: "portal_user.created",
        entityType: "portal_user",
        entityId: user.id,
        customerId: invitation.customer_id,
        after: { email: invitation.email, name: invitation.name, locale: invitation.locale },
      });
    }
    await appendAudit(tx, actor, {
      action: "portal_user.invitation_accepted",
      entityType: "portal_invitation",
      entityId: invitation.id,
      customerId: invitation.customer_id,
      after: {
        portalUserId: user.id,
        email: invitation.email,
        role: existing?.role ?? invitation.role,
        alreadyMember: !!existing,
      },
    });

    const memberships = await tx.portalMembership.findMany({
      where: { portalUserId: user.id },
      select: { customerId: true },
      orderBy: { customer: { name: "asc" } },
    });
    return {
      userId: user.id,
      customerId: invitation.customer_id,
      role: existing?.role ?? invitation.role,
      customerIds: memberships.map((m) => m.customerId),
      createdUser,
    };
  });
}

const unknownInvitation = () =>
  new DomainError("NOT_FOUND", "This invitation link is not valid.", { reason: "unknown" });
