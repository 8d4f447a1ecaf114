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

/** A user's role on one account. */
export const ChangePortalRoleSchema = z.object({
  customerId: z.string().max(100),
  portalUserId: z.string().max(100),
  role: PortalRoleSchema,
});
export type ChangePortalRoleInput = z.input<typeof ChangePortalRoleSchema>;

/** Taking a user's access to one account away. */
export const RemovePortalUserSchema = z.object({
  customerId: z.string().max(100),
  portalUserId: z.string().max(100),
});
export type RemovePortalUserInput = z.input<typeof RemovePortalUserSchema>;

/** Withdrawing an invitation not yet accepted. */
export const RevokeInvitationSchema = z.object({
  customerId: z.string().max(100),
  invitationId: z.string().max(100),
});
export type RevokeInvitationInput = z.input<typeof RevokeInvitationSchema>;

/** The back office customer page's portal access forms, one per intent (the account comes from the address). */
export const StaffPortalAccessFormSchema = z.discriminatedUnion("intent", [
  InvitePortalUserSchema.omit({ customerId: true }).extend({ intent: z.literal("portal-invite") }),
  RevokeInvitationSchema.omit({ customerId: true }).extend({ intent: z.literal("portal-revoke") }),
  RemovePortalUserSchema.omit({ customerId: true }).extend({ intent: z.literal("portal-remove") }),
]);
export type StaffPortalAccessForm = z.output<typeof StaffPortalAccessFormSchema>;

/**
 * The portal's users page forms, one per intent: "resend" sends an expired invitation again with
 * the invitation form's fields.
 */
export const PortalUsersFormSchema = z.discriminatedUnion("intent", [
  InviteColleagueFormSchema.extend({ intent: z.literal(["invite", "resend"]) }),
  ChangePortalRoleSchema.omit({ customerId: true }).extend({ intent: z.literal("change-role") }),
  RemovePortalUserSchema.omit({ customerId: true }).extend({ intent: z.literal("remove") }),
  RevokeInvitationSchema.omit({ customerId: true }).extend({ intent: z.literal("revoke") }),
]);
export type PortalUsersForm = z.output<typeof PortalUsersFormSchema>;

/** The e-mailed invitation's page: accept it, or (when it no longer works) ask for a new one. */
export const InvitationFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("request-new") }),
]);
