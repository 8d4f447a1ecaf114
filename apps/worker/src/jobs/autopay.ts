import { runAutopay } from "@settle/domain/payments/run-autopay";
import type PgBoss from "pg-boss";
import { logInfo } from "../log.ts";

export const AUTOPAY = "payments.autopay";

/**
 * Hourly, one worker per slot (pg-boss runs each cron slot once across all processes). runAutopay
 * starts at most one run per account and day and is safe to run twice or on two workers at once;
 * running hourly rather than daily picks up retries that fall due, accounts turned on during the
 * day, and charges a crash left unanswered.
 */
export async function registerAutopay(boss: PgBoss): Promise<void> {
  await boss.createQueue(AUTOPAY, { name: AUTOPAY, policy: "stately", retryLimit: 0 });
  await boss.schedule(AUTOPAY, "17 * * * *");
  await boss.work(AUTOPAY, async () => {
    const result = await runAutopay();
    if (result.charged > 0) logInfo("payments.autopay", { ...result });
  });
}
