import { emailT, emailText } from "@settle/i18n/emails";
import type { PortalRole } from "../actor.ts";
import type { PortalLocale } from "../base/portal-locales.ts";
import { type EmailBlock, formatEmailDay, renderEmail } from "../email/render-email.ts";
import type { InvitationStatus } from "./invitation-policy.ts";

/**
 * The e-mails portal access sends, in the recipient's language (words from the catalogue's
 * `emails` namespace). E-mails are written when they are queued, so they are built here rather
 * than in the app.
 */

/** The portal's word for a role in a language (for e-mails; the pages have their own copies). */
export const roleLabel = (role: PortalRole, locale: PortalLocale) =>
  emailText(locale, `portalRoles.${role}.label`);

export interface InvitationEmailValues {
  locale: PortalLocale;
  name: string;
  inviter: string;
  supplier: string;
  account: string;
  accountNumber: string;
  role: PortalRole;
  link: string;
  expiresAt: Date;
}

export function invitationEmail(v: InvitationEmailValues) {
  const t = emailT(v.locale);
  const role = { label: roleLabel(v.role, v.locale), does: t(`portalRoles.${v.role}.does`) };
  return renderEmail(v.locale, t("invitation.subject", { account: v.account, supplier: v.supplier }), [
    { text: t("greeting", { name: v.name }) },
    {
      text: t("invitation.intro", {
        inviter: v.inviter,
        supplier: v.supplier,
        account: v.account,
        accountNumber: v.accountNumber,
      }),
    },
    { text: t("invitation.role", role) },
    { link: v.link, label: t("invitation.action") },
    { text: t("invitation.expiry", { date: formatEmailDay(v.expiresAt, v.locale) }) },
    { text: t("invitation.ignore") },
  ]);
}

export interface NewInvitationRequestValues {
  locale: PortalLocale;
  recipientName: string;
  name: string;
  email: string;
  account: string;
  accountNumber: string;
  status: Exclude<InvitationStatus, "PENDING">;
  /** The users page for portal administrators; staff get a pointer to the back office instead. */
  usersPage: string | null;
}

export function newInvitationRequestEmail(v: NewInvitationRequestValues) {
  const t = emailT(v.locale);
  const blocks: EmailBlock[] = [
    { text: t("greeting", { name: v.recipientName }) },
    {
      text: t("invitationRequest.intro", {
        name: v.name,
        email: v.email,
        account: v.account,
        accountNumber: v.accountNumber,
        why: t(`invitationRequest.why.${v.status}`),
      }),
    },
    v.usersPage
      ? { link: v.usersPage, label: t("invitationRequest.portalAction") }
      : { text: t("invitationRequest.staffAction") },
    { text: t("invitationRequest.ignore", { name: v.name }) },
  ];
  return renderEmail(v.locale, t("invitationRequest.subject", { name: v.name, account: v.account }), blocks);
}
