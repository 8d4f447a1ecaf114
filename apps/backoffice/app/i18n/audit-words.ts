import type { TFunction } from "i18next";

/**
 * An audited change in the page's language: its own words (labels:auditActions, the disputes'
 * labels:disputeActions), else a sentence naming its code.
 */
export function auditActionWords(t: TFunction, action: string): string {
  const key = action.startsWith("dispute.")
    ? `labels:disputeActions.${action}`
    : `labels:auditActions.${action}`;
  return t(key, { defaultValue: t("labels:otherAuditAction", { action }) });
}
