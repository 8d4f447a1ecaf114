import { runPaymentPlans } from "@settle/domain/plans/run-payment-plans";
import type PgBoss from "pg-boss";
import { logInfo } from "../log.ts";

export const PAYMENT_PLANS = "payment-plans.run";

/**
 * Hourly, one worker per slot: the payment plan job (runPaymentPlans) expires offers, brings
 * running plans up to date with the ledger, takes missed instalments one step on (reminder,
 * broken-plan task, default) and charges autopay plans' due instalments. Every step is taken once
 * per instalment and day, so running hourly only picks up what fell due since.
 */
export async function registerPaymentPlanJobs(boss: PgBoss, options: { portalUrl: string }): Promise<void> {
  await boss.createQueue(PAYMENT_PLANS, { name: PAYMENT_PLANS, policy: "stately", retryLimit: 0 });
  await boss.schedule(PAYMENT_PLANS, "13 * * * *");
  await boss.work(PAYMENT_PLANS, async () => {
    const result = await runPaymentPlans({ portalUrl: options.portalUrl });
    if (Object.values(result).some((n) => n > 0)) logInfo("payment-plans.run", { ...result });
  });
}
