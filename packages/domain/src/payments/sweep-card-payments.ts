import { systemActor } from "../actor.ts";
import { cardPaymentsOff } from "../base/card-payments-switch.ts";
import { getDb } from "../db/client.ts";
import { ATTEMPT_METADATA_KEY } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";
import { syncCheckoutSession, syncPaymentIntent } from "./sync-card-payment.ts";

export interface SweepResult {
  /** PaymentIntents Stripe listed in the window. */
  listed: number;
  /** Succeeded ones that were not in the ledger and are now. */
  recorded: number;
  /** Attempts whose session had lapsed and were brought up to date. */
  settled: number;
}

/**
 * Repairs what webhooks missed (Stripe retries for days, does not order events, and an endpoint
 * can be down): lists the PaymentIntents created since `since` and records every succeeded one of
 * Settle's that the ledger lacks; then brings attempts that have waited longer than a Checkout
 * Session lives up to date (expired or paid). Safe to run as often as wanted: recording is
 * exactly once per PaymentIntent.
 */
export async function sweepCardPayments(
  options: { since?: Date; now?: Date; staleAfterMs?: number } = {},
): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const since = options.since ?? new Date(now.getTime() - 3 * 86_400_000);
  const result: SweepResult = { listed: 0, recorded: 0, settled: 0 };
  // Card payments off: Stripe is not asked (without a key there is nobody to ask).
  if (cardPaymentsOff()) return result;
  const actor = systemActor("card-payment-sweep");
  const { stripe } = getStripe();
  const db = getDb();

  for await (const intent of stripe.paymentIntents.list({
    created: { gte: Math.floor(since.getTime() / 1000) },
    limit: 100,
  })) {
    result.listed++;
    if (intent.status !== "succeeded" || !intent.metadata?.[ATTEMPT_METADATA_KEY]) continue;
    const known = await db.openItem.findUnique({
      where: { stripePaymentIntentId: intent.id },
      select: { id: true },
    });
    if (known) continue;
    if ((await syncPaymentIntent(intent.id, actor)).recorded) result.recorded++;
  }

  // Sessions live 24 hours: an attempt still open after that has expired or was paid unnoticed.
  // A processing payment is asked about again after a few minutes.
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const stale = await db.paymentAttempt.findMany({
    where: {
      checkoutSessionId: { not: null },
      OR: [
        {
          status: { in: ["OPEN", "FAILED"] },
          createdAt: { lt: ago(options.staleAfterMs ?? 25 * 3_600_000) },
        },
        { status: "PROCESSING", updatedAt: { lt: ago(5 * 60_000) } },
      ],
    },
    select: { checkoutSessionId: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  for (const attempt of stale) {
    const synced = await syncCheckoutSession(attempt.checkoutSessionId!, actor);
    if (synced.status !== "OPEN") result.settled++;
  }
  return result;
}
