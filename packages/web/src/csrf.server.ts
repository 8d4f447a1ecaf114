import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { data } from "react-router";
import { readCookie } from "./cookies.server.ts";

/**
 * CSRF protection for every mutation, in two layers:
 * 1. Fetch metadata / Origin: a cross-site POST is refused before anything else runs.
 * 2. A token bound to a per-browser random cookie by an HMAC with the app's secret: forms carry
 *    it in a hidden `csrf` field (see CsrfInput in @settle/ui), so a site that can't read our
 *    pages can't forge it.
 */
export interface CsrfConfig {
  cookieName: string;
  secret: string;
  secure: boolean;
}

const FIELD = "csrf";

function sign(secret: string, nonce: string): string {
  return createHmac("sha256", secret).update(nonce).digest("base64url");
}

/**
 * The token for the page being rendered, and a Set-Cookie header when the browser has no CSRF
 * cookie yet (the root loader returns both).
 */
export function issueCsrfToken(request: Request, config: CsrfConfig): { token: string; setCookie?: string } {
  let nonce = readCookie(request.headers.get("cookie"), config.cookieName);
  let setCookie: string | undefined;
  if (!nonce || !/^[A-Za-z0-9_-]{20,64}$/.test(nonce)) {
    nonce = randomBytes(18).toString("base64url");
    setCookie = `${config.cookieName}=${nonce}; Path=/; HttpOnly; SameSite=Lax${config.secure ? "; Secure" : ""}`;
  }
  return { token: sign(config.secret, nonce), setCookie };
}

function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    const url = new URL(request.url);
    const forwardedHost = request.headers.get("x-forwarded-host");
    const host = forwardedHost ?? request.headers.get("host") ?? url.host;
    if (new URL(origin).host !== host) return false;
  }
  return true;
}

/** Throws a 403 unless the request is same-origin and carries a valid token. */
export function assertCsrf(request: Request, formData: FormData, config: CsrfConfig): void {
  const nonce = readCookie(request.headers.get("cookie"), config.cookieName);
  const token = formData.get(FIELD);
  const ok =
    sameOrigin(request) &&
    typeof nonce === "string" &&
    typeof token === "string" &&
    token.length > 0 &&
    (() => {
      const expected = Buffer.from(sign(config.secret, nonce));
      const given = Buffer.from(token);
      return expected.length === given.length && timingSafeEqual(expected, given);
    })();
  if (!ok) {
    throw data({ message: "This form has expired. Reload the page and try again." }, { status: 403 });
  }
}

export const CSRF_FIELD = FIELD;
