import type { PortalLocale } from "../base/portal-locales.ts";

/**
 * How Settle's e-mails look: a few paragraphs and buttons rendered as plain text and as a simple
 * HTML page, right-to-left for Arabic. The words come from the catalogue's `emails` namespace; the
 * values in them are escaped here.
 */

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** A paragraph, a few lines kept together (facts such as "Total: €120.00"), or a button. */
export type EmailBlock = { text: string } | { lines: readonly string[] } | { link: string; label: string };

const blockText = (b: EmailBlock) =>
  "link" in b ? `${b.label}:\n${b.link}` : "lines" in b ? b.lines.join("\n") : b.text;

function blockHtml(b: EmailBlock): string {
  if ("link" in b)
    return `<p style="margin:0 0 24px"><a href="${escapeHtml(b.link)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:8px">${escapeHtml(b.label)}</a></p>`;
  const inner = "lines" in b ? b.lines.map(escapeHtml).join("<br>") : escapeHtml(b.text);
  return `<p style="margin:0 0 16px">${inner}</p>`;
}

/** A day as e-mails write it ("7 December 2026"), in the recipient's language. */
export const formatEmailDay = (date: Date, locale: PortalLocale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);

/** Plain text and a simple HTML version, right-to-left for Arabic. */
export function renderEmail(locale: PortalLocale, subject: string, blocks: readonly EmailBlock[]) {
  const text = blocks.map(blockText).join("\n\n");
  const dir = locale === "ar" ? "rtl" : "ltr";
  const body = blocks.map(blockHtml).join("\n");
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
