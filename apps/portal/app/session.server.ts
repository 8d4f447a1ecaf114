import { type PortalSession, resolvePortalSession } from "@settle/domain/auth/resolve-portal-session";
import { SESSION_TTL_DAYS } from "@settle/domain/auth/session-tokens";
import { signedCookie } from "@settle/web/cookies.server";
import { clientIp, pageUrl, requestId } from "@settle/web/request.server";
import { type AppLoadContext, redirect } from "react-router";
import { env } from "./env.server";

/**
 * The portal's own session cookie (the back office has another name and secret). It carries a
 * random token; the server-side session row holds only its hash and can be listed and revoked.
 * The cookie is signed as well, so a forged value is refused without a database query.
 */
const sessionCookie = signedCookie("settle_portal_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env.secureCookies,
  secrets: [env.cookieSecret],
  maxAge: SESSION_TTL_DAYS.PORTAL * 86_400,
});

export function readSessionToken(request: Request): string | null {
  return sessionCookie.parse(request.headers.get("cookie"));
}

export const sessionCookieFor = (token: string, expiresAt: Date) =>
  sessionCookie.serialize(token, { expires: expiresAt });
export const clearedSessionCookie = () => sessionCookie.serialize("");

// Layout and page loaders of one request share the lookup instead of querying twice.
const resolved = new WeakMap<Request, Promise<PortalSession | null>>();

export function getPortalSession(request: Request): Promise<PortalSession | null> {
  let session = resolved.get(request);
  if (!session) {
    const token = readSessionToken(request);
    session = token ? resolvePortalSession(token, requestId(request)) : Promise.resolve(null);
    resolved.set(request, session);
  }
  return session;
}

/** The signed-in portal user, or a redirect to sign-in that comes back to this page. */
export async function requirePortalSession(request: Request): Promise<PortalSession> {
  const session = await getPortalSession(request);
  if (session) return session;
  const url = pageUrl(request);
  const back = url.pathname === "/" ? "" : `?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
  const headers = new Headers();
  // A stale cookie (expired or revoked session) is cleared on the way out.
  if (readSessionToken(request)) headers.append("Set-Cookie", clearedSessionCookie());
  throw redirect(`/login${back}`, { headers });
}

/** Where an account's pages live. */
export const accountPath = (customerId: string) => `/accounts/${customerId}`;

/** Where to go once signed in: the active account, the only account, or the account chooser. */
export function homePathFor(session: PortalSession): string {
  const only = session.memberships.length === 1 ? session.memberships[0]?.customerId : undefined;
  const target = session.activeCustomerId ?? only;
  return target ? accountPath(target) : "/select-account";
}

/** The client's address for rate limits (X-Forwarded-For only behind a trusted proxy). */
export function clientAddressOf(request: Request, context: Partial<AppLoadContext> | undefined): string {
  return clientIp(request, context?.clientAddress, env.trustProxy);
}
