import { z } from "zod";
import type { StaffRole } from "../actor.ts";
import { DomainError } from "../errors.ts";
import { MAX_INSTALMENTS, PLAN_FREQUENCIES } from "./plan-schedule.ts";

/** Who offers customers payment plans: their collector, and AR managers (admins always). */
export const PLAN_PROPOSE_ROLES: readonly StaffRole[] = ["COLLECTOR", "AR_MANAGER"];

/** How many invoices one plan may cover. */
export const MAX_PLAN_INVOICES = 50;

export const planLabel = (number: number) => `PP-${number}`;

/** A plan form's input parsed with its schema, or VALIDATION naming the first field in error. */
export function parsePlanForm<S extends z.ZodType>(schema: S, raw: unknown, fallback: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DomainError("VALIDATION", issue?.message ?? fallback, {
    field: issue?.path[0] ?? null,
    reason: "invalid",
  });
}

/** The terms both an offer and a customer's request name: invoices, down payment, instalments, first date. */
const planTerms = {
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
  idempotencyKey: z.string().min(8).max(200),
};

/**
 * A plan offered from the back office: the invoices, an optional down payment (typed in the
 * staff member's language), the instalments, the first payment date and the offer's expiry. Ids
 * stay plain strings: a malformed one is NOT_FOUND like an unknown one.
 */
export const ProposePaymentPlanSchema = z.object({
  ...planTerms,
  expiresOn: z.string().trim().max(20),
  /** Add the legal entity's plan fee (its policy's share of what is financed). */
  chargeFee: z.boolean().default(false),
  /** The customer's request (REQUESTED) this offer answers. */
  requestId: z.string().trim().max(100).optional(),
  /**
   * What the preview the collector looked at added up to (covered + fee, a plain decimal): the
   * offer is refused when the invoices' open amounts changed since, rather than sent with a
   * schedule nobody saw.
   */
  previewTotal: z.string().trim().max(40).optional(),
  /** A running plan (accepted or active) this offer reschedules once the customer accepts it. */
  reschedules: z.string().trim().max(100).optional(),
});
export type ProposePaymentPlanInput = z.input<typeof ProposePaymentPlanSchema>;

/**
 * A plan a customer asks for in the portal: overdue invoices, a down payment (typed in their
 * language), instalments, frequency, the first payment date, and why they need it.
 */
export const RequestPaymentPlanSchema = z.object({
  ...planTerms,
  frequency: z.enum(PLAN_FREQUENCIES, { error: "Choose how often you pay." }),
  reason: z
    .string({ error: "Say why you need a plan." })
    .trim()
    .min(1, { error: "Say why you need a plan." })
    .max(2000),
});
export type RequestPaymentPlanInput = z.input<typeof RequestPaymentPlanSchema>;

/** Staff decline a customer's request for a plan, with a message for the customer. */
export const DeclinePlanRequestSchema = z.object({
  customerId: z.string().trim().max(100),
  planId: z.string().trim().max(100),
  message: z
    .string({ error: "Say why the request is declined." })
    .trim()
    .min(1, { error: "Say why the request is declined." })
    .max(2000),
});
export type DeclinePlanRequestInput = z.input<typeof DeclinePlanRequestSchema>;

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
