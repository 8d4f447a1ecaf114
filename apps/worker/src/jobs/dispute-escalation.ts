import { escalateOverdueDisputes } from "@settle/domain/disputes/escalate-overdue-disputes";
import type PgBoss from "pg-boss";
import { logInfo } from "../log.ts";

export const DISPUTE_ESCALATION = "disputes.escalate";

/**
 * Every hour, one worker per slot: disputes past their deadline are marked and their owner and
 * the AR managers e-mailed. Marking is a conditional update, so a slot that runs twice, or on two
 * workers, escalates each dispute once.
 */
export async function registerDisputeEscalation(boss: PgBoss): Promise<void> {
  await boss.createQueue(DISPUTE_ESCALATION, { name: DISPUTE_ESCALATION, policy: "stately", retryLimit: 0 });
  await boss.schedule(DISPUTE_ESCALATION, "7 * * * *");
  await boss.work(DISPUTE_ESCALATION, async () => {
    const result = await escalateOverdueDisputes();
    if (result.escalated > 0) logInfo("disputes.escalated", { ...result });
  });
}
