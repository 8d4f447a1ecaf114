import type { Refusal, RefusalWords } from "@settle/web/forms.server";
import type { TFunction } from "i18next";

// Never a translation: tells a reason without words of its own from one with.
const UNKNOWN = "\u0000";

/**
 * What the back office says when a use case refuses a form, in the page's language: the words for
 * the refusal's reason (refusals:reasons.*), else for its code. The domain's own messages are for
 * logs and tests, never shown. A role in the values is shown by its label.
 */
export function refusalWordsIn(t: TFunction): RefusalWords {
  return ({ code, reason, values }: Refusal) => {
    const filled: Record<string, string | number> = { ...values };
    if (typeof values.role === "string") filled.role = t(`labels:portalRoles.${values.role}.label`);
    const key = reason === "not-an-amount" && values.currency ? "not-an-amount-in" : reason;
    const words = key ? t(`refusals:reasons.${key}`, { ...filled, defaultValue: UNKNOWN }) : UNKNOWN;
    return words === UNKNOWN ? t(`refusals:codes.${code}`) : words;
  };
}
