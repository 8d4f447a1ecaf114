import { z } from "zod";
import { PORTAL_LOCALES } from "../base/portal-locales.ts";

// The back office account page's schemas, kept free of server-only imports: the page's form
// validates with them in the browser too.

/** A language of the catalogue, or nothing: the back office then follows the browser's. */
export const SetStaffLocaleSchema = z.object({
  locale: z.enum(PORTAL_LOCALES, { error: "Choose one of the languages." }).optional(),
});
export type SetStaffLocaleInput = z.input<typeof SetStaffLocaleSchema>;

/** The account page's forms, by intent (one for now: the language). */
export const StaffAccountFormSchema = z.discriminatedUnion("intent", [
  SetStaffLocaleSchema.extend({ intent: z.literal("language") }),
]);
