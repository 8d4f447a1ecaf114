import type { Refusal } from "@settle/web/forms.server";

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
