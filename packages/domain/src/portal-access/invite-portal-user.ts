import { type Actor, actorId } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { consumeRateLimit } from "../auth/rate-limit.ts";
import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import type { PortalRole } from "../db/generated/enums.ts";
import { enqueueEmail } from "../email/enqueue-email.ts";
import { DomainError } from "../errors.ts";
import { waitText } from "../portal/sign-in-code-policy.ts";
import { requireUserManager } from "./capabilities.ts";
import { invitationEmail, roleLabel } from "./invitation-emails.ts";
import {
  INVITATION_LIMITS,
  INVITATION_TTL_DAYS,
  invitationLink,
  newInvitationToken,
  PortalUrlSchema,
} from "./invitation-policy.ts";
import { lockManagedAccount } from "./lock-managed-account.ts";
import { type InvitePortalUserInput, InvitePortalUserSchema } from "./portal-access-forms.ts";

export interface InvitePortalUserOptions {
  /** The portal's public address, for the link in the e-mail. */
  portalUrl: string | URL;
  /** The language the inviter is using right now (the portal page's); else their saved one. */
  inviterLocale?: string;
  now?: Date;
  tx?: Tx;
}

export interface InvitationSent {
  invitationId: string;
  email: string;
  name: string;
  role: PortalRole;
  locale: PortalLocale;
  expiresAt: Date;
  /** An earlier pending invitation to the same address was withdrawn: only the new link works. */
  replacedEarlier: boolean;
}

/**
 * Invites someone by e-mail to a customer account's portal with a role. The actor must manage the
 * account's users (its portal ADMIN, or AR staff with a portal-access role). The e-mail carries a
 * single-use link that expires after INVITATION_TTL_DAYS; only the token's hash is stored.
 * Inviting an address that already has access to this account is a CONFLICT (change the role
 * instead); an address with access to other accounts is fine, memberships are per account.
 * Inviting an address with a pending invitation sends a fresh one and withdraws the old link.
 */
export async function invitePortalUser(
  rawInput: InvitePortalUserInput,
  actor: Actor,
  options: InvitePortalUserOptions,
): Promise<InvitationSent> {
  const input = InvitePortalUserSchema.parse(rawInput);
  const portalUrl = PortalUrlSchema.parse(options.portalUrl);
  if (actor.kind === "system") throw new DomainError("FORBIDDEN", "Invitations are sent by people.");
  // Refused before the rate limit counts anything: someone without the right learns it at once.
  requireUserManager(actor, input.customerId);
  const now = options.now ?? new Date();

  const limit = await consumeRateLimit(
    `portal-invite:${actor.kind}:${actorId(actor)}`,
    INVITATION_LIMITS.invitesPerInviter,
    now,
  );
  if (!limit.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      `You have sent many invitations in a short time. Try again in ${waitText(limit.retryAfterSeconds)}.`,
      { retryAfterSeconds: limit.retryAfterSeconds, reason: "rate-limited" },
    );
  }

  return inTransaction(options.tx, async (tx) => {
    const account = await lockManagedAccount(tx, actor, input.customerId);
    const customerId = account.customerId;

    const existing = await tx.portalUser.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" } },
      select: {
        name: true,
        locale: true,
        active: true,
        memberships: { where: { customerId }, select: { role: true } },
      },
    });
    const membership = existing?.memberships[0];
    if (existing && membership) {
      throw new DomainError(
        "CONFLICT",
        `${existing.name} (${input.email}) already has access to this account as ${roleLabel(membership.role, "en")}. Change their role instead.`,
        { reason: "already-member", name: existing.name, email: input.email, role: membership.role },
      );
    }
    if (existing && !existing.active) {
      throw new DomainError(
        "INVALID_STATE",
        "Portal access for this e-mail address is switched off. The supplier's accounts receivable team can turn it back on.",
        { reason: "user-deactivated" },
      );
    }

    const inviter: { name: string; locale?: string } | null =
      actor.kind === "portal"
        ? await tx.portalUser.findUnique({
            where: { id: actor.userId },
            select: { name: true, locale: true },
          })
        : await tx.staffUser.findUnique({ where: { id: actor.userId }, select: { name: true } });
    if (!inviter) throw new DomainError("NOT_FOUND", "Your user account was not found.");
    const locale =
      input.locale ??
      matchPortalLocale(existing?.locale) ??
      matchPortalLocale(options.inviterLocale) ??
      matchPortalLocale(inviter.locale) ??
      "en";

    const { count: replaced } = await tx.portalInvitation.updateMany({
      where: { customerId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });

    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
    const invitation = await tx.portalInvitation.create({
      data: {
        customerId,
        email: input.email,
        name: input.name,
        role: input.role,
        locale,
        tokenHash,
        invitedByKind: actor.kind,
        invitedById: actor.userId,
        invitedByName: inviter.name,
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });

    const message = invitationEmail({
      locale,
      name: input.name,
      inviter: inviter.name,
      supplier: account.legalEntityName,
      account: account.name,
      accountNumber: account.accountNumber,
      role: input.role,
      link: invitationLink(portalUrl, token),
      expiresAt,
    });
    await enqueueEmail(tx, { to: input.email, ...message, category: "portal.invitation" });
    await appendAudit(tx, actor, {
      action: "portal_user.invited",
      entityType: "portal_invitation",
      entityId: invitation.id,
      customerId,
      after: { email: input.email, role: input.role, locale, expiresAt, replacedEarlier: replaced > 0 },
    });

    return {
      invitationId: invitation.id,
      email: input.email,
      name: input.name,
      role: input.role,
      locale,
      expiresAt,
      replacedEarlier: replaced > 0,
    };
  });
}
