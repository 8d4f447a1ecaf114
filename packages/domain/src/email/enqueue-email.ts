import { z } from "zod";
import type { Tx } from "../db/client.ts";

export const EnqueueEmailSchema = z.object({
  to: z.string().trim().pipe(z.email("Enter a valid e-mail address.").max(254)),
  // A line break in a header is how header injection starts; nodemailer encodes, we refuse anyway.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(250)
    .regex(/^[^\r\n]*$/, "The subject must be a single line."),
  text: z.string().min(1).max(500_000),
  html: z.string().min(1).max(2_000_000).optional(),
  /** What kind of message this is (e.g. "portal.sign-in-code"), for the dev mailbox and logs. */
  category: z
    .string()
    .max(64)
    .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "Use lower-case words joined by dots or dashes."),
});
export type EnqueueEmailInput = z.input<typeof EnqueueEmailSchema>;

/**
 * Queues an e-mail in the caller's transaction, so it is sent if and only if the change that
 * caused it commits. The worker delivers it; without SMTP it stays visible in the dev mailbox.
 */
export async function enqueueEmail(tx: Tx, rawInput: EnqueueEmailInput): Promise<{ id: string }> {
  const input = EnqueueEmailSchema.parse(rawInput);
  const row = await tx.outboxEmail.create({
    data: {
      toAddress: input.to,
      subject: input.subject,
      textBody: input.text,
      htmlBody: input.html ?? null,
      category: input.category,
    },
    select: { id: true },
  });
  return { id: row.id };
}
