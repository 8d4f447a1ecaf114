// Words the back office shows for the domain's codes (kept out of the domain: they are UI copy).
import type { PortalRole } from "@settle/domain/actor";
import type { Tone } from "@settle/ui/badge";

/** The portal's words for its roles, and what each may do there. */
export const PORTAL_ROLE_LABELS: Record<PortalRole, { label: string; does: string }> = {
  VIEWER: { label: "Viewer", does: "sees balances, invoices and statements" },
  PAYER: { label: "Payer", does: "sees the account and pays invoices" },
  ADMIN: { label: "Administrator", does: "also invites and removes the customer's portal users" },
};

export const ITEM_KIND_TONES: Record<string, Tone> = {
  INVOICE: "neutral",
  DEBIT_MEMO: "neutral",
  FEE: "warning",
  CREDIT_MEMO: "info",
  PAYMENT: "success",
  REFUND: "warning",
  CHARGEBACK: "danger",
  REFUND_REVERSAL: "info",
};

export const RISK_LABELS: Record<string, { label: string; tone: Tone }> = {
  LOW: { label: "Low risk", tone: "success" },
  MEDIUM: { label: "Medium risk", tone: "neutral" },
  HIGH: { label: "High risk", tone: "warning" },
  CRITICAL: { label: "Critical risk", tone: "danger" },
};

export const OUTBOX_STATUS: Record<string, { label: string; tone: Tone }> = {
  PENDING: { label: "Pending", tone: "warning" },
  SENDING: { label: "Sending", tone: "info" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};

/** "credit_limit.change" → "Credit limit change" for audit events without a dedicated sentence. */
export function humanizeAction(action: string): string {
  const words = action.replace(/[._-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The browser and system of a user-agent string ("Chrome", "Windows"); good enough to recognise
 * one's own devices. "script" and "browser" are for the page to word; null: nothing to go by.
 */
export function describeUserAgent(userAgent: string | null): { browser: string; os?: string } | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /OPR\//.test(userAgent)
      ? "Opera"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Chrom(e|ium)\//.test(userAgent)
          ? "Chrome"
          : /Safari\//.test(userAgent)
            ? "Safari"
            : /curl|node|undici|playwright/i.test(userAgent)
              ? "script"
              : "browser";
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Android/.test(userAgent)
          ? "Android"
          : /Linux/.test(userAgent)
            ? "Linux"
            : undefined;
  return os ? { browser, os } : { browser };
}

export const CARD_PAYMENT_STATUS: Record<string, { label: string; tone: Tone }> = {
  OPEN: { label: "Awaiting payer", tone: "neutral" },
  PROCESSING: { label: "Processing", tone: "info" },
  SUCCEEDED: { label: "Succeeded", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  CANCELED: { label: "Canceled", tone: "neutral" },
};

export const REFUND_STATUS: Record<string, { label: string; tone: Tone }> = {
  PENDING_APPROVAL: { label: "Waiting for approval", tone: "warning" },
  REJECTED: { label: "Rejected", tone: "neutral" },
  APPROVED: { label: "Approved, not sent yet", tone: "warning" },
  PENDING: { label: "Sent to Stripe", tone: "info" },
  SUCCEEDED: { label: "Refunded", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  CANCELED: { label: "Canceled", tone: "neutral" },
};

export const CHARGEBACK_STATUS: Record<string, { label: string; tone: Tone }> = {
  OPEN: { label: "Open", tone: "danger" },
  WON: { label: "Won", tone: "success" },
  LOST: { label: "Lost", tone: "danger" },
};
