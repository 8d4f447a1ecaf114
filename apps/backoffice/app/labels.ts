// Badge colours for the domain's codes (their words are the catalogue's labels namespace), and
// the few texts made from data rather than chosen from the catalogue.
import type { Tone } from "@settle/ui/badge";

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

/** A risk class's badge colour (labels:risk). */
export const RISK_TONES: Record<string, Tone> = {
  LOW: "success",
  MEDIUM: "neutral",
  HIGH: "warning",
  CRITICAL: "danger",
};

/** An outbox e-mail's status colour (labels:outbox). */
export const OUTBOX_STATUS_TONES: Record<string, Tone> = {
  PENDING: "warning",
  SENDING: "info",
  SENT: "success",
  FAILED: "danger",
};

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

/** A card payment's status colour (labels:cardPaymentStatus). */
export const CARD_PAYMENT_STATUS_TONES: Record<string, Tone> = {
  OPEN: "neutral",
  PROCESSING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  CANCELED: "neutral",
};

/** A refund's status colour (labels:refundStatus). */
export const REFUND_STATUS_TONES: Record<string, Tone> = {
  PENDING_APPROVAL: "warning",
  REJECTED: "neutral",
  APPROVED: "warning",
  PENDING: "info",
  SUCCEEDED: "success",
  FAILED: "danger",
  CANCELED: "neutral",
};

/** A chargeback's status colour (labels:chargebackStatus). */
export const CHARGEBACK_STATUS_TONES: Record<string, Tone> = {
  OPEN: "danger",
  WON: "success",
  LOST: "danger",
};
