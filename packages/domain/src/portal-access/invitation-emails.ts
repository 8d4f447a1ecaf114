import type { PortalRole } from "../actor.ts";
import type { PortalLocale } from "../base/portal-locales.ts";
import type { InvitationStatus } from "./invitation-policy.ts";

/**
 * The texts of the e-mails portal access sends, in each portal language. E-mails are written when
 * they are queued, so they are built here in the recipient's language rather than in the app.
 */

interface EmailCopy {
  roles: Record<PortalRole, { label: string; does: string }>;
  invitation: {
    subject: (v: { account: string; supplier: string }) => string;
    greeting: (name: string) => string;
    intro: (v: { inviter: string; supplier: string; account: string; accountNumber: string }) => string;
    role: (v: { label: string; does: string }) => string;
    action: string;
    expiry: (date: string) => string;
    ignore: string;
  };
  newRequest: {
    subject: (v: { name: string; account: string }) => string;
    greeting: (name: string) => string;
    intro: (v: {
      name: string;
      email: string;
      account: string;
      accountNumber: string;
      why: string;
    }) => string;
    why: Record<Exclude<InvitationStatus, "PENDING">, string>;
    portalAction: string;
    staffAction: string;
    ignore: (name: string) => string;
  };
}

const COPY: Record<PortalLocale, EmailCopy> = {
  en: {
    roles: {
      VIEWER: { label: "Viewer", does: "you can see the account's balance, invoices and statements" },
      PAYER: { label: "Payer", does: "you can see the account and pay its invoices" },
      ADMIN: {
        label: "Administrator",
        does: "you can see and pay the account and manage who at your company has access to it",
      },
    },
    invitation: {
      subject: (v) => `Join ${v.account} on the ${v.supplier} customer portal`,
      greeting: (name) => `Hello ${name},`,
      intro: (v) =>
        `${v.inviter} invited you to the customer portal of ${v.supplier}, for the account of ${v.account} (account ${v.accountNumber}).`,
      role: (v) => `Your role: ${v.label}: ${v.does}.`,
      action: "Accept the invitation",
      expiry: (date) => `The link works once and expires on ${date}.`,
      ignore: "If you were not expecting this invitation, you can ignore this e-mail.",
    },
    newRequest: {
      subject: (v) => `${v.name} asks for a new invitation to ${v.account}`,
      greeting: (name) => `Hello ${name},`,
      intro: (v) =>
        `${v.name} (${v.email}) opened an invitation to the customer portal for ${v.account} (account ${v.accountNumber}) that ${v.why}, and asks for a new one.`,
      why: {
        EXPIRED: "has expired",
        REVOKED: "was withdrawn",
        ACCEPTED: "was already used",
      },
      portalAction: "Open the account's users page to send a new invitation",
      staffAction: "You can send a new invitation from the account's page in the back office.",
      ignore: (name) => `If ${name} should not have access, you can ignore this e-mail.`,
    },
  },
  es: {
    roles: {
      VIEWER: { label: "Lector", does: "puede consultar el saldo, las facturas y los estados de cuenta" },
      PAYER: { label: "Pagador", does: "puede consultar la cuenta y pagar sus facturas" },
      ADMIN: {
        label: "Administrador",
        does: "puede consultar y pagar la cuenta y gestionar quién de su empresa tiene acceso a ella",
      },
    },
    invitation: {
      subject: (v) => `Acceda a ${v.account} en el portal de clientes de ${v.supplier}`,
      greeting: (name) => `Hola, ${name}:`,
      intro: (v) =>
        `${v.inviter} le ha invitado al portal de clientes de ${v.supplier}, para la cuenta de ${v.account} (cuenta ${v.accountNumber}).`,
      role: (v) => `Su rol: ${v.label}: ${v.does}.`,
      action: "Aceptar la invitación",
      expiry: (date) => `El enlace solo se puede usar una vez y caduca el ${date}.`,
      ignore: "Si no esperaba esta invitación, puede ignorar este correo.",
    },
    newRequest: {
      subject: (v) => `${v.name} solicita una nueva invitación a ${v.account}`,
      greeting: (name) => `Hola, ${name}:`,
      intro: (v) =>
        `${v.name} (${v.email}) abrió una invitación al portal de clientes para ${v.account} (cuenta ${v.accountNumber}) que ${v.why}, y solicita una nueva.`,
      why: {
        EXPIRED: "ha caducado",
        REVOKED: "fue retirada",
        ACCEPTED: "ya se había utilizado",
      },
      portalAction: "Abra la página de usuarios de la cuenta para enviar una nueva invitación",
      staffAction: "Puede enviar una nueva invitación desde la página de la cuenta en el back office.",
      ignore: (name) => `Si ${name} no debe tener acceso, puede ignorar este correo.`,
    },
  },
  "pt-BR": {
    roles: {
      VIEWER: { label: "Visualizador", does: "você pode ver o saldo, as faturas e os extratos da conta" },
      PAYER: { label: "Pagador", does: "você pode ver a conta e pagar as faturas" },
      ADMIN: {
        label: "Administrador",
        does: "você pode ver e pagar a conta e gerenciar quem da sua empresa tem acesso a ela",
      },
    },
    invitation: {
      subject: (v) => `Acesse ${v.account} no portal do cliente de ${v.supplier}`,
      greeting: (name) => `Olá, ${name},`,
      intro: (v) =>
        `${v.inviter} convidou você para o portal do cliente de ${v.supplier}, para a conta de ${v.account} (conta ${v.accountNumber}).`,
      role: (v) => `Sua função: ${v.label}: ${v.does}.`,
      action: "Aceitar o convite",
      expiry: (date) => `O link funciona uma única vez e expira em ${date}.`,
      ignore: "Se você não esperava este convite, pode ignorar este e-mail.",
    },
    newRequest: {
      subject: (v) => `${v.name} pede um novo convite para ${v.account}`,
      greeting: (name) => `Olá, ${name},`,
      intro: (v) =>
        `${v.name} (${v.email}) abriu um convite para o portal do cliente de ${v.account} (conta ${v.accountNumber}) que ${v.why} e pede um novo.`,
      why: {
        EXPIRED: "expirou",
        REVOKED: "foi cancelado",
        ACCEPTED: "já tinha sido usado",
      },
      portalAction: "Abra a página de usuários da conta para enviar um novo convite",
      staffAction: "Você pode enviar um novo convite na página da conta no back office.",
      ignore: (name) => `Se ${name} não deve ter acesso, você pode ignorar este e-mail.`,
    },
  },
  ar: {
    roles: {
      VIEWER: { label: "مُطّلِع", does: "يمكنك الاطلاع على رصيد الحساب وفواتيره وكشوفه" },
      PAYER: { label: "مسدِّد", does: "يمكنك الاطلاع على الحساب وسداد فواتيره" },
      ADMIN: {
        label: "مسؤول",
        does: "يمكنك الاطلاع على الحساب وسداده وإدارة من يمكنه الوصول إليه من شركتك",
      },
    },
    invitation: {
      subject: (v) => `انضم إلى حساب ${v.account} على بوابة عملاء ${v.supplier}`,
      greeting: (name) => `مرحبًا ${name}،`,
      intro: (v) =>
        `دعاك ${v.inviter} إلى بوابة عملاء ${v.supplier} للاطلاع على حساب ${v.account} (رقم الحساب ${v.accountNumber}).`,
      role: (v) => `دورك: ${v.label}: ${v.does}.`,
      action: "قبول الدعوة",
      expiry: (date) => `يعمل الرابط مرة واحدة فقط وتنتهي صلاحيته في ${date}.`,
      ignore: "إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.",
    },
    newRequest: {
      subject: (v) => `يطلب ${v.name} دعوة جديدة إلى حساب ${v.account}`,
      greeting: (name) => `مرحبًا ${name}،`,
      intro: (v) =>
        `فتح ${v.name} (${v.email}) دعوة إلى بوابة العملاء لحساب ${v.account} (رقم الحساب ${v.accountNumber}) ${v.why}، ويطلب دعوة جديدة.`,
      why: {
        EXPIRED: "انتهت صلاحيتها",
        REVOKED: "تم سحبها",
        ACCEPTED: "سبق استخدامها",
      },
      portalAction: "افتح صفحة مستخدمي الحساب لإرسال دعوة جديدة",
      staffAction: "يمكنك إرسال دعوة جديدة من صفحة الحساب في المكتب الخلفي.",
      ignore: (name) => `إذا كان ${name} لا ينبغي أن يحصل على الوصول، يمكنك تجاهل هذه الرسالة.`,
    },
  },
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const formatDay = (date: Date, locale: PortalLocale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);

/** The portal's word for a role in a language (for e-mails; the pages have their own copies). */
export const roleLabel = (role: PortalRole, locale: PortalLocale) => COPY[locale].roles[role].label;

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
  const c = COPY[v.locale];
  return render(v.locale, c.invitation.subject({ account: v.account, supplier: v.supplier }), [
    { text: c.invitation.greeting(v.name) },
    { text: c.invitation.intro(v) },
    { text: c.invitation.role(c.roles[v.role]) },
    { link: v.link, label: c.invitation.action },
    { text: c.invitation.expiry(formatDay(v.expiresAt, v.locale)) },
    { text: c.invitation.ignore },
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
  const c = COPY[v.locale].newRequest;
  const blocks: Block[] = [
    { text: c.greeting(v.recipientName) },
    { text: c.intro({ ...v, why: c.why[v.status] }) },
    v.usersPage ? { link: v.usersPage, label: c.portalAction } : { text: c.staffAction },
    { text: c.ignore(v.name) },
  ];
  return render(v.locale, c.subject({ name: v.name, account: v.account }), blocks);
}
