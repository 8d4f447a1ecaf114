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

/** How a customer answers an offered plan in the portal: accept it, decline it, or ask for other terms. */
export const RespondToPaymentPlanSchema = z.discriminatedUnion("answer", [
  z.object({
    answer: z.literal("accept"),
    customerId: z.string().trim().max(100),
    planId: z.string().trim().max(100),
    /** The accepting person's name, typed as a signature. */
    name: z.string().trim().min(2, { error: "Type your full name to sign." }).max(200),
    /** The confirmation box: "I agree to pay by this schedule". */
    confirm: z.literal("yes", { error: "Confirm that you agree to the schedule." }),
    /** The version of the terms the page showed. */
    termsHash: z.string().trim().max(100),
    payBy: z.enum(["AUTOPAY", "PORTAL"], { error: "Choose how you will pay the instalments." }),
  }),
  z.object({
    answer: z.literal("decline"),
    customerId: z.string().trim().max(100),
    planId: z.string().trim().max(100),
    message: z.string().trim().max(2000).optional(),
  }),
  z.object({
    answer: z.literal("request-changes"),
    customerId: z.string().trim().max(100),
    planId: z.string().trim().max(100),
    message: z.string().trim().min(1, { error: "Say what you would like changed." }).max(2000),
  }),
]);
export type RespondToPaymentPlanInput = z.input<typeof RespondToPaymentPlanSchema>;
