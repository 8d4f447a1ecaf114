import type { TFunction } from "i18next";

/**
 * "NET30" → "Net 30 days"; "due on receipt" for zero days; other codes are shown as they are
 * (they are the supplier's own names for its terms).
 */
export function paymentTermsLabel(t: TFunction, code: string, days: number): string {
  if (/^NET\d+$/i.test(code)) return t("common:terms.net", { count: days });
  if (days === 0) return t("common:terms.dueOnReceipt");
  return code;
}
