import { DomainError, type DomainErrorCode, statusForCode } from "@settle/domain/errors";
import { data } from "react-router";
import { ZodError } from "zod";
import type { Refusal } from "./forms.server.ts";

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
