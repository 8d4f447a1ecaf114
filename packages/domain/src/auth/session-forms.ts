import { z } from "zod";

/**
 * The signed-in devices page's forms (both apps): sign one device out, or every other one. A
 * session id that is not one of the user's own is NOT_FOUND from the use case, not a form error.
 */
export const RevokeSessionFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().trim().max(200) }),
  z.object({ intent: z.literal("revoke-others") }),
]);
export type RevokeSessionForm = z.output<typeof RevokeSessionFormSchema>;

/** What the use case takes for the form's intent. */
export const sessionsToRevoke = (form: RevokeSessionForm) =>
  form.intent === "revoke-others" ? { sessionId: "all-others" } : { sessionId: form.sessionId };
