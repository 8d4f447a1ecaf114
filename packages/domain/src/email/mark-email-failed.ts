import { z } from "zod";
import { getDb, type Tx } from "../db/client.ts";

/** After this many failed attempts a message is FAILED and no longer retried (about an hour). */
export const MAX_EMAIL_ATTEMPTS = 8;
export const EMAIL_RETRY_BASE_SECONDS = 30;
export const EMAIL_RETRY_MAX_SECONDS = 3600;
const MAX_ERROR_LENGTH = 1000;

export const MarkEmailFailedSchema = z.object({
  id: z.uuid(),
  error: z.string(),
});
export type MarkEmailFailedInput = z.input<typeof MarkEmailFailedSchema>;

export interface EmailFailureResult {
  status: "PENDING" | "FAILED";
  attempts: number;
  nextAttemptAt: Date;
}

/**
 * Records a failed send of a claimed (SENDING) e-mail: it goes back to PENDING with exponential
 * backoff (30 s, 1 min, 2 min, ... capped at an hour) until MAX_EMAIL_ATTEMPTS, then FAILED.
 * Returns null when the row is no longer SENDING (the sweep already handed it back and counted
 * the attempt).
 */
export async function markEmailFailed(
  input: MarkEmailFailedInput,
  tx?: Tx,
): Promise<EmailFailureResult | null> {
  const { id, error } = MarkEmailFailedSchema.parse(input);
  const lastError = error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
  // Computed in SQL from the row's own attempts and the database clock, which claims compare against.
  const rows = await (tx ?? getDb()).$queryRaw<
    { status: "PENDING" | "FAILED"; attempts: number; next_attempt_at: Date }[]
  >`UPDATE outbox_email
       SET attempts = attempts + 1,
           last_error = ${lastError},
           status = CASE WHEN attempts + 1 >= ${MAX_EMAIL_ATTEMPTS}::int
                         THEN 'FAILED'::outbox_status ELSE 'PENDING'::outbox_status END,
           next_attempt_at = now() + least(${EMAIL_RETRY_BASE_SECONDS}::int * power(2, attempts),
                                           ${EMAIL_RETRY_MAX_SECONDS}::int) * interval '1 second'
     WHERE id = ${id}::uuid AND status = 'SENDING'
     RETURNING status, attempts, next_attempt_at`;
  const row = rows[0];
  return row ? { status: row.status, attempts: row.attempts, nextAttemptAt: row.next_attempt_at } : null;
}
