import { configureCardPayments, decideCardPayments } from "@settle/domain/base/card-payments-switch";
import { configureDatabase, disconnectDb } from "@settle/domain/db/client";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { loadEnv } from "./env.ts";
import { errorMessage, logError, logInfo } from "./log.ts";
import { createSmtpMailer } from "./mailer.ts";
import { startWorker } from "./worker.ts";

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  console.error(errorMessage(error));
  process.exit(1);
}

configureDatabase(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
configureStripe({
  secretKey: env.STRIPE_SECRET_KEY,
  sandboxUrl: env.STRIPE_SANDBOX_URL,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET,
});
const cardPaymentsOff = decideCardPayments({
  nodeEnv: env.NODE_ENV,
  secretKey: env.STRIPE_SECRET_KEY,
  setting: env.SETTLE_CARD_PAYMENTS,
});
configureCardPayments(cardPaymentsOff);
if (cardPaymentsOff) logInfo("card-payments.off", { reason: cardPaymentsOff });
const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.MAIL_FROM) : undefined;
if (mailer) {
  // The host only: the URL may carry credentials.
  logInfo("email.delivery", { mode: "smtp", host: new URL(env.SMTP_URL!).host });
} else {
  const log = env.NODE_ENV === "production" ? logError : logInfo;
  log("email.delivery", {
    mode: "none",
    note: "SMTP_URL is not set: e-mails stay PENDING in the outbox; see the back office dev mailbox.",
  });
}

let worker: Awaited<ReturnType<typeof startWorker>>;
try {
  worker = await startWorker({
    databaseUrl: env.DATABASE_URL,
    mailer,
    jobs: env.WORKER_JOBS,
    portalUrl: env.PORTAL_URL,
  });
} catch (error) {
  logError("worker.start-failed", { error: errorMessage(error) });
  mailer?.close();
  await disconnectDb();
  process.exit(1);
}
logInfo("worker.started", { pid: process.pid, jobs: env.WORKER_JOBS.join(",") });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    // A second signal: the operator does not want to wait.
    process.exit(1);
  }
  stopping = true;
  logInfo("worker.stopping", { signal });
  // Should something keep the event loop alive after a clean stop, do not hang the deploy.
  setTimeout(() => process.exit(1), 60_000).unref();
  try {
    await worker.stop();
    mailer?.close();
    await disconnectDb();
    logInfo("worker.stopped");
  } catch (error) {
    logError("worker.stop-failed", { error: errorMessage(error) });
    process.exitCode = 1;
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
