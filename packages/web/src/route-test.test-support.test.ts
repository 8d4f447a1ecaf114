import { data, redirect } from "react-router";
import { describe, expect, it } from "vitest";
import { CookieJar, outcome, routeCaller } from "./route-test.test-support.ts";

const call = routeCaller({
  base: "http://127.0.0.1:3001",
  csrf: () => ({ token: "t0ken", setCookie: "csrf=abc; Path=/; HttpOnly" }),
  params: () => ({ customerId: "c-1" }),
});

describe("route test support", () => {
  it("builds a same-origin GET with the cookie and the app's default parameters", () => {
    const { request, params } = call<{ request: Request; params: Record<string, string> }>("/x?q=1", {
      cookie: "session=s",
      params: { disputeId: "d-1" },
    });
    expect(request.method).toBe("GET");
    expect(request.url).toBe("http://127.0.0.1:3001/x?q=1");
    expect(request.headers.get("cookie")).toBe("session=s");
    expect(request.headers.get("origin")).toBe("http://127.0.0.1:3001");
    expect(params).toEqual({ customerId: "c-1", disputeId: "d-1" });
  });

  it("posts a form with a CSRF token and the cookie that binds it, or without when asked", async () => {
    const posted = call<{ request: Request }>("/x", { cookie: "session=s", form: { intent: "save" } });
    expect(posted.request.method).toBe("POST");
    expect(posted.request.headers.get("cookie")).toBe("session=s; csrf=abc");
    const form = await posted.request.formData();
    expect([...form.entries()]).toEqual([
      ["csrf", "t0ken"],
      ["intent", "save"],
    ]);
    const bare = call<{ request: Request }>("/x", { form: [["a", "1"]], withoutCsrf: true });
    expect([...(await bare.request.formData()).entries()]).toEqual([["a", "1"]]);
    expect(bare.request.headers.get("cookie")).toBeNull();
  });

  it("sends further headers, and keeps a browser's cookies as Set-Cookie headers change them", () => {
    const { request } = call<{ request: Request }>("/x", { headers: { "accept-language": "es" } });
    expect(request.headers.get("accept-language")).toBe("es");
    const jar = new CookieJar().take(
      new Headers([
        ["set-cookie", "session=s1; Path=/; HttpOnly"],
        ["set-cookie", "lng=es; Max-Age=31536000"],
      ]),
    );
    expect(jar.header()).toBe("session=s1; lng=es");
    jar.take(new Headers([["set-cookie", "session=; Path=/"]]));
    jar.take(new Headers([["set-cookie", "lng=x; Max-Age=0"]]));
    expect([jar.has("session"), jar.get("lng"), jar.header()]).toEqual([false, undefined, ""]);
    jar.set("totp", "a=1");
    expect(jar.header()).toBe("totp=a=1");
  });

  it("reads every way a route answers", async () => {
    expect(await outcome(Promise.reject(redirect("/login")))).toMatchObject({
      status: 302,
      location: "/login",
    });
    expect(await outcome(Promise.resolve(data({ ok: false }, { status: 400 })))).toMatchObject({
      status: 400,
      data: { ok: false },
    });
    expect(await outcome(Promise.resolve({ rows: [] }))).toMatchObject({ status: 200, data: { rows: [] } });
    const file = await outcome(
      Promise.resolve(new Response("a,b", { headers: { "content-type": "text/csv" } })),
    );
    expect(file).toMatchObject({ status: 200, data: null });
    expect(await file.response?.text()).toBe("a,b");
    expect((await outcome(Promise.resolve({ rows: [] }))).response).toBeNull();
    await expect(outcome(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });
});
