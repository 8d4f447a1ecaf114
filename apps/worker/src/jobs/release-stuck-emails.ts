import { releaseStuckEmails } from "@settle/domain/email/release-stuck-emails";
import type PgBoss from "pg-boss";
import { logInfo } from "../log.ts";

export const RELEASE_STUCK_EMAILS = "email.release-stuck";

/**
 * Every minute, one worker (pg-boss runs each cron slot once across all processes) hands back
 * e-mails whose sender died mid-send.
 */
export async function registerStuckEmailSweep(boss: PgBoss): Promise<void> {
  // stately: at most one sweep queued and one running, however long one takes.
  await boss.createQueue(RELEASE_STUCK_EMAILS, {
    name: RELEASE_STUCK_EMAILS,
    policy: "stately",
    retryLimit: 0,
  });
  await boss.schedule(RELEASE_STUCK_EMAILS, "* * * * *");
  await boss.work(RELEASE_STUCK_EMAILS, async () => {
    const released = await releaseStuckEmails();
    if (released > 0) logInfo("email.released-stuck", { count: released });
  });
}
