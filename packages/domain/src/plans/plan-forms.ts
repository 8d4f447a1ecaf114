import { z } from "zod";
import type { StaffRole } from "../actor.ts";
import { MAX_INSTALMENTS, PLAN_FREQUENCIES } from "./plan-schedule.ts";

/** Who offers customers payment plans: their collector, and AR managers (admins always). */
export const PLAN_PROPOSE_ROLES: readonly StaffRole[] = ["COLLECTOR", "AR_MANAGER"];

/** How many invoices one plan may cover. */
export const MAX_PLAN_INVOICES = 50;

export const planLabel = (number: number) => `PP-${number}`;

/**
 * A plan offered from the back office: the invoices, an optional down payment (typed in the
 * staff member's language), the instalments, the first payment date and the offer's expiry. Ids
 * stay plain strings: a malformed one is NOT_FOUND like an unknown one.
 */
export const ProposePaymentPlanSchema = z.object({
  customerId: z.string().trim().max(100),
  invoiceIds: z
    .array(z.string().trim().max(100))
    .min(1, { error: "Choose the invoices the plan covers." })
    .max(MAX_PLAN_INVOICES, { error: `A plan covers at most ${MAX_PLAN_INVOICES} invoices.` }),
  downPayment: z.string().trim().max(40).optional(),
  instalments: z.coerce
    .number({ error: "Enter the number of instalments." })
    .int()
    .min(1, { error: "At least one instalment." })
    .max(MAX_INSTALMENTS, { error: `At most ${MAX_INSTALMENTS} instalments.` }),
  frequency: z.enum(PLAN_FREQUENCIES, { error: "Choose how often the customer pays." }),
  firstDate: z.string().trim().max(20),
  expiresOn: z.string().trim().max(20),
  idempotencyKey: z.string().min(8).max(200),
});
export type ProposePaymentPlanInput = z.input<typeof ProposePaymentPlanSchema>;
