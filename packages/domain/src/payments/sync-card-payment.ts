import type Stripe from "stripe";
import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import type { PaymentAttemptStatus } from "../db/generated/enums.ts";
import { fromStripeAmount } from "./card-payment-forms.ts";
import { recordCardPayment } from "./record-card-payment.ts";
import { ATTEMPT_METADATA_KEY, stripeRefusal } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";

export interface SyncResult {
  attemptId: string | null;
  status: PaymentAttemptStatus | null;
  /** A PAYMENT item was written by this call (false when it existed or nothing was paid). */
  recorded: boolean;
}

const IGNORED: SyncResult = { attemptId: null, status: null, recorded: false };

/**
 * Brings a payment attempt up to date with its Checkout Session as Stripe reports it now (fetched
 * from the API: a webhook payload or a return URL is only a hint of which object to look at).
 * Sessions that are not Settle's are ignored.
 */
export async function syncCheckoutSession(sessionId: string, actor: Actor): Promise<SyncResult> {
  const { stripe } = getStripe();
  const session = await stripe.checkout.sessions.retrieve(sessionId, {
    expand: ["payment_intent.latest_charge"],
  });
  const attemptId = await attemptIdFor(session.metadata, { checkoutSessionId: session.id });
  if (!attemptId) return IGNORED;
  if (session.payment_intent && typeof session.payment_intent === "object") {
    return applyPaymentIntent(session.payment_intent, attemptId, actor);
  }
  if (session.status === "expired") return setStatus(attemptId, "CANCELED", null, actor);
  return current(attemptId);
}

/** The same for a PaymentIntent (webhook events about it, and the sweep). */
export async function syncPaymentIntent(paymentIntentId: string, actor: Actor): Promise<SyncResult> {
  const { stripe } = getStripe();
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] });
  const attemptId = await attemptIdFor(intent.metadata, { paymentIntentId: intent.id });
  if (!attemptId) return IGNORED;
  return applyPaymentIntent(intent, attemptId, actor);
}

async function attemptIdFor(
  metadata: Stripe.Metadata | null,
  where: { checkoutSessionId: string } | { paymentIntentId: string },
): Promise<string | null> {
  const fromMetadata = metadata?.[ATTEMPT_METADATA_KEY];
  const db = getDb();
  if (fromMetadata && /^[0-9a-f-]{36}$/.test(fromMetadata)) {
    const row = await db.paymentAttempt.findUnique({ where: { id: fromMetadata }, select: { id: true } });
    if (row) return row.id;
  }
  const row = await db.paymentAttempt.findFirst({ where, select: { id: true } });
  return row?.id ?? null;
}

function cardLabel(intent: Stripe.PaymentIntent): string | null {
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const card = charge?.payment_method_details?.card;
  return card ? `${card.brand} •••• ${card.last4}` : null;
}

async function applyPaymentIntent(intent: Stripe.PaymentIntent, attemptId: string, actor: Actor) {
  switch (intent.status) {
    case "succeeded": {
      const recorded = await recordCardPayment(
        {
          attemptId,
          paymentIntentId: intent.id,
          amountReceived: fromStripeAmount(intent.amount_received),
          currency: intent.currency.toUpperCase(),
          paidAt: new Date(intent.created * 1000),
          cardLabel: cardLabel(intent),
        },
        actor,
      );
      return { attemptId, status: "SUCCEEDED" as const, recorded: !recorded.replayed };
    }
    case "processing":
      return setStatus(attemptId, "PROCESSING", { paymentIntentId: intent.id }, actor);
    case "canceled":
      return setStatus(attemptId, "CANCELED", { paymentIntentId: intent.id }, actor);
    case "requires_payment_method": {
      const error = intent.last_payment_error;
      if (!error) return current(attemptId);
      return setStatus(
        attemptId,
        "FAILED",
        {
          paymentIntentId: intent.id,
          failureCode: error.decline_code ?? error.code ?? "payment_failed",
          failureMessage: error.message ?? null,
        },
        actor,
      );
    }
    default:
      // requires_action, requires_confirmation: the payer is still on Stripe's page.
      return current(attemptId);
  }
}

async function current(attemptId: string): Promise<SyncResult> {
  const row = await getDb().paymentAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { status: true },
  });
  return { attemptId, status: row.status, recorded: false };
}

/**
 * Moves an attempt to a status other than SUCCEEDED. A recorded payment is final: a late
 * "failed" or "expired" about an earlier card try never overrides it.
 */
async function setStatus(
  attemptId: string,
  status: Exclude<PaymentAttemptStatus, "SUCCEEDED" | "OPEN">,
  fields: { paymentIntentId?: string; failureCode?: string; failureMessage?: string | null } | null,
  actor: Actor,
): Promise<SyncResult> {
  return getDb().$transaction(async (t) => {
    const [row] = await t.$queryRaw<
      { status: PaymentAttemptStatus; customer_id: string; payment_intent_id: string | null }[]
    >`
      SELECT status, customer_id, payment_intent_id FROM payment_attempt WHERE id = ${attemptId}::uuid FOR UPDATE`;
    if (!row) throw new Error(`Payment attempt ${attemptId} not found.`);
    if (row.status === "SUCCEEDED" || row.status === "CANCELED") {
      return { attemptId, status: row.status, recorded: false };
    }
    const data = {
      status,
      ...(fields?.paymentIntentId && !row.payment_intent_id
        ? { paymentIntentId: fields.paymentIntentId }
        : {}),
      // A cancelled attempt keeps why its last card try failed, for the payer and for support.
      ...(status === "FAILED"
        ? { failureCode: fields?.failureCode ?? null, failureMessage: fields?.failureMessage ?? null }
        : {}),
      ...(status === "CANCELED" ? { completedAt: new Date() } : {}),
    };
    await t.paymentAttempt.update({ where: { id: attemptId }, data });
    if (row.status !== status || status === "FAILED") {
      await appendAudit(t, actor, {
        action: `card-payment.${status.toLowerCase()}`,
        entityType: "payment_attempt",
        entityId: attemptId,
        customerId: row.customer_id,
        before: { status: row.status },
        after: { status, failureCode: fields?.failureCode, failureMessage: fields?.failureMessage },
      });
    }
    return { attemptId, status, recorded: false };
  });
}

/**
 * The payer came back through "Back" on Stripe's page: expire the session so it can no longer be
 * paid, unless it was paid in the meantime (then record that instead).
 */
export async function cancelCheckoutSession(sessionId: string, actor: Actor): Promise<SyncResult> {
  const synced = await syncCheckoutSession(sessionId, actor);
  if (!synced.attemptId || synced.status === "SUCCEEDED" || synced.status === "PROCESSING") return synced;
  const { stripe } = getStripe();
  try {
    await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `settle-expire-${sessionId}` });
  } catch (error) {
    // Already complete or expired: what Stripe reports now decides.
    if (!(error instanceof Error && "type" in error && error.type === "StripeInvalidRequestError")) {
      throw stripeRefusal(error);
    }
  }
  return syncCheckoutSession(sessionId, actor);
}
