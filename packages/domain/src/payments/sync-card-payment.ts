import type Stripe from "stripe";
import type { Actor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import type { PaymentAttemptStatus } from "../db/generated/enums.ts";
import {
  type ConfirmedCardPayment,
  type RecordedCardPayment,
  recordCardPayment,
  recordCardPayments,
} from "./record-card-payment.ts";
import { ATTEMPT_METADATA_KEY, stripeRefusal } from "./start-card-payment.ts";
import { fromStripeAmount } from "./stripe-amounts.ts";
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
  return syncFetchedCheckoutSession(await fetchCheckoutSession(sessionId), actor);
}

/** A Checkout Session from the API, with what syncFetchedCheckoutSession reads expanded. */
export function fetchCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  const { stripe } = getStripe();
  return stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] });
}

/**
 * syncCheckoutSession for a session its caller has just fetched (fetchCheckoutSession), so one
 * event reads the session from Stripe once.
 */
export async function syncFetchedCheckoutSession(
  session: Stripe.Checkout.Session,
  actor: Actor,
): Promise<SyncResult> {
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
  const result = (await syncPaymentIntents([paymentIntentId], actor)).get(paymentIntentId);
  if (result instanceof Error) throw result;
  return result ?? IGNORED;
}

/** How many PaymentIntents a batch reads from Stripe at a time. */
const FETCH_CONCURRENCY = 8;

/**
 * syncPaymentIntent for many PaymentIntents (the webhook inbox's batches): each is read from the
 * API, the succeeded ones are recorded in one transaction (recordCardPayments), the others moved
 * one by one. A failure is the result of its own PaymentIntent only: when the batch cannot be
 * recorded together, each payment is tried on its own.
 */
export async function syncPaymentIntents(
  paymentIntentIds: readonly string[],
  actor: Actor,
): Promise<Map<string, SyncResult | Error>> {
  const { stripe } = getStripe();
  const ids = [...new Set(paymentIntentIds)];
  const results = new Map<string, SyncResult | Error>();
  const intents: Stripe.PaymentIntent[] = [];
  let next = 0;
  const fetchNext = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        intents.push(await stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] }));
      } catch (error) {
        results.set(id, asError(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, ids.length) }, fetchNext));

  const attempts = await attemptIdsFor(intents);
  const succeeded: { intent: Stripe.PaymentIntent; payment: ConfirmedCardPayment }[] = [];
  for (const intent of intents) {
    const attemptId = attempts.get(intent.id);
    if (!attemptId) results.set(intent.id, IGNORED);
    else if (intent.status === "succeeded") {
      try {
        succeeded.push({ intent, payment: confirmedPayment(intent, attemptId) });
      } catch (error) {
        results.set(intent.id, asError(error));
      }
    }
  }
  if (succeeded.length > 0) {
    try {
      const recorded = await recordCardPayments(
        succeeded.map((s) => s.payment),
        actor,
      );
      for (const [i, s] of succeeded.entries()) {
        results.set(s.intent.id, succeededResult(s.payment, recorded[i]!));
      }
    } catch {
      for (const { intent, payment } of succeeded) {
        try {
          results.set(intent.id, succeededResult(payment, await recordCardPayment(payment, actor)));
        } catch (error) {
          results.set(intent.id, asError(error));
        }
      }
    }
  }
  for (const intent of intents) {
    const attemptId = attempts.get(intent.id);
    if (!attemptId || intent.status === "succeeded") continue;
    try {
      results.set(intent.id, await applyPaymentIntent(intent, attemptId, actor));
    } catch (error) {
      results.set(intent.id, asError(error));
    }
  }
  return results;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

const succeededResult = (payment: ConfirmedCardPayment, recorded: RecordedCardPayment): SyncResult => ({
  attemptId: payment.attemptId,
  status: "SUCCEEDED",
  recorded: !recorded.replayed,
});

const isUuid = (value: string | undefined): value is string => !!value && /^[0-9a-f-]{36}$/.test(value);

/** The attempts of PaymentIntents: from Settle's metadata, else by the PaymentIntent id. */
async function attemptIdsFor(intents: readonly Stripe.PaymentIntent[]): Promise<Map<string, string>> {
  if (intents.length === 0) return new Map();
  const fromMetadata = new Map<string, string>();
  for (const intent of intents) {
    const id = intent.metadata?.[ATTEMPT_METADATA_KEY];
    if (isUuid(id)) fromMetadata.set(intent.id, id);
  }
  const rows = await getDb().$queryRaw<{ id: string; payment_intent_id: string | null }[]>`
    SELECT id, payment_intent_id FROM payment_attempt
     WHERE id = ANY(${[...new Set(fromMetadata.values())]}::uuid[])
        OR payment_intent_id = ANY(${intents.map((i) => i.id)}::text[])`;
  const known = new Set(rows.map((r) => r.id));
  const byIntent = new Map(rows.filter((r) => r.payment_intent_id).map((r) => [r.payment_intent_id!, r.id]));
  const attempts = new Map<string, string>();
  for (const intent of intents) {
    const id = fromMetadata.get(intent.id);
    const attemptId = id && known.has(id) ? id : byIntent.get(intent.id);
    if (attemptId) attempts.set(intent.id, attemptId);
  }
  return attempts;
}

/** The attempt of a Checkout Session: from Settle's metadata, else by the session id. */
async function attemptIdFor(
  metadata: Stripe.Metadata | null,
  where: { checkoutSessionId: string },
): Promise<string | null> {
  const fromMetadata = metadata?.[ATTEMPT_METADATA_KEY];
  const db = getDb();
  if (isUuid(fromMetadata)) {
    const row = await db.paymentAttempt.findUnique({ where: { id: fromMetadata }, select: { id: true } });
    if (row) return row.id;
  }
  const row = await db.paymentAttempt.findFirst({ where, select: { id: true } });
  return row?.id ?? null;
}

function cardOf(intent: Stripe.PaymentIntent): { brand: string; last4: string } | null {
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const card = charge?.payment_method_details?.card;
  return card?.last4 ? { brand: card.brand ?? "unknown", last4: card.last4 } : null;
}

function confirmedPayment(intent: Stripe.PaymentIntent, attemptId: string): ConfirmedCardPayment {
  const card = cardOf(intent);
  return {
    attemptId,
    paymentIntentId: intent.id,
    amountReceived: fromStripeAmount(intent.amount_received, intent.currency),
    currency: intent.currency.toUpperCase(),
    paidAt: new Date(intent.created * 1000),
    cardLabel: card ? `${card.brand} •••• ${card.last4}` : null,
    card,
  };
}

async function applyPaymentIntent(intent: Stripe.PaymentIntent, attemptId: string, actor: Actor) {
  switch (intent.status) {
    case "succeeded": {
      const payment = confirmedPayment(intent, attemptId);
      return succeededResult(payment, await recordCardPayment(payment, actor));
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
