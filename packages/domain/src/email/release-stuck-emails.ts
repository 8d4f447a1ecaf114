import { getDb, type Tx } from "../db/client.ts";
import { MAX_EMAIL_ATTEMPTS } from "./mark-email-failed.ts";

/**
 * Hands back e-mails whose claim lapsed (see EMAIL_CLAIM_LEASE_SECONDS): the worker that claimed
 * them died mid-send. It counts as a failed attempt, so a message that crashes workers cannot loop
 * forever; the message may already have gone out, which a retry cannot know. Returns how many
 * rows were released.
 */
export async function releaseStuckEmails(tx?: Tx): Promise<number> {
  return (tx ?? getDb()).$executeRaw`UPDATE outbox_email
       SET attempts = attempts + 1,
           last_error = 'Delivery was interrupted (the worker stopped mid-send); it may have been sent.',
           status = CASE WHEN attempts + 1 >= ${MAX_EMAIL_ATTEMPTS}::int
                         THEN 'FAILED'::outbox_status ELSE 'PENDING'::outbox_status END,
           next_attempt_at = now()
     WHERE status = 'SENDING' AND next_attempt_at <= now()`;
}
