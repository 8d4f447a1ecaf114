import { describe, expect, it } from "vitest";
import { readCookie } from "./cookies.server.ts";
import { assertCsrf, issueCsrfToken } from "./csrf.server.ts";
import { safeRedirect } from "./request.server.ts";

// The session token is the value of a `t_session` cookie (the apps read their signed cookie).
const config = {
  cookieName: "t_csrf",
  secret: "s".repeat(32),
  secure: false,
  sessionToken: (request: Request) => readCookie(request.headers.get("cookie"), "t_session") ?? null,
};

function post(headers: Record<string, string>) {
  return new Request("http://localhost:3001/customers", {
    method: "POST",
    headers: { host: "localhost:3001", ...headers },
  });
}

function form(token?: string) {
  const f = new FormData();
  if (token) f.set("csrf", token);
  return f;
}

function issued() {
  const { token, setCookie } = issueCsrfToken(new Request("http://localhost:3001/"), config);
  const cookie = setCookie!.split(";")[0]!;
  return { token, cookie };
}

function status(fn: () => void): number | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { init?: { status?: number } }).init?.status;
  }
}

describe("csrf", () => {
  it("issues a cookie once and a token bound to it", () => {
    const { token, cookie } = issued();
    const again = issueCsrfToken(new Request("http://localhost:3001/", { headers: { cookie } }), config);
    expect(again.setCookie).toBeUndefined();
    expect(again.token).toBe(token);
  });

  it("accepts a same-origin post with the right token", () => {
    const { token, cookie } = issued();
    expect(
      status(() => assertCsrf(post({ cookie, origin: "http://localhost:3001" }), form(token), config)),
    ).toBeUndefined();
  });

  it("rejects a missing or wrong token, a foreign cookie, and cross-site requests", () => {
    const { token, cookie } = issued();
    const other = issued();
    expect(status(() => assertCsrf(post({ cookie }), form(), config))).toBe(403);
    expect(status(() => assertCsrf(post({ cookie }), form(`${token}x`), config))).toBe(403);
    expect(status(() => assertCsrf(post({ cookie: other.cookie }), form(token), config))).toBe(403);
    expect(
      status(() => assertCsrf(post({ cookie, origin: "https://evil.example" }), form(token), config)),
    ).toBe(403);
    expect(
      status(() => assertCsrf(post({ cookie, "sec-fetch-site": "cross-site" }), form(token), config)),
    ).toBe(403);
    expect(status(() => assertCsrf(post({}), form(token), config))).toBe(403);
  });
});

describe("csrf bound to the session", () => {
  const session = "t_session=session-token-of-the-victim";

  it("binds a signed-in browser's token to its server session, with no CSRF cookie of its own", () => {
    const { token, setCookie } = issueCsrfToken(
      new Request("http://localhost:3001/", { headers: { cookie: session } }),
      config,
    );
    expect(setCookie).toBeUndefined();
    expect(status(() => assertCsrf(post({ cookie: session }), form(token), config))).toBeUndefined();
    // Another session's token does not pass.
    expect(status(() => assertCsrf(post({ cookie: "t_session=someone-else" }), form(token), config))).toBe(
      403,
    );
  });

  it("refuses a token bound to a CSRF cookie planted from a sibling domain", () => {
    // The attacker got a CSRF cookie and its token from their own visit, and planted the cookie.
    const planted = issued();
    expect(
      status(() =>
        assertCsrf(post({ cookie: `${session}; ${planted.cookie}` }), form(planted.token), config),
      ),
    ).toBe(403);
  });

  it("refuses a mutation from an opaque origin (Origin: null)", () => {
    const { token, cookie } = issued();
    expect(status(() => assertCsrf(post({ cookie, origin: "null" }), form(token), config))).toBe(403);
  });
});

describe("safeRedirect", () => {
  it("keeps in-app paths and refuses others", () => {
    expect(safeRedirect("/customers?q=a")).toBe("/customers?q=a");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example", "/home")).toBe("/home");
    expect(safeRedirect(null)).toBe("/");
  });
});
