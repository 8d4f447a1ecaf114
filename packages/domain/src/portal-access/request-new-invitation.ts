import { z } from "zod";
import type { SystemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { consumeRateLimit } from "../auth/rate-limit.ts";
import { hashToken } from "../auth/session-tokens.ts";
import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { enqueueEmail } from "../email/enqueue-email.ts";
import { DomainError } from "../errors.ts";
import { waitText } from "../portal/sign-in-code-policy.ts";
import { newInvitationRequestEmail } from "./invitation-emails.ts";
import {
  INVITATION_LIMITS,
  InvitationTokenSchema,
  invitationStatus,
  PortalUrlSchema,
  usersPageLink,
} from "./invitation-policy.ts";

export const RequestNewInvitationSchema = z.object({ token: z.string().max(200) });
export type RequestNewInvitationInput = z.input<typeof RequestNewInvitationSchema>;

interface Recipient {
  email: string;
  name: string;
  locale: PortalLocale;
  /** Portal administrators get a link to the users page; staff work in the back office. */
  portal: boolean;
}

/**
 * "Request a new invitation" from an expired, withdrawn or used invitation link: e-mails the
 * account's portal administrators and, when staff sent the invitation, that staff member (if
 * nobody is left, the account's collector), asking them to send a new one. Nothing is granted.
 * Rate-limited per client and per invitation, since anyone holding an old link can press the
 * button. Returns how many people were asked.
 */
export async function requestNewInvitation(
  rawInput: RequestNewInvitationInput,
  client: { ip: string },
  options: { portalUrl: string | URL; now?: Date; requestId?: string },
): Promise<{ notified: number }> {
  const { token } = RequestNewInvitationSchema.parse(rawInput);
  const portalUrl = PortalUrlSchema.parse(options.portalUrl);
  const now = options.now ?? new Date();

  const perClient = await consumeRateLimit(
    `portal-invite-renewal:client:${client.ip}`,
    INVITATION_LIMITS.newInvitationRequestsPerClient,
    now,
  );
  if (!perClient.allowed) throw tooMany(perClient.retryAfterSeconds);
  if (!InvitationTokenSchema.safeParse(token).success) throw unknownInvitation();

  const db = getDb();
  const invitation = await db.portalInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      customerId: true,
      email: true,
      name: true,
      invitedByKind: true,
      invitedById: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      customer: { select: { name: true, accountNumber: true, collectorId: true } },
    },
  });
  if (!invitation) throw unknownInvitation();
  const status = invitationStatus(invitation, now);
  if (status === "PENDING") {
    throw new DomainError("INVALID_STATE", "This invitation still works: you can accept it.", {
      reason: "still-valid",
    });
  }
  const perInvitation = await consumeRateLimit(
    `portal-invite-renewal:invitation:${invitation.id}`,
    INVITATION_LIMITS.newInvitationRequestsPerInvitation,
    now,
  );
  if (!perInvitation.allowed) {
    throw new DomainError(
      "RATE_LIMITED",
      "A new invitation has already been requested. The account's administrators have been told.",
      { retryAfterSeconds: perInvitation.retryAfterSeconds, reason: "already-requested" },
    );
  }

  const admins = await db.portalMembership.findMany({
    where: { customerId: invitation.customerId, role: "ADMIN", portalUser: { active: true } },
    select: { portalUser: { select: { email: true, name: true, locale: true } } },
  });
  const recipients: Recipient[] = admins
    .map(({ portalUser: u }) => ({
      email: u.email,
      name: u.name,
      locale: matchPortalLocale(u.locale) ?? "en",
      portal: true,
    }))
    .filter((r) => r.email.toLowerCase() !== invitation.email.toLowerCase());
  const staffIds = [
    invitation.invitedByKind === "staff" ? invitation.invitedById : null,
    // The collector is the account's contact at the supplier when no one else can help.
    recipients.length === 0 ? invitation.customer.collectorId : null,
  ].filter((id): id is string => !!id);
  if (staffIds.length > 0) {
    const staff = await db.staffUser.findMany({
      where: { id: { in: staffIds }, active: true },
      select: { email: true, name: true },
    });
    for (const s of staff) recipients.push({ email: s.email, name: s.name, locale: "en", portal: false });
  }
  const unique = [...new Map(recipients.map((r) => [r.email.toLowerCase(), r])).values()];

  const actor: SystemActor = { kind: "system", name: "invitation-link", requestId: options.requestId };
  await db.$transaction(async (tx) => {
    for (const r of unique) {
      const message = newInvitationRequestEmail({
        locale: r.locale,
        recipientName: r.name,
        name: invitation.name,
        email: invitation.email,
        account: invitation.customer.name,
        accountNumber: invitation.customer.accountNumber,
        status,
        usersPage: r.portal ? usersPageLink(portalUrl, invitation.customerId) : null,
      });
      await enqueueEmail(tx, { to: r.email, ...message, category: "portal.invitation-renewal" });
    }
    await appendAudit(tx, actor, {
      action: "portal_user.new_invitation_requested",
      entityType: "portal_invitation",
      entityId: invitation.id,
      customerId: invitation.customerId,
      after: { email: invitation.email, status, notified: unique.length, ip: client.ip },
    });
  });
  return { notified: unique.length };
}

const unknownInvitation = () =>
  new DomainError("NOT_FOUND", "This invitation link is not valid.", { reason: "unknown" });

const tooMany = (seconds: number) =>
  new DomainError("RATE_LIMITED", `Too many requests. Try again in ${waitText(seconds)}.`, {
    retryAfterSeconds: seconds,
    reason: "rate-limited",
  });
