import type { TFunction } from "i18next";

/**
 * The facts of an audited change as the domain gives them (its ActivityFacts, by shape: this
 * package sits below the domain): the action, who did it and what it was about.
 */
export interface ActivityFactsShape {
  action: string;
  actor: { kind: string; name: string | null };
  /** i18next context: a sentence with a variant (a decision with a credit). */
  variant?: string;
  [fact: string]: unknown;
}

export interface ActivityFormats {
  locale: string;
  /** The app's money module formatter (minor units, never floats). */
  money: (amount: bigint, currency: string, locale: string) => string;
}

/** Facts whose value is a code the sentence shows in words, and where those words are. */
const WORDS: Record<string, string> = { outcome: "activity:outcomes", role: "activity:roles" };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTORS = new Set(["staff", "portal", "system"]);
const MISSING = "\u0000";

function isMoney(value: unknown): value is { amount: bigint; currency: string } {
  return (
    !!value &&
    typeof value === "object" &&
    typeof (value as { amount?: unknown }).amount === "bigint" &&
    typeof (value as { currency?: unknown }).currency === "string"
  );
}

/**
 * An audited change as a sentence in the page's language (namespace `activity`): "{{actor}}
 * raised dispute {{dispute}} on {{invoices}} for {{amount}}". Amounts in the locale's format, lists
 * of numbers joined as the language joins them, days as the locale writes them. An action the
 * catalogue has no sentence for reads as a generic change by its actor, never as its code.
 */
export function activitySentence(t: TFunction, facts: ActivityFactsShape, formats: ActivityFormats): string {
  const { locale } = formats;
  const values: Record<string, string> = {
    actor:
      facts.actor.name ?? t(`activity:actors.${ACTORS.has(facts.actor.kind) ? facts.actor.kind : "staff"}`),
  };
  for (const [key, value] of Object.entries(facts)) {
    if (key === "action" || key === "actor" || key === "variant" || value === null || value === undefined)
      continue;
    if (isMoney(value)) values[key] = formats.money(value.amount, value.currency, locale);
    else if (Array.isArray(value))
      values[key] = new Intl.ListFormat(locale, { type: "conjunction" }).format(value.map(String));
    else if (key in WORDS) values[key] = t(`${WORDS[key]}.${String(value)}`);
    else if (key === "day" && typeof value === "string" && DAY.test(value))
      values[key] = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${value}T00:00:00Z`),
      );
    else values[key] = String(value);
  }
  const options = { ...values, ...(facts.variant ? { context: facts.variant } : {}) };
  const text =
    facts.action === "other"
      ? MISSING
      : t(`activity:sentences.${facts.action}`, { ...options, defaultValue: MISSING });
  return text === MISSING ? t("activity:other", values) : text;
}
