import { z } from "zod";

/**
 * What the portal's sign-in forms accept. Kept free of server-only imports: the portal validates
 * with the same schemas in the browser.
 */

/** How long a code (and its magic link) can be used. */
export const SIGN_IN_CODE_TTL_SECONDS = 10 * 60;

/** Wrong codes allowed per issued code; then the visitor must ask for a new one. */
export const SIGN_IN_CODE_MAX_ATTEMPTS = 3;

/** Codes are digits only: easy to read from a phone and type on any keyboard. */
export const SIGN_IN_CODE_DIGITS = 6;

export const PortalEmailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email("Enter a valid e-mail address, like name@company.com.")
      .max(254, "That e-mail address is too long."),
  );

export const RequestSignInCodeSchema = z.object({ email: PortalEmailSchema });
export type RequestSignInCodeInput = z.input<typeof RequestSignInCodeSchema>;

export const EnterSignInCodeSchema = z.object({
  code: z
    .string({ error: `Enter the ${SIGN_IN_CODE_DIGITS}-digit code from the e-mail.` })
    // People paste codes with spaces ("482 913"); only the digits count.
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(
      z
        .string()
        .regex(
          new RegExp(`^\\d{${SIGN_IN_CODE_DIGITS}}$`),
          `Enter the ${SIGN_IN_CODE_DIGITS}-digit code from the e-mail.`,
        ),
    ),
});
export type EnterSignInCodeInput = z.input<typeof EnterSignInCodeSchema>;
