import { describe, expect, it } from "vitest";
import { assertCsrf, issueCsrfToken } from "./csrf.server.ts";
import { safeRedirect } from "./request.server.ts";

const config = { cookieName: "t_csrf", secret: "s".repeat(32), secure: false };

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

describe("safeRedirect", () => {
  it("keeps in-app paths and refuses others", () => {
    expect(safeRedirect("/customers?q=a")).toBe("/customers?q=a");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example", "/home")).toBe("/home");
    expect(safeRedirect(null)).toBe("/");
  });
});
