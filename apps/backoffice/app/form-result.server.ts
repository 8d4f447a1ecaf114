import { isDomainError, statusForCode } from "@settle/domain/errors";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";

/** What a form's action answers: which form (intent), a message, and on failure the field and what was typed. */
export type FormResult =
  | { ok: true; intent: string; message: string }
  | { ok: false; intent: string; message: string; field: string | null; values: Record<string, string> };

/**
 * Runs one form's use case. A refusal (validation, conflict, wrong state, missing role) comes back
 * with its HTTP status, the domain's message, the field it names and the submitted text, so the
 * page shows it beside the form and nothing typed is lost; NOT_FOUND stays the 404 page.
 */
export async function attempt(intent: string, values: Record<string, string>, run: () => Promise<string>) {
  try {
    return { ok: true as const, intent, message: await run() } satisfies FormResult;
  } catch (error) {
    if (!isDomainError(error) || error.code === "NOT_FOUND") throwAsResponse(error);
    const field = typeof error.details?.field === "string" ? error.details.field : null;
    return data<FormResult>(
      { ok: false, intent, message: error.message, field, values },
      { status: statusForCode(error.code) },
    );
  }
}

/** The string fields of a form, for re-filling it after a refusal (files and the CSRF token left out). */
export function textValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && name !== "csrf") values[name] = value;
  }
  return values;
}
