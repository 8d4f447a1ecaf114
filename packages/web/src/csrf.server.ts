import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { data } from "react-router";
import { readCookie } from "./cookies.server.ts";

/**
 * CSRF protection for every mutation, in two layers:
 * 1. Fetch metadata / Origin: a cross-site POST (or one from an opaque `Origin: null`) is refused
 *    before anything else runs.
 * 2. A token, an HMAC with the app's secret of what identifies the browser's session: forms carry
 *    it in a hidden `csrf` field (see CsrfInput in @settle/ui). Signed in, that is the server
 *    session's token (from the HttpOnly session cookie), so a CSRF cookie planted from a sibling
 *    domain buys nothing; signed out (the sign-in forms), a per-browser random cookie.
 */
export interface CsrfConfig {
  cookieName: string;
  secret: string;
  secure: boolean;
  /** The session token of a signed-in browser (from the app's session cookie), or null. */
  sessionToken: (request: Request) => string | null;
}

const FIELD = "csrf";

function sign(secret: string, binding: string): string {
  return createHmac("sha256", secret).update(binding).digest("base64url");
}

/** What the token of this request must be bound to, if anything yet. */
function bindingOf(request: Request, config: CsrfConfig): string | null {
  const session = config.sessionToken(request);
  if (session) return `session:${session}`;
  const nonce = readCookie(request.headers.get("cookie"), config.cookieName);
  return nonce && /^[A-Za-z0-9_-]{20,64}$/.test(nonce) ? `browser:${nonce}` : null;
}

/**
 * The token for the page being rendered, and a Set-Cookie header when the browser has no CSRF
 * cookie yet (the root loader returns both).
 */
export function issueCsrfToken(request: Request, config: CsrfConfig): { token: string; setCookie?: string } {
  const binding = bindingOf(request, config);
  if (binding) return { token: sign(config.secret, binding) };
  const nonce = randomBytes(18).toString("base64url");
  return {
    token: sign(config.secret, `browser:${nonce}`),
    setCookie: `${config.cookieName}=${nonce}; Path=/; HttpOnly; SameSite=Lax${config.secure ? "; Secure" : ""}`,
  };
}

function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  // An opaque origin (sandboxed frame, data: URL, a cross-origin redirect) is nobody we know.
  if (origin === "null") return false;
  if (origin) {
    const url = new URL(request.url);
    const forwardedHost = request.headers.get("x-forwarded-host");
    const host = forwardedHost ?? request.headers.get("host") ?? url.host;
    if (new URL(origin).host !== host) return false;
  }
  return true;
}

/** Throws a 403 unless the request is same-origin and carries a valid token. */
export function assertCsrf(request: Request, formData: FormData, config: CsrfConfig): void {
  const binding = bindingOf(request, config);
  const token = formData.get(FIELD);
  const ok =
    sameOrigin(request) &&
    binding !== null &&
    typeof token === "string" &&
    token.length > 0 &&
    (() => {
      const expected = Buffer.from(sign(config.secret, binding));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    })();
  if (!ok) {
    throw data({ message: "This form has expired. Reload the page and try again." }, { status: 403 });
  }
}

export const CSRF_FIELD = FIELD;
