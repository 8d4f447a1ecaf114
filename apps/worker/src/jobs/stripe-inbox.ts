import { drainStripeInbox } from "@settle/domain/payments/process-stripe-inbox";
import { STRIPE_INBOX_CHANNEL } from "@settle/domain/payments/stripe-inbox";
import pg from "pg";
import { errorMessage, logError, logInfo } from "../log.ts";

export interface StripeInboxOptions {
  databaseUrl: string;
  /** Events per batch (one transaction records the payments of a batch). */
  batchSize?: number;
  /** Batches processed at the same time: one reads from Stripe while another writes. */
  lanes?: number;
  /** A pass without a notification: retries whose backoff ran out, events stored while no listener was connected. */
  pollMs?: number;
}

export interface StripeInboxProcessor {
  /** Stops listening and waits for the batches in flight. */
  stop(): Promise<void>;
}

/**
 * Acts on the Stripe webhook inbox as events arrive: the webhook route stores each event and
 * sends a NOTIFY, which wakes the lanes here; each lane drains the inbox in batches
 * (processStripeInbox claims with a lease, so lanes and other workers take different events).
 * A poll every `pollMs` catches retries that came due and anything stored while the listening
 * connection was down.
 */
export async function startStripeInboxProcessor({
  databaseUrl,
  batchSize = 100,
  lanes = 2,
  pollMs = 5000,
}: StripeInboxOptions): Promise<StripeInboxProcessor> {
  let stopping = false;
  let pending = true;
  const sleepers = new Set<() => void>();
  const wake = () => {
    pending = true;
    for (const resolve of sleepers) resolve();
    sleepers.clear();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(done);
        pending = true;
        resolve();
      }, pollMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      sleepers.add(done);
    });

  const lane = async () => {
    while (!stopping) {
      if (!pending) await sleep();
      if (stopping) break;
      pending = false;
      try {
        const run = await drainStripeInbox({ limit: batchSize });
        if (run.failed > 0) logInfo("stripe.inbox.failed", { processed: run.processed, failed: run.failed });
      } catch (error) {
        logError("stripe.inbox.error", { error: errorMessage(error) });
        await sleep();
      }
    }
  };

  let listener: pg.Client | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  const listen = async () => {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "settle-worker-inbox" });
    client.on("notification", wake);
    client.on("error", (error) => {
      logError("stripe.inbox.listen-failed", { error: errorMessage(error) });
      void client.end().catch(() => {});
      if (listener === client) listener = undefined;
      if (!stopping) reconnect = setTimeout(() => void listen().catch(retryListen), pollMs);
    });
    await client.connect();
    await client.query(`LISTEN ${STRIPE_INBOX_CHANNEL}`);
    listener = client;
    // Whatever arrived while nobody listened.
    wake();
  };
  const retryListen = (error: unknown) => {
    logError("stripe.inbox.listen-failed", { error: errorMessage(error) });
    if (!stopping) reconnect = setTimeout(() => void listen().catch(retryListen), pollMs);
  };
  await listen();

  const running = Array.from({ length: lanes }, lane);
  return {
    async stop() {
      stopping = true;
      clearTimeout(reconnect);
      wake();
      await Promise.all(running);
      await listener?.end().catch(() => {});
    },
  };
}
