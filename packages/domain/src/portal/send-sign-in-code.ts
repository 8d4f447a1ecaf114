import { emailT } from "@settle/i18n/emails";
import { textDirection } from "@settle/i18n/locales";
import { z } from "zod";
import { consumeRateLimit } from "../auth/rate-limit.ts";
import {
  DEFAULT_PORTAL_LOCALE,
  matchPortalLocale,
  type PortalLocale,
  PortalLocaleSchema,
} from "../base/portal-locales.ts";
import { getDb } from "../db/client.ts";
import { enqueueEmail } from "../email/enqueue-email.ts";
import { DomainError } from "../errors.ts";
import { SIGN_IN_CODE_LIMITS, waitText } from "./sign-in-code-policy.ts";

import { PortalEmailSchema, SIGN_IN_CODE_TTL_SECONDS } from "./sign-in-forms.ts";

export const SendSignInCodeSchema = z.object({
  email: PortalEmailSchema,
  code: z.string().trim().min(4).max(16),
  magicLink: z.url({ protocol: /^https?$/ }).max(4000),
  /** A language the visitor picked explicitly on the sign-in page; wins over the saved one. */
  chosenLocale: PortalLocaleSchema.optional(),
  /** The language of the visitor's browser, for users without a saved portal language. */
  browserLocale: PortalLocaleSchema.optional(),
});
export type SendSignInCodeInput = z.input<typeof SendSignInCodeSchema>;

/**
 * E-mails a sign-in code and magic link to an active portal user. Rate-limited per address and per
 * client before anything is looked up; for an address without portal access nothing is sent and
 * nothing different happens, so the caller's answer ("if this address has access, we sent a
 * code") cannot be used to find out which addresses have accounts.
 */
export async function sendSignInCode(rawInput: SendSignInCodeInput, client: { ip: string }): Promise<void> {
  const input = SendSignInCodeSchema.parse(rawInput);
  const [perEmail, perClient] = await Promise.all([
    consumeRateLimit(`portal-code-request:email:${input.email}`, SIGN_IN_CODE_LIMITS.requestsPerEmail),
    consumeRateLimit(`portal-code-request:client:${client.ip}`, SIGN_IN_CODE_LIMITS.requestsPerClient),
  ]);
  if (!perEmail.allowed || !perClient.allowed) {
    const wait = Math.max(
      perEmail.allowed ? 0 : perEmail.retryAfterSeconds,
      perClient.allowed ? 0 : perClient.retryAfterSeconds,
    );
    throw new DomainError(
      "RATE_LIMITED",
      `Too many sign-in codes were requested. Try again in ${waitText(wait)}.`,
      { retryAfterSeconds: wait },
    );
  }

  const user = await getDb().portalUser.findFirst({
    where: { email: { equals: input.email, mode: "insensitive" }, active: true },
    select: { email: true, name: true, locale: true },
  });
  if (!user) return;

  // The same order as the portal's pages: explicit choice, saved preference, browser, English.
  const locale =
    input.chosenLocale ?? matchPortalLocale(user.locale) ?? input.browserLocale ?? DEFAULT_PORTAL_LOCALE;
  const message = signInCodeEmail(locale, { name: user.name, code: input.code, magicLink: input.magicLink });
  await getDb().$transaction((tx) =>
    enqueueEmail(tx, { to: user.email, ...message, category: "portal.sign-in-code" }),
  );
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The message itself, in the user's language. */
function signInCodeEmail(locale: PortalLocale, values: { name: string; code: string; magicLink: string }) {
  const t = emailT(locale);
  const dir = textDirection(locale);
  const greeting = t("greeting", { name: values.name });
  const expiry = t("signIn.expiry", {
    duration: t("signIn.duration", { count: SIGN_IN_CODE_TTL_SECONDS / 60 }),
  });
  const subject = t("signIn.subject", { code: values.code });
  const text = [
    greeting,
    "",
    t("signIn.useCode"),
    "",
    `    ${values.code}`,
    "",
    t("signIn.orOpenLink"),
    values.magicLink,
    "",
    expiry,
    t("signIn.ignore"),
  ].join("\n");
  const code = escapeHtml(values.code);
  const link = escapeHtml(values.magicLink);
  const align = dir === "rtl" ? "right" : "left";
  // Codes and links read left to right in every language.
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,Tahoma,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="480" cellpadding="0" cellspacing="0" style="background:#ffffff;border:1px solid #e5e7eb;border-radius:12px;padding:32px;text-align:${align}">
<tr><td dir="${dir}">
<p style="margin:0 0 16px">${escapeHtml(greeting)}</p>
<p style="margin:0 0 16px">${escapeHtml(t("signIn.useCode"))}</p>
<p dir="ltr" style="margin:0 0 24px;font-size:32px;font-weight:600;letter-spacing:6px;font-family:ui-monospace,Menlo,Consolas,monospace;text-align:${align}">${code}</p>
<p style="margin:0 0 24px"><a href="${link}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px">${escapeHtml(t("signIn.button"))}</a></p>
<p style="margin:0 0 8px;font-size:14px;color:#4b5563">${escapeHtml(`${t("signIn.sameBrowser")} ${expiry}`)}</p>
<p style="margin:0;font-size:14px;color:#4b5563">${escapeHtml(t("signIn.ignore"))}</p>
</td></tr></table>
</td></tr></table>
</body></html>`;
  return { subject, text, html };
}
