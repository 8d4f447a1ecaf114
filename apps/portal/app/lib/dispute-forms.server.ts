import { DomainError, isDomainError } from "@settle/domain/errors";
import { formatMoney } from "@settle/domain/money/money";
import type { FormAnswer } from "@settle/web/forms.server";
import { declaredTooLarge } from "@settle/web/uploads.server";
import { data } from "react-router";
import { disputeFieldWords, disputeRefusalWords } from "~/components/disputes/dispute-form-words";
import { wordsFor } from "~/lib/form-words.server";

/** A dispute form's words in the visitor's language: field errors and refusals. */
export async function disputeFormWords(request: Request) {
  const { locale, t } = await wordsFor(request);
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale);
  return { t, locale, words: disputeRefusalWords(t, money), formatError: disputeFieldWords(t) };
}

/** A form refused before it is read (its declared size is too large): the reply on its files field. */
export function refusedUnread(message: string, field: string, intent?: string) {
  return data<FormAnswer<never>>(
    {
      reply: { status: "error", initialValue: intent ? { intent } : null, error: { [field]: [message] } },
      done: null,
    },
    { status: 413 },
  );
}

/** Ten files of 10 MB and the form around them: anything larger is refused before it is read. */
export const MAX_DISPUTE_FORM_BYTES = 10 * 10 * 1024 * 1024 + 1024 * 1024;

export const tooLargeRequest = (request: Request) => declaredTooLarge(request, MAX_DISPUTE_FORM_BYTES);

/**
 * Runs a dispute command with its refusals' fields named as the form names them (the command's
 * `attachments` are a form's `files`, its `lines.3` the third line's amount input), so that each
 * refusal lands on the form's own field.
 */
export async function onFormFields<T>(rename: (field: string) => string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const field = isDomainError(error) ? error.details?.field : undefined;
    if (isDomainError(error) && typeof field === "string" && rename(field) !== field)
      throw new DomainError(error.code, error.message, { ...error.details, field: rename(field) });
    throw error;
  }
}

/** The dispute id a refusal names (the dispute that already holds what was disputed). */
export function heldBy(error: unknown): { id: string; label: string } | null {
  if (!isDomainError(error)) return null;
  const { disputeId, disputeNumber } = error.details ?? {};
  return typeof disputeId === "string" && typeof disputeNumber === "number"
    ? { id: disputeId, label: `D-${disputeNumber}` }
    : null;
}
