import { emailT, emailText } from "@settle/i18n/emails";
import type { PortalRole } from "../actor.ts";
import type { PortalLocale } from "../base/portal-locales.ts";
import type { InvitationStatus } from "./invitation-policy.ts";

/**
 * The e-mails portal access sends, in the recipient's language (words from the catalogue's
 * `emails` namespace). E-mails are written when they are queued, so they are built here rather
 * than in the app.
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const formatDay = (date: Date, locale: PortalLocale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);

/** The portal's word for a role in a language (for e-mails; the pages have their own copies). */
export const roleLabel = (role: PortalRole, locale: PortalLocale) =>
  emailText(locale, `portalRoles.${role}.label`);

type Block = { text: string } | { link: string; label: string };

/** Plain text and a simple HTML version, right-to-left for Arabic. */
function render(locale: PortalLocale, subject: string, blocks: Block[]) {
  const text = blocks.map((b) => ("link" in b ? `${b.label}:\n${b.link}` : b.text)).join("\n\n");
  const dir = locale === "ar" ? "rtl" : "ltr";
  const body = blocks
    .map((b) =>
      "link" in b
        ? `<p style="margin:0 0 24px"><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px">${escapeHtml(b.label)}</a></p>`
        : `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,Tahoma,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="520" cellpadding="0" cellspacing="0" style="background:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:32px">
<tr><td dir="${dir}">
${body}
</td></tr></table>
</td></tr></table>
</body></html>`;
  return { subject, text, html };
}

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
  return render(v.locale, t("invitation.subject", { account: v.account, supplier: v.supplier }), [
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
    { text: t("invitation.expiry", { date: formatDay(v.expiresAt, v.locale) }) },
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
  const blocks: Block[] = [
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
  return render(v.locale, t("invitationRequest.subject", { name: v.name, account: v.account }), blocks);
}
