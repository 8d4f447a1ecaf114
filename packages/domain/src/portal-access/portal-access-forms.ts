import { z } from "zod";
import { PORTAL_LOCALES } from "../base/portal-locales.ts";
import { PortalEmailSchema } from "../portal/sign-in-forms.ts";

/**
 * What the portal-access forms accept. Kept free of server-only imports: the portal validates the
 * invitation form with the same schema in the browser.
 */

export const PORTAL_ROLES = ["VIEWER", "PAYER", "ADMIN"] as const;
export const PortalRoleSchema = z.enum(PORTAL_ROLES, { error: "Choose a role." });

export const InvitePortalUserSchema = z.object({
  // Any string: a malformed id is NOT_FOUND like a foreign one.
  customerId: z.string().max(100),
  email: PortalEmailSchema,
  name: z
    .string({ error: "Enter the person's name." })
    .trim()
    .min(1, "Enter the person's name.")
    .max(120, "That name is too long.")
    // One line of text: the name goes into e-mail subjects, where a line break is refused.
    .regex(/^[^\p{Cc}]*$/u, "Enter the name on one line."),
  role: PortalRoleSchema,
  /** The e-mail's language; by default the invitee's own (when they have a portal account), else the inviter's. */
  locale: z.enum(PORTAL_LOCALES).optional(),
});
export type InvitePortalUserInput = z.input<typeof InvitePortalUserSchema>;

/** The invitation form on an account's users page: the account comes from the address. */
export const InviteColleagueFormSchema = InvitePortalUserSchema.omit({ customerId: true, locale: true });
