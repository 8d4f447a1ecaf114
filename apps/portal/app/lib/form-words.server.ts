import type { Refusal, RefusalWords } from "@settle/web/forms.server";
import type { TFunction } from "i18next";
import { getLocale } from "~/i18n/i18n.server";
import { i18nFor } from "~/i18n/instance";

/** This request's language and its words, for an action to answer in. */
export async function wordsFor(request: Request) {
  const locale = await getLocale(request);
  const t: TFunction = i18nFor(locale).t;
  return { locale, t };
}

/**
 * A page's refusal words: its keys by reason under `errorsKey` (e.g. "users:errors"), else its
 * `failed` key; an unknown intent reads as the generic "check what you entered". `values` may
 * reword what the words need (e.g. format an amount in minor units).
 */
export function refusalWordsFor(
  t: TFunction,
  errorsKey: string,
  values: (refusal: Refusal) => Refusal["values"] = (refusal) => refusal.values,
): RefusalWords {
  return (refusal) =>
    refusal.reason === "unknown-intent"
      ? t("errors:400.body")
      : t(`${errorsKey}.${refusal.reason ?? "failed"}`, {
          ...values(refusal),
          defaultValue: t(`${errorsKey}.failed`),
        });
}
