import { DomainError, type DomainErrorCode, statusForCode } from "@settle/domain/errors";
import { data } from "react-router";
import { ZodError } from "zod";
import type { Refusal } from "./forms.server.ts";

export interface ActionError {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/** Why a use case refused: its code, its reason (`details.reason`) and the values its words need. */
export function refusalOf(error: { code: DomainErrorCode; details?: Record<string, unknown> }): Refusal {
  const { reason, field: _field, retryAfterSeconds: _retry, ...rest } = error.details ?? {};
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.join(", ");
  }
  return { code: error.code, reason: typeof reason === "string" ? reason : null, values };
}

/**
 * The one place a loader's failure becomes an HTTP response: domain NOT_FOUND is a 404 (also for
 * resources outside the actor's scope), validation a 400, anything unexpected is rethrown and
 * rendered as a generic 500 by the error boundary without details. A refusal's reason
 * (`details.reason`, e.g. "payers-only") and the values its words need go along, for the page's
 * error boundary to explain in its own words; a 404 never carries them.
 */
export function throwAsResponse(error: unknown): never {
  if (error instanceof DomainError) {
    const { reason, values } = refusalOf(error);
    const explained = reason !== null && error.code !== "NOT_FOUND" ? { reason, values } : {};
    throw data(
      { message: error.message, code: error.code, ...explained },
      { status: statusForCode(error.code) },
    );
  }
  if (error instanceof ZodError) {
    throw data({ message: "The request is not valid.", code: "VALIDATION" }, { status: 400 });
  }
  throw error;
}

/** Runs a loader body, mapping domain errors to responses. */
export async function load<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throwAsResponse(error);
  }
}

/**
 * For actions: expected failures come back as form errors (status 4xx) for the page to show next
 * to the form; NOT_FOUND still becomes a 404 page.
 */
export async function act<T>(fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError && error.code !== "NOT_FOUND") {
      const headers: HeadersInit = {};
      const retry = error.details?.retryAfterSeconds;
      if (typeof retry === "number") headers["Retry-After"] = String(retry);
      return data<ActionError>(
        { ok: false, message: error.message },
        { status: statusForCode(error.code), headers },
      );
    }
    if (error instanceof ZodError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.issues) {
        const key = issue.path.join(".") || "form";
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return data<ActionError>(
        { ok: false, message: "Please correct the highlighted fields.", fieldErrors },
        { status: 400 },
      );
    }
    throwAsResponse(error);
  }
}
