import { errorMessage, logError } from "../log.ts";
import type { Mailer } from "../mailer.ts";
import { relayDueEmails } from "./deliver-email.ts";

export interface OutboxRelayOptions {
  mailer: Mailer;
  batchSize?: number;
  /** Pause between passes when the outbox is drained. */
  intervalMs?: number;
}

export interface OutboxRelay {
  /** Stops polling and waits for the sends in flight to finish and be recorded. */
  stop(): Promise<void>;
}

/**
 * Polls the outbox every `intervalMs` and delivers what is due. Polling rather than a pg-boss
 * queue: the outbox row already is a durable job with its own lease and backoff, and cron cannot
 * go below a minute. Any number of workers may run this at once (claims skip each other's rows).
 */
export function startOutboxRelay({
  mailer,
  batchSize = 10,
  intervalMs = 1500,
}: OutboxRelayOptions): OutboxRelay {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const runPass = async () => {
    try {
      let claimed = batchSize;
      // A full batch means more may be waiting: keep going instead of sleeping.
      while (!stopping && claimed === batchSize) claimed = await relayDueEmails(mailer, batchSize);
    } catch (error) {
      logError("email.relay-failed", { error: errorMessage(error) });
    }
  };
  const next = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      pass = runPass().then(next);
    }, intervalMs);
  };
  let pass = runPass().then(next);

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
