import { z } from "zod";
import { VerifyStepUpCodeSchema } from "../portal/step-up-forms.ts";

/**
 * What the payment methods page's forms accept (saved cards and autopay). Kept free of server-only
 * imports: the portal validates them in the browser with the same schemas.
 */

export const MAX_AUTOPAY_DAYS_BEFORE = 15;

export const EnableAutopaySchema = z.object({
  customerId: z.string().trim().min(1).max(64),
  cardId: z.string({ error: "Choose a card." }).trim().min(1).max(64),
  currency: z
    .string({ error: "Choose a currency." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Choose a currency."),
  timing: z.enum(["ON_DUE_DATE", "DAYS_BEFORE"]),
  daysBefore: z.coerce
    .number()
    .int("Enter whole days.")
    .min(0, "Enter 0 to 15 days.")
    .max(MAX_AUTOPAY_DAYS_BEFORE, "Enter 0 to 15 days.")
    .default(0),
});
export type EnableAutopayInput = z.input<typeof EnableAutopaySchema>;

export const RemoveSavedCardSchema = z.object({
  customerId: z.string().trim().min(1).max(64),
  cardId: z.string().trim().min(1).max(64),
});
export type RemoveSavedCardInput = z.input<typeof RemoveSavedCardSchema>;

export const StartCardSetupSchema = z.object({
  customerId: z.string().trim().min(1).max(64),
  /** The form's key: pressing "Add a card" twice opens one Checkout Session. */
  idempotencyKey: z.string().trim().min(8).max(100),
});
export type StartCardSetupInput = z.input<typeof StartCardSetupSchema>;

/** The page's forms, one per intent (the account comes from the address). */
export const PaymentMethodsFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send-code") }),
  VerifyStepUpCodeSchema.extend({ intent: z.literal("verify-code") }),
  StartCardSetupSchema.omit({ customerId: true }).extend({ intent: z.literal("add-card") }),
  RemoveSavedCardSchema.omit({ customerId: true }).extend({ intent: z.literal("remove-card") }),
  EnableAutopaySchema.omit({ customerId: true }).extend({ intent: z.literal("enable-autopay") }),
  z.object({ intent: z.literal("disable-autopay") }),
]);
export type PaymentMethodsForm = z.output<typeof PaymentMethodsFormSchema>;
