import { z } from "zod";

/** The e-mailed step-up code (free of server-only imports: the page validates with it too). */
export const VerifyStepUpCodeSchema = z.object({
  code: z
    .string({ error: "Enter the six-digit code from the e-mail." })
    .trim()
    .regex(/^[0-9]{6}$/, "Enter the six-digit code from the e-mail."),
});
export type VerifyStepUpCodeInput = z.input<typeof VerifyStepUpCodeSchema>;
