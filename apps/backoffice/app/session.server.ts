import { resolveStaffSession, type StaffSession } from "@settle/domain/auth/resolve-staff-session";
import { startSession } from "@settle/domain/auth/start-session";
import { signedCookie } from "@settle/web/cookies.server";
import { pageUrl, requestId } from "@settle/web/request.server";
import { type AppLoadContext, redirect } from "react-router";
import { env } from "./env.server.ts";
import { clientAddress } from "./request.server.ts";

/**
 * The back office's session cookie holds only a random token; the session itself (user, expiry,
 * revocation) lives in PostgreSQL. No Max-Age: it ends with the browser, and the server expires
 * it after a day without use.
 */
const sessionCookie = signedCookie("settle_bo_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  path: "/",
  secrets: [env.cookieSecret],
});

export function readSessionToken(request: Request): string | null {
  return sessionCookie.parse(request.headers.get("cookie"));
}

// Several loaders of one request ask for the user; resolve the session once per request.
const resolved = new WeakMap<Request, Promise<StaffSession | null>>();

/** The signed-in staff user, or null. */
export function getStaff(request: Request): Promise<StaffSession | null> {
  let pending = resolved.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? resolveStaffSession(token, requestId(request)) : Promise.resolve(null);
    resolved.set(request, pending);
  }
  return pending;
}

/** The signed-in staff user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireStaff(request: Request): Promise<StaffSession> {
  const staff = await getStaff(request);
  if (staff) return staff;
  const url = pageUrl(request);
  const back = `${url.pathname}${url.search}`;
  const headers = new Headers();
  // A stale cookie (expired or revoked session) is cleared on the way out.
  if (request.headers.get("cookie")?.includes("settle_bo_session=")) {
    headers.append("Set-Cookie", clearSessionCookie());
  }
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`, { headers });
}

/** Starts a server-side session for a verified user and returns the Set-Cookie header. */
export async function signInCookie(request: Request, context: AppLoadContext | undefined, userId: string) {
  const { token } = await startSession({
    app: "BACKOFFICE",
    userId,
    userAgent: request.headers.get("user-agent"),
    ipAddress: clientAddress(request, context),
  });
  return sessionCookie.serialize(token);
}

export function clearSessionCookie(): string {
  return sessionCookie.serialize("");
}
