import { expirePaymentPlans } from "@settle/domain/plans/expire-payment-plans";
import type PgBoss from "pg-boss";
import { logInfo } from "../log.ts";

export const PAYMENT_PLAN_EXPIRY = "payment-plans.expire";

/**
 * Every hour, one worker per slot: payment plan offers past their expiry day expire and free
 * their invoices. The update takes only offers still waiting, so a slot that runs twice, or on
 * two workers, expires each offer once.
 */
export async function registerPaymentPlanJobs(boss: PgBoss): Promise<void> {
  await boss.createQueue(PAYMENT_PLAN_EXPIRY, {
    name: PAYMENT_PLAN_EXPIRY,
    policy: "stately",
    retryLimit: 0,
  });
  await boss.schedule(PAYMENT_PLAN_EXPIRY, "13 * * * *");
  await boss.work(PAYMENT_PLAN_EXPIRY, async () => {
    const result = await expirePaymentPlans();
    if (result.expired > 0) logInfo("payment-plans.expired", { ...result });
  });
}
