import { z } from "zod";

/** The back office sign-in form (free of server-only imports: the page validates with it too). */
export const StaffSignInSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address." })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter your e-mail address.")),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});
export type StaffSignInInput = z.input<typeof StaffSignInSchema>;
