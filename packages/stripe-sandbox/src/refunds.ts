import type Stripe from "stripe";
import { invalidRequest } from "./errors.ts";
import { newId } from "./ids.ts";
import { formatAmount, validateAmountDigits } from "./money.ts";
import { cardBehavior } from "./payments.ts";
import type { Sandbox } from "./sandbox.ts";

interface RefundMeta {
  /** How the pending refund will end when it settles on its own. */
  outcome: "succeeded" | "failed";
}

export interface RefundInput {
  charge: Stripe.Charge;
  amount?: number;
  reason?: Stripe.RefundCreateParams.Reason;
  metadata?: Record<string, string>;
}

/** The charge a refund request names, either directly or through its PaymentIntent. */
export function refundableCharge(
  sb: Sandbox,
  opts: { charge?: string; paymentIntent?: string },
): Stripe.Charge {
  if (opts.charge && opts.paymentIntent) {
    throw invalidRequest("You may only specify one of these parameters: charge, payment_intent.", {
      param: "payment_intent",
    });
  }
  if (opts.paymentIntent) {
    const pi = sb.get<Stripe.PaymentIntent>("payment_intent", opts.paymentIntent, "payment_intent");
    if (pi.status !== "succeeded" || !pi.latest_charge) {
      throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
        param: "payment_intent",
      });
    }
    return sb.get<Stripe.Charge>("charge", pi.latest_charge as string, "payment_intent");
  }
  if (opts.charge) return sb.get<Stripe.Charge>("charge", opts.charge, "charge");
  throw invalidRequest(
    "One of the following params should be provided for this request: payment_intent or charge.",
  );
}

/**
 * Creates a pending refund (refund.created, charge.refunded); it settles to succeeded or failed
 * later, on its own after `refundSettleMs` or through a control.
 */
export function createRefund(sb: Sandbox, input: RefundInput): Stripe.Refund {
  const charge = input.charge;
  if (charge.status !== "succeeded") {
    throw invalidRequest(`Charge ${charge.id} has not succeeded; it cannot be refunded.`, {
      param: "charge",
    });
  }
  if (charge.disputed) {
    const dispute = sb.find<Stripe.Dispute>(disputeOf(sb, charge.id) ?? "");
    if (dispute && !dispute.is_charge_refundable) {
      throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
        code: "charge_disputed",
      });
    }
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: "charge_already_refunded",
    });
  }
  const amount = input.amount ?? remaining;
  validateAmountDigits(amount, charge.currency);
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      { param: "amount", code: "amount_too_large" },
    );
  }
  const refund = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: sb.now(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: {
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
      type: "card",
    },
    metadata: input.metadata ?? {},
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "pending",
    transfer_reversal: null,
  } satisfies Stripe.Refund;
  sb.save(refund);

  const pm = charge.payment_method ? sb.find<Stripe.PaymentMethod>(charge.payment_method) : undefined;
  let outcome: RefundMeta["outcome"] =
    pm && cardBehavior(sb, pm).kind === "refund_fail" ? "failed" : "succeeded";
  if (sb.settings.failNextRefunds > 0) {
    outcome = "failed";
    sb.updateSettings((s) => {
      s.failNextRefunds--;
    });
  }
  sb.setMeta<RefundMeta>(refund.id, { outcome });

  sb.emit("refund.created", refund);
  const previous = sb.update(charge, {
    amount_refunded: charge.amount_refunded + amount,
    refunded: charge.amount_refunded + amount === charge.amount,
  });
  sb.save(charge);
  sb.emit("charge.refunded", charge, previous);
  const delay = sb.settings.refundSettleMs;
  if (delay !== null) sb.addTask("settle_refund", refund.id, sb.nowMs() + delay);
  return refund;
}

/**
 * Ends a pending refund; a failed refund gives the amount back to the charge. A refund that already
 * succeeded can still fail (the card issuer returns it later, as Stripe documents): the same events,
 * and the amount goes back to the charge.
 */
export function settleRefund(
  sb: Sandbox,
  refund: Stripe.Refund,
  outcome?: "succeeded" | "failed",
  failureReason: Stripe.Refund["failure_reason"] = "expired_or_canceled_card",
): Stripe.Refund {
  const failingLater = refund.status === "succeeded" && outcome === "failed";
  if (refund.status !== "pending" && !failingLater) {
    throw invalidRequest(
      `Refund ${refund.id} is ${refund.status}; only pending refunds can be settled, and only succeeded ones can fail later.`,
    );
  }
  const result = outcome ?? sb.meta<RefundMeta>(refund.id)?.outcome ?? "succeeded";
  for (const task of sb.tasks())
    if (task.kind === "settle_refund" && task.target === refund.id) sb.removeTask(task.id);
  const change: Partial<Stripe.Refund> =
    result === "succeeded"
      ? {
          status: "succeeded",
          destination_details: {
            card: {
              reference: `${Math.floor(1e22 + Math.random() * 8e22)}`.slice(0, 23),
              reference_status: "available",
              reference_type: "acquirer_reference_number",
              type: "refund",
            },
            type: "card",
          },
        }
      : { status: "failed", failure_reason: failureReason, failure_balance_transaction: newId("txn") };
  const previous = sb.update(refund, change);
  sb.save(refund);
  sb.emit("refund.updated", refund, previous);
  sb.emit("charge.refund.updated", refund, previous);
  if (result === "failed") {
    sb.emit("refund.failed", refund, previous);
    const charge = sb.find<Stripe.Charge>(refund.charge as string);
    if (charge) {
      sb.update(charge, {
        amount_refunded: charge.amount_refunded - refund.amount,
        refunded: false,
      });
      sb.save(charge);
    }
  }
  return refund;
}

function disputeOf(sb: Sandbox, chargeId: string): string | undefined {
  const ids = sb.store.idsOfType("dispute");
  for (let i = ids.length - 1; i >= 0; i--) {
    const d = sb.find<Stripe.Dispute>(ids[i]!);
    if (d?.charge === chargeId) return d.id;
  }
  return undefined;
}

export { disputeOf };
