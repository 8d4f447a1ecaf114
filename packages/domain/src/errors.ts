export type DomainErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "INVALID_STATE"
  | "VALIDATION"
  | "RATE_LIMITED";

/**
 * The one error type use cases throw for expected failures. Apps map `code` to a status in one
 * place; anything else is a bug and becomes a generic 500 without details.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = "Not found") => new DomainError("NOT_FOUND", what);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** HTTP status for a domain error code (shared by both apps' error mapping). */
export function statusForCode(code: DomainErrorCode): number {
  switch (code) {
    case "NOT_FOUND":
      return 404;
    case "FORBIDDEN":
      return 403;
    case "CONFLICT":
      return 409;
    case "INVALID_STATE":
      return 409;
    case "VALIDATION":
      return 400;
    case "RATE_LIMITED":
      return 429;
  }
}

/**
 * A unique constraint refused a write (Prisma's P2002): usually two requests racing past the same
 * "does it exist yet?" check. Use cases turn it into a CONFLICT or a replay, never a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
