import { z } from "zod";
import type { PaymentPlanStatus } from "../db/generated/enums.ts";

/**
 * Staff cancel a plan, saying why (the reason is kept on the plan and in the audit trail). Ids
 * stay plain strings: a malformed one is NOT_FOUND like an unknown one.
 */
export const CancelPaymentPlanSchema = z.object({
  customerId: z.string().trim().max(100),
  planId: z.string().trim().max(100),
  reason: z
    .string({ error: "Say why the plan is cancelled." })
    .trim()
    .min(1, { error: "Say why the plan is cancelled." })
    .max(1000, { error: "Keep the reason under 1,000 characters." }),
});
export type CancelPaymentPlanInput = z.input<typeof CancelPaymentPlanSchema>;

/** Plans staff may cancel: a request or an offer not answered yet, and a plan that runs. */
export const CANCELLABLE_PLAN_STATUSES: readonly PaymentPlanStatus[] = [
  "PROPOSED",
  "REQUESTED",
  "ACCEPTED",
  "ACTIVE",
];
