import { z } from "zod";

/** Staff who look after card payments' failed events (ADMIN always may). */
export const STRIPE_EVENT_ROLES = ["CASH_APPLIER", "AR_MANAGER"] as const;

const eventId = z
  .string({ error: "Choose an event." })
  .trim()
  .regex(/^evt_[A-Za-z0-9_]{1,200}$/, "Choose an event.");

/** Try an event the worker gave up on again. */
export const RetryStripeEventSchema = z.object({ eventId });
export type RetryStripeEventInput = z.input<typeof RetryStripeEventSchema>;

/** Set an event the worker gave up on aside, saying why it needs no processing. */
export const DismissStripeEventSchema = z.object({
  eventId,
  note: z
    .string({ error: "Say why it needs no processing." })
    .trim()
    .min(3, "Say why it needs no processing.")
    .max(500, "Keep the note under 500 characters."),
});
export type DismissStripeEventInput = z.input<typeof DismissStripeEventSchema>;

/** The failed events page's forms, told apart by `intent`. */
export const StripeEventActionSchema = z.discriminatedUnion("intent", [
  RetryStripeEventSchema.extend({ intent: z.literal("retry") }),
  DismissStripeEventSchema.extend({ intent: z.literal("dismiss") }),
]);
