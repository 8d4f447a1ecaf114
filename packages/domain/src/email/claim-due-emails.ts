import { z } from "zod";
import { getDb, type Tx } from "../db/client.ts";
import { type EmailAttachmentRef, EmailAttachmentRefSchema } from "./enqueue-email.ts";

/**
 * How long a claim holds. A SENDING row's `nextAttemptAt` is when its claim lapses: after that,
 * release-stuck-emails assumes the worker died mid-send and hands the row back.
 */
export const EMAIL_CLAIM_LEASE_SECONDS = 600;

export const ClaimDueEmailsSchema = z.object({
  limit: z.int().min(1).max(100).default(10),
});
export type ClaimDueEmailsInput = z.input<typeof ClaimDueEmailsSchema>;

export interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Documents to render and attach (references checked again here: the column is plain JSON). */
  attachments: EmailAttachmentRef[];
  category: string;
  /** Failed attempts so far. */
  attempts: number;
}

/**
 * Claims up to `limit` due PENDING e-mails for one worker and marks them SENDING. Rows another
 * worker is claiming at the same moment are skipped (SKIP LOCKED), and claimed rows are no longer
 * PENDING once this commits, so no two workers ever get the same row. Called by the worker only
 * (the outbox's own machinery, not a user command), outside any long transaction: the claim must
 * commit before sending.
 */
export async function claimDueEmails(input: ClaimDueEmailsInput = {}, tx?: Tx): Promise<ClaimedEmail[]> {
  const { limit } = ClaimDueEmailsSchema.parse(input);
  const rows = await (tx ?? getDb()).$queryRaw<
    {
      id: string;
      to_address: string;
      subject: string;
      text_body: string;
      html_body: string | null;
      attachments: unknown;
      category: string;
      attempts: number;
    }[]
  >`UPDATE outbox_email AS o
       SET status = 'SENDING', next_attempt_at = now() + ${EMAIL_CLAIM_LEASE_SECONDS}::int * interval '1 second'
      FROM (SELECT id FROM outbox_email
             WHERE status = 'PENDING' AND next_attempt_at <= now()
             ORDER BY next_attempt_at, created_at
             LIMIT ${limit}::int
             FOR UPDATE SKIP LOCKED) AS due
     WHERE o.id = due.id
     RETURNING o.id, o.to_address, o.subject, o.text_body, o.html_body, o.attachments, o.category, o.attempts`;
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    attachments: z.array(EmailAttachmentRefSchema).catch([]).parse(r.attachments),
    category: r.category,
    attempts: r.attempts,
  }));
}
