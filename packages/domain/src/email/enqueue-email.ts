import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Tx } from "../db/client.ts";

/** Kinds of document an e-mail can carry; each has a renderer (packages/documents/src/email-attachments.ts). */
export const EMAIL_ATTACHMENT_KINDS = ["card-receipt"] as const;

export const EmailAttachmentRefSchema = z.object({
  kind: z.enum(EMAIL_ATTACHMENT_KINDS),
  /** What to render: for "card-receipt", the PAYMENT item's id. */
  id: z.uuid(),
  /** The document's language (the e-mail's), e.g. "pt-BR". */
  locale: z.string().max(10).default("en"),
  filename: z.string().regex(/^[\w.-]{1,100}\.pdf$/, "A plain file name ending in .pdf."),
});
export type EmailAttachmentRef = z.infer<typeof EmailAttachmentRefSchema>;

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
  /**
   * Documents the worker renders and attaches when it sends (see EmailAttachmentRef): the outbox
   * keeps references, never the files.
   */
  attachments: z.array(EmailAttachmentRefSchema).max(5).default([]),
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
function outboxRow(rawInput: EnqueueEmailInput) {
  const input = EnqueueEmailSchema.parse(rawInput);
  return {
    toAddress: input.to,
    subject: input.subject,
    textBody: input.text,
    htmlBody: input.html ?? null,
    attachments: input.attachments,
    category: input.category,
  };
}

export async function enqueueEmail(tx: Tx, rawInput: EnqueueEmailInput): Promise<{ id: string }> {
  const row = await tx.outboxEmail.create({ data: outboxRow(rawInput), select: { id: true } });
  return { id: row.id };
}

/** Queues several e-mails in one statement (batch commands); the same rules as enqueueEmail. */
export async function enqueueEmails(tx: Tx, rawInputs: readonly EnqueueEmailInput[]): Promise<void> {
  if (rawInputs.length === 0) return;
  const rows = rawInputs.map(outboxRow);
  await tx.$executeRaw`
    INSERT INTO outbox_email (id, to_address, subject, text_body, html_body, attachments, category)
    SELECT * FROM unnest(${rows.map(() => randomUUID())}::uuid[], ${rows.map((r) => r.toAddress)}::text[],
                         ${rows.map((r) => r.subject)}::text[], ${rows.map((r) => r.textBody)}::text[],
                         ${rows.map((r) => r.htmlBody)}::text[],
                         ${rows.map((r) => JSON.stringify(r.attachments))}::jsonb[],
                         ${rows.map((r) => r.category)}::text[])`;
}
