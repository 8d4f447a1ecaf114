import { DomainError } from "../errors.ts";

/**
 * Whether this installation takes card payments at all. Off when an operator switches them off
 * (SETTLE_CARD_PAYMENTS=off) or when production has no Stripe key (outside production the local
 * Stripe sandbox stands in). Apps decide once from their validated environment and call
 * configureCardPayments; until then (scripts, tests) card payments are on.
 */
export type CardPaymentsOff = "switched-off" | "no-stripe-key";

export const CARD_PAYMENTS_SETTINGS = ["on", "off"] as const;
export type CardPaymentsSetting = (typeof CARD_PAYMENTS_SETTINGS)[number];

/** Why card payments are off for this environment, or null when they are on. */
export function decideCardPayments(input: {
  nodeEnv: string;
  secretKey: string | undefined;
  setting: CardPaymentsSetting;
}): CardPaymentsOff | null {
  if (input.setting === "off") return "switched-off";
  if (input.nodeEnv === "production" && !input.secretKey) return "no-stripe-key";
  return null;
}

let off: CardPaymentsOff | null = null;

export function configureCardPayments(reason: CardPaymentsOff | null): void {
  off = reason;
}

/** Why card payments are off, or null when they are on. */
export function cardPaymentsOff(): CardPaymentsOff | null {
  return off;
}

/**
 * Refuses a card payment, saved card or autopay request while card payments are off
 * (INVALID_STATE, reason "card-payments-off": the portal words it in the payer's language).
 */
export function requireCardPayments(): void {
  if (!off) return;
  throw new DomainError("INVALID_STATE", "Card payments are not available.", {
    reason: "card-payments-off",
  });
}
