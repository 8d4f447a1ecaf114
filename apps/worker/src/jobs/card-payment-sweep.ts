import { drainStripeInbox } from "@settle/domain/payments/process-stripe-inbox";
import { sendApprovedRefunds } from "@settle/domain/payments/send-refund";
import { sweepCardPayments } from "@settle/domain/payments/sweep-card-payments";
import { syncPendingRefunds } from "@settle/domain/payments/sync-refund";
import type PgBoss from "pg-boss";
import { logInfo } from "../log.ts";

export const CARD_PAYMENT_SWEEP = "payments.card-sweep";

/** How far back the sweep lists PaymentIntents: Stripe retries webhooks for three days. */
const LOOKBACK_MS = 3 * 86_400_000;

/**
 * The safety net under the webhooks. Processes inbox events that are due (a retry whose backoff
 * ran out, anything the inbox processor missed), then lists the
 * PaymentIntents of the last three days and records any succeeded one the ledger lacks; sends
 * approved refunds Stripe never confirmed (same Idempotency-Key) and asks again about refunds
 * pending for a while. All idempotent, so a slot that runs twice, or two workers, change nothing.
 */
export async function runCardPaymentSweep(now = new Date()) {
  const events = await drainStripeInbox();
  const sweep = await sweepCardPayments({ since: new Date(now.getTime() - LOOKBACK_MS), now });
  const refundsSent = await sendApprovedRefunds({ olderThanMs: 60_000 });
  const refundsSynced = await syncPendingRefunds();
  return { events, sweep, refunds: { ...refundsSent, ...refundsSynced } };
}

/** Every five minutes, one worker (pg-boss runs each cron slot once across all processes). */
export async function registerCardPaymentSweep(boss: PgBoss): Promise<void> {
  await boss.createQueue(CARD_PAYMENT_SWEEP, { name: CARD_PAYMENT_SWEEP, policy: "stately", retryLimit: 0 });
  await boss.schedule(CARD_PAYMENT_SWEEP, "*/5 * * * *");
  await boss.work(CARD_PAYMENT_SWEEP, async () => {
    const { events, sweep, refunds } = await runCardPaymentSweep();
    if (
      events.claimed > 0 ||
      sweep.recorded > 0 ||
      sweep.settled > 0 ||
      refunds.tried + refunds.checked > 0
    ) {
      logInfo("payments.swept", {
        eventsClaimed: events.claimed,
        eventsProcessed: events.processed,
        intentsListed: sweep.listed,
        recorded: sweep.recorded,
        settled: sweep.settled,
        refundsSent: refunds.sent,
        refundsSettled: refunds.settled,
      });
    }
  });
}
