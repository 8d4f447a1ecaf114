import type { PortalRole } from "@settle/domain/actor";
import type { Refusal } from "@settle/web/forms.server";
import { PORTAL_ROLE_LABELS } from "./labels.ts";

/**
 * What the back office says when a use case refuses a form, keyed by the refusal's reason, else
 * its code: the domain's own messages are for logs and tests, never shown. (These words move into
 * the message catalogue with the back office's languages.)
 */
const BY_REASON: Record<string, (values: Refusal["values"]) => string> = {
  "unknown-intent": () => "This form does not do that. Reload the page and try again.",
  "not-an-amount": (v) => `Enter an amount${v.currency ? ` in ${v.currency}` : ""}, like 1000.00.`,
  negative: () => "The amount cannot be negative.",
  invalid: () => "Check this value.",
  // Portal access on the customer page.
  "already-member": (v) =>
    `${v.name} (${v.email}) already has access to this account as ${PORTAL_ROLE_LABELS[v.role as PortalRole]?.label ?? v.role}. Change their role instead.`,
  "user-deactivated": () =>
    "Portal access for this e-mail address is switched off. The supplier's accounts receivable team can turn it back on.",
  "already-accepted": (v) => `${v.email} has already accepted this invitation. Remove their access instead.`,
  "rate-limited": () => "You have sent many invitations in a short time. Wait a while and try again.",
  // Refunds on the card payment page.
  "not-positive": () => "The amount must be more than zero.",
  "not-a-card-step": (v) => `Card refunds in ${v.currency} must be a multiple of ${v.step}.`,
  "above-refundable": (v) => `At most ${v.most} ${v.currency} of this payment can still be refunded.`,
  "not-succeeded": () => "Only a succeeded card payment can be refunded.",
  "open-chargeback": () => "This payment has an open chargeback; it cannot be refunded now.",
  "form-used": () => "This form was already used for another payment.",
  "own-request": () => "Someone else must approve or reject your own refund request.",
  "already-decided": () => "This refund was already decided.",
  "not-through-stripe": () => "This payment did not come through Stripe.",
  "stripe-refused": (v) => `Stripe refused the refund: ${v.stripeMessage}`,
  "stripe-unavailable": () =>
    "The card payment service did not answer. The refund is approved but not confirmed yet; try again in a moment (it will not be sent twice).",
  // Signing in.
  "invalid-credentials": () => "That e-mail and password do not match an active account.",
  "sign-in-rate-limited": (v) => `Too many sign-in attempts. Try again in ${v.minutes} minutes.`,
};

const BY_CODE: Record<Refusal["code"], string> = {
  VALIDATION: "Check the highlighted values.",
  FORBIDDEN: "Your role does not allow this.",
  CONFLICT: "Someone changed this meanwhile. Reload the page and try again.",
  INVALID_STATE: "This can no longer be done in its current state.",
  RATE_LIMITED: "Too many attempts. Wait a moment and try again.",
  NOT_FOUND: "Not found.",
};

export function refusalWords(refusal: Refusal): string {
  const byReason = refusal.reason ? BY_REASON[refusal.reason] : undefined;
  return byReason ? byReason(refusal.values) : BY_CODE[refusal.code];
}
