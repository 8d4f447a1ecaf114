import PgBoss from "pg-boss";
import type { WorkerJob } from "./env.ts";
import { registerAutopay } from "./jobs/autopay.ts";
import { registerCardPaymentSweep } from "./jobs/card-payment-sweep.ts";
import { registerDisputeEscalation } from "./jobs/dispute-escalation.ts";
import { type OutboxRelay, startOutboxRelay } from "./jobs/outbox-relay.ts";
import { registerPaymentPlanJobs } from "./jobs/payment-plans.ts";
import { registerStuckEmailSweep } from "./jobs/release-stuck-emails.ts";
import { type StripeInboxProcessor, startStripeInboxProcessor } from "./jobs/stripe-inbox.ts";
import { errorMessage, logError } from "./log.ts";
import type { Mailer } from "./mailer.ts";

export interface WorkerOptions {
  databaseUrl: string;
  /** Without a mailer nothing is delivered: e-mails stay PENDING for the dev mailbox. */
  mailer: Mailer | undefined;
  relayIntervalMs?: number;
  /** The jobs to run (default: all). */
  jobs?: readonly WorkerJob[];
  /** The portal's address, for links in the jobs' e-mails. */
  portalUrl?: string;
}

export interface RunningWorker {
  stop(): Promise<void>;
}

/**
 * Starts pg-boss (schema "pgboss" in the application database), the schedules (stuck e-mails,
 * card payment sweep, autopay, dispute escalation, payment plans), the Stripe webhook inbox processor and the
 * e-mail relay; or only the `jobs` asked for.
 */
export async function startWorker({
  databaseUrl,
  mailer,
  relayIntervalMs,
  jobs = ["emails", "card-sweep", "autopay", "stripe-inbox", "disputes", "plans"],
  portalUrl = "http://localhost:3000",
}: WorkerOptions): Promise<RunningWorker> {
  const runs = (job: WorkerJob) => jobs.includes(job);
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    application_name: "settle-worker",
    max: 4,
  });
  boss.on("error", (error) => logError("pgboss.error", { error: errorMessage(error) }));
  await boss.start();

  let relay: OutboxRelay | undefined;
  let inbox: StripeInboxProcessor | undefined;
  try {
    if (runs("emails")) await registerStuckEmailSweep(boss);
    if (runs("card-sweep")) await registerCardPaymentSweep(boss);
    if (runs("autopay")) await registerAutopay(boss);
    if (runs("disputes")) await registerDisputeEscalation(boss);
    if (runs("plans")) await registerPaymentPlanJobs(boss, { portalUrl });
    if (runs("stripe-inbox")) inbox = await startStripeInboxProcessor({ databaseUrl });
    if (mailer && runs("emails")) relay = startOutboxRelay({ mailer, intervalMs: relayIntervalMs });
  } catch (error) {
    await inbox?.stop();
    await boss.stop({ graceful: false });
    throw error;
  }

  return {
    async stop() {
      // Finish and record the sends in flight first, then let pg-boss finish its running jobs.
      await relay?.stop();
      await inbox?.stop();
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
