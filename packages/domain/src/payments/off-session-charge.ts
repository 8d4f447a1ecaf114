import Stripe from "stripe";
import type { Actor } from "../actor.ts";
import type { Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { recordCardPayment } from "./record-card-payment.ts";
import { fromStripeAmount, toStripeAmount } from "./stripe-amounts.ts";
import { getStripe } from "./stripe-client.ts";

/** What Stripe made of an off-session charge of a saved card. */
export type OffSessionOutcome =
  | { kind: "succeeded"; intent: Stripe.PaymentIntent }
  /** Accepted, the bank has not confirmed yet. */
  | { kind: "processing"; intent: Stripe.PaymentIntent }
  /** Declined, or needs the cardholder (off-session there is nobody to ask). */
  | { kind: "failed"; code: string; reason: string; message: string; paymentIntentId: string | null }
  /** Stripe did not answer (network, 5xx): ask again later with the same key. */
  | { kind: "deferred" };

export interface OffSessionCharge {
  amount: bigint;
  currency: string;
  stripeCustomerId: string;
  paymentMethodId: string;
  metadata: Record<string, string>;
  description: string;
  /** Stripe's Idempotency-Key: the same charge sent again makes no second PaymentIntent. */
  idempotencyKey: string;
  /** The PaymentIntent already known for this charge (asked about again rather than created). */
  knownIntentId: string | null;
}

/**
 * Charges a saved card off-session (autopay, plan instalments), or asks Stripe again about a
 * charge it may have made already, and sorts the answer into what the caller records.
 */
export async function chargeOffSession(charge: OffSessionCharge): Promise<OffSessionOutcome> {
  const { stripe } = getStripe();
  let intent: Stripe.PaymentIntent;
  try {
    intent = charge.knownIntentId
      ? await stripe.paymentIntents.retrieve(charge.knownIntentId, { expand: ["latest_charge"] })
      : await stripe.paymentIntents.create(
          {
            amount: toStripeAmount(charge.amount, charge.currency),
            currency: charge.currency.toLowerCase(),
            customer: charge.stripeCustomerId,
            payment_method: charge.paymentMethodId,
            confirm: true,
            off_session: true,
            metadata: charge.metadata,
            description: charge.description,
            expand: ["latest_charge"],
          },
          { idempotencyKey: charge.idempotencyKey },
        );
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeCardError ||
      error instanceof Stripe.errors.StripeInvalidRequestError
    ) {
      const raw = error as Stripe.errors.StripeError;
      return {
        kind: "failed",
        code: raw.decline_code ?? raw.code ?? "card_error",
        reason: raw.code ?? "card_error",
        message: raw.message,
        paymentIntentId: raw.payment_intent?.id ?? null,
      };
    }
    if (error instanceof Stripe.errors.StripeError) return { kind: "deferred" };
    if (error instanceof DomainError && error.details?.reason === "amount-not-chargeable") {
      // Nothing was sent: Stripe cannot charge this total in this currency (e.g. 5.125 KWD).
      return {
        kind: "failed",
        code: "amount_not_chargeable",
        reason: "amount_not_chargeable",
        message: error.message,
        paymentIntentId: null,
      };
    }
    throw error;
  }
  if (intent.status === "succeeded") return { kind: "succeeded", intent };
  if (intent.status === "processing") return { kind: "processing", intent };
  const failure = intent.last_payment_error;
  return {
    kind: "failed",
    code: failure?.decline_code ?? failure?.code ?? "authentication_required",
    reason: failure?.code ?? "authentication_required",
    message: failure?.message ?? `The payment needs the cardholder (${intent.status}).`,
    paymentIntentId: intent.id,
  };
}

/** Records a succeeded off-session PaymentIntent in the ledger through its payment attempt. */
export async function recordOffSessionPayment(
  t: Tx,
  attemptId: string,
  intent: Stripe.PaymentIntent,
  savedCard: { brand: string; last4: string },
  actor: Actor,
): Promise<void> {
  const card =
    typeof intent.latest_charge === "object" ? intent.latest_charge?.payment_method_details?.card : null;
  await recordCardPayment(
    {
      attemptId,
      paymentIntentId: intent.id,
      amountReceived: fromStripeAmount(intent.amount_received, intent.currency),
      currency: intent.currency.toUpperCase(),
      paidAt: new Date(intent.created * 1000),
      cardLabel: card ? `${card.brand} •••• ${card.last4}` : `${savedCard.brand} •••• ${savedCard.last4}`,
      card: card?.last4
        ? { brand: card.brand ?? savedCard.brand, last4: card.last4 }
        : { brand: savedCard.brand, last4: savedCard.last4 },
    },
    actor,
    t,
  );
}
