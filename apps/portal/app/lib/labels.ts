import type { PortalRole } from "@settle/domain/actor";
import type { ItemKind } from "@settle/domain/ledger/item-kinds";

// Words for domain codes, kept together for translation later.

export const ROLE_LABELS: Record<PortalRole, string> = {
  VIEWER: "Viewer",
  PAYER: "Payer",
  ADMIN: "Administrator",
};

export const ROLE_DESCRIPTIONS: Record<PortalRole, string> = {
  VIEWER: "You can see this account's balance, invoices and statements.",
  PAYER: "You can see this account and pay its invoices.",
  ADMIN: "You can see and pay this account and manage who at your company has access to it.",
};

export const KIND_LABELS: Record<ItemKind, string> = {
  INVOICE: "Invoice",
  DEBIT_MEMO: "Debit memo",
  FEE: "Fee",
  CREDIT_MEMO: "Credit memo",
  PAYMENT: "Payment",
};

/** "NET30" → "Net 30 days"; other codes are shown as they are. */
export function paymentTermsLabel(code: string, days: number): string {
  if (/^NET\d+$/i.test(code)) return `Net ${days} days`;
  if (days === 0) return "Due on receipt";
  return code;
}

export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
