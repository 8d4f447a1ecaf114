import { z } from "zod";
import { hashToken } from "../auth/session-tokens.ts";
import { matchPortalLocale, type PortalLocale } from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import type { PortalRole } from "../db/generated/enums.ts";
import { InvitationTokenSchema, invitationStatus } from "./invitation-policy.ts";

export const GetPortalInvitationSchema = z.object({ token: z.string().max(200) });
export type GetPortalInvitationInput = z.input<typeof GetPortalInvitationSchema>;

export type PortalInvitationView =
  | { status: "UNKNOWN" }
  | {
      status: "PENDING" | "EXPIRED" | "REVOKED" | "ACCEPTED";
      email: string;
      name: string;
      role: PortalRole;
      /** The language the invitation e-mail was written in. */
      locale: PortalLocale;
      account: { name: string; accountNumber: string };
      /** Who bills the account: the portal belongs to them. */
      supplier: string;
      invitedBy: { name: string; kind: "portal" | "staff" };
      expiresAt: Date;
    };

/**
 * What the invitation page shows for an e-mailed link: who invited whom to which account with
 * which role, and whether the link still works. The token is the credential (no signed-in user is
 * needed); a malformed or unknown token looks the same and reveals nothing. Reading does not use
 * the invitation up, so mail scanners that open links cannot spend it.
 */
export async function getPortalInvitation(
  rawInput: GetPortalInvitationInput,
  options: { now?: Date } = {},
): Promise<PortalInvitationView> {
  const { token } = GetPortalInvitationSchema.parse(rawInput);
  if (!InvitationTokenSchema.safeParse(token).success) return { status: "UNKNOWN" };
  const invitation = await getDb().portalInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      name: true,
      role: true,
      locale: true,
      invitedByKind: true,
      invitedByName: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      customer: { select: { name: true, accountNumber: true, legalEntity: { select: { name: true } } } },
    },
  });
  if (!invitation) return { status: "UNKNOWN" };
  return {
    status: invitationStatus(invitation, options.now),
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    locale: matchPortalLocale(invitation.locale) ?? "en",
    account: { name: invitation.customer.name, accountNumber: invitation.customer.accountNumber },
    supplier: invitation.customer.legalEntity.name,
    invitedBy: {
      name: invitation.invitedByName,
      kind: invitation.invitedByKind === "staff" ? "staff" : "portal",
    },
    expiresAt: invitation.expiresAt,
  };
}
