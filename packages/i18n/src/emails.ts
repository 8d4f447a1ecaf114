import ar from "../locales/ar/emails.json" with { type: "json" };
import en from "../locales/en/emails.json" with { type: "json" };
import es from "../locales/es/emails.json" with { type: "json" };
import ptBR from "../locales/pt-BR/emails.json" with { type: "json" };
import { instancesPerLanguage } from "./instances.ts";
import type { MessageKey, MessageValues } from "./keys.ts";
import type { Locale } from "./locales.ts";

/**
 * The words of every e-mail Settle sends (locales/<language>/emails.json). E-mails are written
 * when they are queued, by the domain and the worker, outside any app: the namespace is imported
 * directly rather than bundled with an app's pages.
 */
const emailsFor = instancesPerLanguage({
  resources: { en: { emails: en }, es: { emails: es }, "pt-BR": { emails: ptBR }, ar: { emails: ar } },
  namespaces: ["emails"],
  defaultNS: "emails",
});

export type EmailKey = MessageKey<typeof en>;

/** One e-mail text in a language, with its {{placeholders}} filled in (plain text, not escaped). */
export function emailText(locale: Locale, key: EmailKey, values?: MessageValues): string {
  return emailsFor(locale).t(key, values);
}

/** `emailText` fixed to one language, for building one e-mail. */
export const emailT =
  (locale: Locale) =>
  (key: EmailKey, values?: MessageValues): string =>
    emailText(locale, key, values);
