import { renderEmailAttachment } from "@settle/documents/email-attachments";
import { type ClaimedEmail, claimDueEmails } from "@settle/domain/email/claim-due-emails";
import { markEmailFailed } from "@settle/domain/email/mark-email-failed";
import { markEmailSent } from "@settle/domain/email/mark-email-sent";
import { errorMessage, logError, logInfo } from "../log.ts";
import type { Mailer } from "../mailer.ts";

export type DeliveryOutcome = "sent" | "retry" | "failed";

/**
 * Sends one claimed outbox e-mail and records the outcome. Only the send itself is guarded: a
 * database error after a successful send must never be recorded as a failed send (that would
 * send it again).
 */
export async function deliverEmail(mailer: Mailer, email: ClaimedEmail): Promise<DeliveryOutcome> {
  const attempt = email.attempts + 1;
  try {
    // Documents are rendered now, from the ledger, so the outbox never holds files; a document
    // that cannot be rendered fails this attempt like an SMTP error (and is retried).
    const attachments = await Promise.all(email.attachments.map((ref) => renderEmailAttachment(ref)));
    await mailer.send({ ...email, attachments });
  } catch (error) {
    const result = await markEmailFailed({ id: email.id, error: errorMessage(error) });
    logError("email.failed", {
      id: email.id,
      category: email.category,
      attempt,
      status: result?.status ?? "released",
      retryAt: result?.status === "PENDING" ? result.nextAttemptAt.toISOString() : undefined,
      error: errorMessage(error),
    });
    return result?.status === "FAILED" ? "failed" : "retry";
  }
  await recordSent(email.id);
  logInfo("email.sent", { id: email.id, category: email.category, attempt });
  return "sent";
}

/** A short database hiccup after a send should not leave the row to be re-sent by the sweep. */
async function recordSent(id: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      await markEmailSent({ id });
      return;
    } catch (error) {
      if (tries >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, tries * 1000));
    }
  }
}

/**
 * One relay pass: claims up to `batchSize` due e-mails and delivers them concurrently. Returns how
 * many were claimed. A row whose bookkeeping failed stays SENDING until the stuck-email sweep
 * hands it back.
 */
export async function relayDueEmails(mailer: Mailer, batchSize = 10): Promise<number> {
  const claimed = await claimDueEmails({ limit: batchSize });
  const results = await Promise.allSettled(claimed.map((email) => deliverEmail(mailer, email)));
  for (const [i, result] of results.entries()) {
    if (result.status === "rejected") {
      logError("email.bookkeeping-failed", { id: claimed[i]?.id, error: errorMessage(result.reason) });
    }
  }
  return claimed.length;
}
