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
  // Disputes: the dispute page, logging one, the matrix and the report.
  "too-many-files": (v) => `Attach at most ${v.files} files of ${v.megabytes} MB each.`,
  "file-empty": (v) => `"${v.fileName}" is empty.`,
  "file-too-large": (v) => `"${v.fileName}" is larger than ${v.megabytes} MB; attach a smaller file.`,
  "file-type": (v) =>
    `"${v.fileName}" is not a file type we accept: PDF, images (PNG, JPEG, GIF, WebP), spreadsheets (XLSX, XLS, CSV), Word documents, text or e-mail files.`,
  "closed-no-documents": () => "This dispute is closed; it takes no more documents.",
  "closed-no-messages": () => "This dispute is closed; it takes no more messages.",
  "dispute-closed": () => "This dispute is closed.",
  "already-closed": () => "This dispute is already closed.",
  "already-resolved": () => "This dispute is already resolved.",
  "awaiting-approval": () => "This dispute's resolution is waiting for approval.",
  "not-awaiting-approval": () => "This dispute is not waiting for approval.",
  "review-not-open": () => "Only an open dispute can be taken up for review.",
  "own-proposal": () => "Someone else must decide on the resolution you proposed.",
  "note-to-send-back": () => "Say why the resolution is sent back.",
  "owner-or-department": () => "Choose an owner or a department.",
  "inactive-staff": () => "Choose an active staff member.",
  "inactive-department": () => "Choose an active department.",
  "amount-format": (v) => `Enter the amount in ${v.currency}, e.g. 125.50.`,
  "amount-not-positive": () => "The amount must be more than zero.",
  "partial-credit-range": (v) =>
    `A partial credit is more than zero and less than the disputed ${v.disputed} ${v.currency}.`,
  "staff-channel": () => "Say how the customer raised it: phone, e-mail or cash application.",
  "form-reused": () => "This form was already used for another dispute.",
  "invoice-paid": () => "This invoice is paid: nothing is left to dispute.",
  "already-disputed": (v) => `Dispute ${v.label} is already open for this part of the invoice.`,
  "raised-meanwhile": () => "A dispute for this part of the invoice was raised at the same time.",
  "no-such-line": (v) => `The invoice has no line ${v.lineNo}.`,
  "line-above-total": (v) => `Line ${v.lineNo} is ${v.total} ${v.currency}; dispute at most that.`,
  "above-open": (v) =>
    `Only ${v.availableAmount} ${v.currency} of this invoice is open and not already disputed.`,
  "rule-route": () => "Route to a department, a person, or both.",
  "band-currency": () => "An amount band needs its currency.",
  "band-amount-format": (v) => `Enter an amount in ${v.currency}, e.g. 5000.00.`,
  "band-order": () => "The maximum must be above the minimum.",
  "unknown-department": () => "Choose a department.",
  "unknown-legal-entity": () => "Choose a legal entity.",
  "date-format": () => "Use YYYY-MM-DD.",
  "period-order": () => "The end date is before the start date.",
  "not-a-date": (v) => `The ${v.dateName} "${v.value}" is not a date; use YYYY-MM-DD.`,
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
