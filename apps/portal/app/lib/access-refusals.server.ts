import { isDomainError, statusForCode } from "@settle/domain/errors";
import { throwAsResponse } from "@settle/web/domain-errors.server";
import { data } from "react-router";

/**
 * The portal-access use cases say why they refuse in `details.reason` ("last-admin",
 * "already-member", "expired"…); the pages word each reason in the visitor's language (keys under
 * users:errors and users:invitation). These helpers carry the reason, and the values the words
 * need, to the page instead of the domain's English message.
 */
export interface Refusal {
  ok: false;
  reason: string;
  values: Record<string, string>;
}

function refusalOf(error: unknown): { refusal: Refusal; status: number; headers: HeadersInit } | null {
  if (!isDomainError(error)) return null;
  const { reason, retryAfterSeconds, ...rest } = error.details ?? {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) if (typeof value === "string") values[key] = value;
  const headers: Record<string, string> = {};
  if (typeof retryAfterSeconds === "number") headers["Retry-After"] = String(retryAfterSeconds);
  return {
    refusal: { ok: false, reason: typeof reason === "string" ? reason : "failed", values },
    status: statusForCode(error.code),
    headers,
  };
}

/**
 * Runs a loader's use case; a refusal other than NOT_FOUND comes back as `{ ok: false, reason }`
 * with its status, so the page can explain (NOT_FOUND stays the plain 404 page, which never says
 * more than "not found").
 */
export async function loadOrRefuse<T>(fn: () => Promise<T>) {
  try {
    return { ok: true as const, value: await fn() };
  } catch (error) {
    const refused = refusalOf(error);
    if (!refused || (isDomainError(error) && error.code === "NOT_FOUND")) throwAsResponse(error);
    return data(refused.refusal, { status: refused.status, headers: refused.headers });
  }
}

/**
 * Runs an action's use case and maps its result with `done`; expected refusals come back as
 * `{ ok: false, reason, values }` for the form instead. NOT_FOUND is the 404 page unless
 * `notFound: "reason"` (a page that explains it itself).
 */
export async function actOrRefuse<T, R>(
  fn: () => Promise<T>,
  done: (value: T) => R,
  options: { notFound?: "page" | "reason" } = {},
) {
  let value: T;
  try {
    value = await fn();
  } catch (error) {
    const refused = refusalOf(error);
    const notFound = isDomainError(error) && error.code === "NOT_FOUND";
    if (!refused || (notFound && options.notFound !== "reason")) throwAsResponse(error);
    return data(refused.refusal, { status: refused.status, headers: refused.headers });
  }
  return done(value);
}
