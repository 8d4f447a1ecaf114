import type Stripe from "stripe";
import { invalidRequest } from "./errors.ts";
import { newId } from "./ids.ts";
import { disputeOf } from "./refunds.ts";
import type { Sandbox } from "./sandbox.ts";

const EVIDENCE_FIELDS = [
  "access_activity_log",
  "billing_address",
  "cancellation_policy",
  "cancellation_policy_disclosure",
  "cancellation_rebuttal",
  "customer_communication",
  "customer_email_address",
  "customer_name",
  "customer_purchase_ip",
  "customer_signature",
  "duplicate_charge_documentation",
  "duplicate_charge_explanation",
  "duplicate_charge_id",
  "product_description",
  "receipt",
  "refund_policy",
  "refund_policy_disclosure",
  "refund_refusal_explanation",
  "service_date",
  "service_documentation",
  "shipping_address",
  "shipping_carrier",
  "shipping_date",
  "shipping_documentation",
  "shipping_tracking_number",
  "uncategorized_file",
  "uncategorized_text",
] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];
export { EVIDENCE_FIELDS };

const REASON_CODES: Record<string, string> = {
  fraudulent: "10.4",
  product_not_received: "13.1",
  duplicate: "12.6.1",
  subscription_canceled: "13.2",
  product_unacceptable: "13.3",
  credit_not_processed: "13.6",
  general: "13.7",
};

function balanceTransaction(sb: Sandbox, dispute: { id: string; currency: string }, amount: number) {
  return {
    id: newId("txn"),
    object: "balance_transaction",
    amount,
    available_on: sb.now(),
    balance_type: "payments",
    created: sb.now(),
    currency: dispute.currency,
    description:
      amount < 0 ? `Chargeback withdrawal for ${dispute.id}` : `Chargeback reversal for ${dispute.id}`,
    exchange_rate: null,
    fee: amount < 0 ? 1500 : -1500,
    fee_details: [
      {
        amount: amount < 0 ? 1500 : -1500,
        application: null,
        currency: dispute.currency,
        description: "Dispute fee",
        type: "stripe_fee",
      },
    ],
    net: amount < 0 ? amount - 1500 : amount + 1500,
    reporting_category: amount < 0 ? "dispute" : "dispute_reversal",
    source: dispute.id,
    status: "available",
    type: amount < 0 ? "adjustment" : "adjustment",
  } satisfies Stripe.BalanceTransaction;
}

/** The cardholder's bank opens a chargeback: charge.dispute.created and funds_withdrawn. */
export function openDispute(
  sb: Sandbox,
  chargeId: string,
  opts: { reason?: string; amount?: number } = {},
): Stripe.Dispute {
  const charge = sb.get<Stripe.Charge>("charge", chargeId, "charge");
  if (charge.status !== "succeeded")
    throw invalidRequest(`Charge ${charge.id} did not succeed; it cannot be disputed.`);
  const existing = disputeOf(sb, charge.id);
  if (existing) throw invalidRequest(`Charge ${charge.id} already has a dispute (${existing}).`);
  const amount = opts.amount ?? charge.amount;
  if (amount < 1 || amount > charge.amount) {
    throw invalidRequest(`Dispute amount must be between 1 and the charge amount (${charge.amount}).`, {
      param: "amount",
    });
  }
  const reason = opts.reason ?? "fraudulent";
  const pm = charge.payment_method_details?.card;
  const id = newId("dp");
  const evidence = Object.fromEntries(EVIDENCE_FIELDS.map((f) => [f, null])) as Record<EvidenceField, null>;
  const dispute = {
    id,
    object: "dispute",
    amount,
    balance_transactions: [balanceTransaction(sb, { id, currency: charge.currency }, -amount)],
    charge: charge.id,
    created: sb.now(),
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: { ...evidence, enhanced_evidence: {} },
    evidence_details: {
      due_by: sb.now() + 7 * 24 * 3600,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: null as unknown as Stripe.Dispute.EvidenceDetails.SubmissionMethod,
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    network_reason_code: REASON_CODES[reason] ?? null,
    payment_intent: charge.payment_intent,
    payment_method_details: {
      card: {
        brand: pm?.brand ?? "visa",
        case_type: "chargeback",
        network: pm?.brand ?? "visa",
        network_reason_code: REASON_CODES[reason] ?? null,
      },
      type: "card",
    },
    reason,
    status: "needs_response",
  } satisfies Stripe.Dispute;
  sb.save(dispute);
  const previous = sb.update(charge, { disputed: true });
  sb.save(charge);
  sb.emit("charge.dispute.created", dispute);
  sb.emit("charge.dispute.funds_withdrawn", dispute);
  sb.emit("charge.updated", charge, previous);
  return dispute;
}

/** Evidence (and metadata) from the merchant; `submit` sends it to the bank: under_review. */
export function updateDispute(
  sb: Sandbox,
  dispute: Stripe.Dispute,
  input: {
    evidence?: Partial<Record<EvidenceField, string>>;
    metadata?: Record<string, string>;
    submit: boolean;
  },
): Stripe.Dispute {
  if (!["needs_response", "warning_needs_response", "under_review"].includes(dispute.status)) {
    throw invalidRequest(`This dispute is already closed (status ${dispute.status}).`);
  }
  const change: Partial<Stripe.Dispute> = {};
  if (input.evidence && Object.keys(input.evidence).length > 0) {
    change.evidence = { ...dispute.evidence, ...input.evidence } as Stripe.Dispute.Evidence;
    change.evidence_details = { ...dispute.evidence_details, has_evidence: true };
  }
  if (input.metadata) change.metadata = mergeMetadata(dispute.metadata, input.metadata);
  if (input.submit && dispute.status !== "under_review") {
    change.status = "under_review";
    change.evidence_details = {
      ...(change.evidence_details ?? dispute.evidence_details),
      submission_count: dispute.evidence_details.submission_count + 1,
    };
  }
  const previous = sb.update(dispute, change);
  sb.save(dispute);
  if (Object.keys(previous).length > 0) sb.emit("charge.dispute.updated", dispute, previous);
  return dispute;
}

/** The bank decides (won: funds_reinstated), or the merchant accepts (`close`): lost. */
export function closeDispute(sb: Sandbox, dispute: Stripe.Dispute, outcome: "won" | "lost"): Stripe.Dispute {
  if (dispute.status === "won" || dispute.status === "lost") {
    throw invalidRequest(`This dispute is already closed (status ${dispute.status}).`);
  }
  const change: Partial<Stripe.Dispute> = { status: outcome };
  if (outcome === "won") {
    change.balance_transactions = [
      ...dispute.balance_transactions,
      balanceTransaction(sb, { id: dispute.id, currency: dispute.currency }, dispute.amount),
    ];
  }
  const previous = sb.update(dispute, change);
  sb.save(dispute);
  sb.emit("charge.dispute.closed", dispute, previous);
  if (outcome === "won") sb.emit("charge.dispute.funds_reinstated", dispute);
  return dispute;
}

export function mergeMetadata(current: Record<string, string> | null, change: Record<string, string>) {
  const out: Record<string, string> = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(change)) {
    if (v === "") delete out[k];
    else out[k] = v;
  }
  return out;
}
