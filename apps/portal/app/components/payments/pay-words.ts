import { MAX_INVOICES_PER_PAYMENT } from "@settle/domain/payments/card-payment-forms";
import type { TFunction } from "i18next";
import type { $ZodIssue } from "zod/v4/core";

/** The review form's schema problems in the payer's words (the fields are the page's own, never typed wrong but the amounts, which the server words). */
export const payFieldWords = (t: TFunction) => (issues: $ZodIssue[]) => [
  issues.some((i) => i.message === "too-many")
    ? t("payments:errors.too-many", { max: MAX_INVOICES_PER_PAYMENT })
    : t("payments:errors.failed"),
];

/** A refusal's values as its words need them: an open amount in minor units, formatted in the page's language. */
export function payRefusalValues(
  values: Record<string, string | number>,
  money: (minor: bigint, currency: string) => string,
): Record<string, string | number> {
  const { open, currency } = values;
  return typeof open === "string" && typeof currency === "string" && /^\d+$/.test(open)
    ? { ...values, open: money(BigInt(open), currency) }
    : values;
}
