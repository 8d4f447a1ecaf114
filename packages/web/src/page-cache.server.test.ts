import { describe, expect, it } from "vitest";
import { PAGE_CACHE_STATUS_HEADER, PageCache, type PageCachePolicy, splitOn } from "./page-cache.server.ts";

const BASE = "http://portal.test";
const NONCE = "cmVuZGVyLW5vbmNlLTEyMzQ=";

interface Harness {
  cache: PageCache;
  renders: string[];
  /** Users the policy looked up (the database, in the app). */
  lookups: string[];
  /** Users whose session is gone. */
  signedOut: Set<string>;
  clock: { now: number };
  /** What the next render shows. */
  content: { text: string };
  request(path: string, headers?: Record<string, string>): Promise<Response>;
}

function harness(
  options: {
    policy?: Partial<PageCachePolicy>;
    maxBytes?: number;
    respond?: (path: string) => Response;
    /** Called while a render is running, before it returns. */
    during?: (cache: PageCache) => void;
  } = {},
): Harness {
  const clock = { now: Date.UTC(2026, 10, 25, 9) };
  const content = { text: "balance 100.00" };
  const renders: string[] = [];
  const lookups: string[] = [];
  const signedOut = new Set<string>();
  const policy: PageCachePolicy = {
    cacheable: (url) => url.pathname.startsWith("/accounts/"),
    identify: async (request) => {
      const user = request.headers.get("x-user");
      if (!user) return null;
      lookups.push(user);
      if (signedOut.has(user)) return null;
      return { key: user, tags: [`session:${user}`], validUntil: new Date(clock.now + 5 * 60_000) };
    },
    tagsFor: async (url) => [`customer:${url.pathname.split("/")[2]}`],
    ...options.policy,
  };
  const cache = new PageCache(policy, {
    maxBytes: options.maxBytes ?? 1024 * 1024,
    maxAgeMs: 10 * 60_000,
    now: () => clock.now,
  });
  cache.setConnected(true);
  const render = async (request: Request) => {
    const path = new URL(request.url).pathname;
    renders.push(path);
    options.during?.(cache);
    if (options.respond) return options.respond(path);
    return new Response(
      `<html><script nonce="${NONCE}">x</script><p>${content.text}</p><script nonce="${NONCE}"></script></html>`,
      {
        headers: {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": `script-src 'self' 'nonce-${NONCE}'`,
          "content-language": "en",
        },
      },
    );
  };
  return {
    cache,
    renders,
    lookups,
    signedOut,
    clock,
    content,
    request: (path, headers = {}) =>
      cache.handle(
        new Request(`${BASE}${path}`, {
          // The session cookie names the user, as a real session cookie would lead to one.
          headers: { "x-user": "ana", cookie: `s=${headers["x-user"] ?? "ana"}`, ...headers },
        }),
        render,
      ),
  };
}

describe("PageCache", () => {
  it("renders a page once, then serves it again with a new nonce in the header and the body", async () => {
    const h = harness();
    const first = await h.request("/accounts/a/statement");
    expect(first.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("miss");
    const firstBody = await first.text();
    expect(firstBody).toContain(NONCE);

    const again = await h.request("/accounts/a/statement");
    expect(h.renders).toEqual(["/accounts/a/statement"]);
    expect(again.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("hit");
    expect(again.headers.get("content-language")).toBe("en");
    const nonce = /'nonce-([^']+)'/.exec(again.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe(NONCE);
    const body = await again.text();
    expect(body).toBe(firstBody.replaceAll(NONCE, nonce as string));
    expect(Number(again.headers.get("content-length"))).toBe(Buffer.byteLength(body));
  });

  it("keeps pages apart by user, cookies, language and query", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement", { "x-user": "bea" });
    await h.request("/accounts/a/statement", { cookie: "s=ana; lang=pt-BR" });
    await h.request("/accounts/a/statement", { "accept-language": "pt-BR" });
    await h.request("/accounts/a/statement?view=open");
    expect(h.renders).toHaveLength(5);
    await h.request("/accounts/a/statement", { "x-user": "bea" });
    expect(h.renders).toHaveLength(5);
  });

  it("remembers who is signed in until the session changes or its time is up", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/invoices");
    await h.request("/accounts/a/statement");
    expect(h.lookups).toEqual(["ana"]);

    // Signed out elsewhere: the session's change is announced, and its pages are not served.
    h.signedOut.add("ana");
    h.cache.invalidate(["session:ana"]);
    const after = await h.request("/accounts/a/statement");
    expect(after.headers.get(PAGE_CACHE_STATUS_HEADER)).toBeNull();
    expect(h.lookups).toEqual(["ana", "ana"]);
    expect(h.renders).toHaveLength(3);

    h.signedOut.delete("ana");
    await h.request("/accounts/a/statement");
    h.clock.now += 5 * 60_000 + 1;
    await h.request("/accounts/a/statement");
    expect(h.lookups).toEqual(["ana", "ana", "ana", "ana"]);
  });

  it("drops a visitor's pages when they post a form, before the database's announcement arrives", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement", { "x-user": "bea" });
    const post = await h.cache.handle(
      new Request(`${BASE}/accounts/a/invoices/1/dispute`, {
        method: "POST",
        headers: { "x-user": "ana", cookie: "s=ana" },
        body: "reason=PRICE",
      }),
      async () => new Response(null, { status: 303, headers: { location: "/accounts/a/statement" } }),
    );
    expect(post.status).toBe(303);
    expect((await h.request("/accounts/a/statement")).headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("miss");
    expect(
      (await h.request("/accounts/a/statement", { "x-user": "bea" })).headers.get(PAGE_CACHE_STATUS_HEADER),
    ).toBe("hit");
  });

  it("never stores for a request the policy cannot identify (no session), nor outside its pages", async () => {
    const h = harness({ policy: { identify: async () => null } });
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement");
    expect(h.renders).toHaveLength(2);
    expect(h.cache.size).toBe(0);

    const other = harness();
    await other.request("/settings");
    await other.request("/settings");
    expect(other.renders).toHaveLength(2);
  });

  it("drops the pages of a changed account and shows the change on the next request", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    await h.request("/accounts/b/statement");
    h.content.text = "balance 40.00";
    h.cache.invalidate(["customer:a"]);
    const after = await h.request("/accounts/a/statement");
    expect(await after.text()).toContain("balance 40.00");
    expect(after.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("miss");
    // The other account's page was not touched.
    expect((await h.request("/accounts/b/statement")).headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("hit");
    expect(h.renders).toEqual(["/accounts/a/statement", "/accounts/b/statement", "/accounts/a/statement"]);
  });

  it("does not keep a render its account changed under (it may hold the data from before)", async () => {
    let once = true;
    const h = harness({
      during: (cache) => {
        if (once) cache.invalidate(["customer:a"]);
        once = false;
      },
    });
    await h.request("/accounts/a/statement");
    expect(h.cache.size).toBe(0);
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement");
    expect(h.renders).toHaveLength(2);
  });

  it("empties on `*` and on a lost change feed, and serves nothing until the feed is back", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    h.cache.invalidate(["*"]);
    expect(h.cache.size).toBe(0);
    await h.request("/accounts/a/statement");
    expect(h.cache.size).toBe(1);

    h.cache.setConnected(false);
    expect(h.cache.size).toBe(0);
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement");
    expect(h.cache.size).toBe(0);
    expect(h.renders).toHaveLength(4);

    h.cache.setConnected(true);
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement");
    expect(h.renders).toHaveLength(5);
  });

  it("stores only whole HTML pages with status 200 and no cookie to set", async () => {
    const responses: Record<string, Response> = {
      "/accounts/a/statement": new Response("<p>bad period</p>", {
        status: 400,
        headers: { "content-type": "text/html" },
      }),
      "/accounts/a/invoices": new Response("<p>x</p>", {
        headers: { "content-type": "text/html", "set-cookie": "csrf=abc; Path=/" },
      }),
      "/accounts/a": new Response("{}", { headers: { "content-type": "application/json" } }),
      "/accounts/b": new Response("<p>x</p>", {
        headers: { "content-type": "text/html", "cache-control": "no-store" },
      }),
    };
    const h = harness({ respond: (path) => (responses[path] as Response).clone() });
    for (const path of Object.keys(responses)) {
      const response = await h.request(path);
      expect(response.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("bypass");
      await h.request(path);
    }
    expect(h.cache.size).toBe(0);
    expect(h.renders).toHaveLength(8);
  });

  it("renders again on a hard reload (Cache-Control: no-cache) and keeps that render", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    h.content.text = "reloaded";
    const reload = await h.request("/accounts/a/statement", { "cache-control": "no-cache" });
    expect(reload.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("bypass");
    const next = await h.request("/accounts/a/statement");
    expect(next.headers.get(PAGE_CACHE_STATUS_HEADER)).toBe("hit");
    expect(await next.text()).toContain("reloaded");
    expect(h.renders).toHaveLength(2);
  });

  it("expires pages after their maximum age and at the end of the day the policy names", async () => {
    const h = harness({ policy: { validUntil: (now) => new Date(now.getTime() + 60_000) } });
    await h.request("/accounts/a/statement");
    h.clock.now += 59_000;
    await h.request("/accounts/a/statement");
    expect(h.renders).toHaveLength(1);
    h.clock.now += 2_000;
    await h.request("/accounts/a/statement");
    expect(h.renders).toHaveLength(2);

    const aged = harness();
    await aged.request("/accounts/a/statement");
    aged.clock.now += 10 * 60_000;
    await aged.request("/accounts/a/statement");
    expect(aged.renders).toHaveLength(2);
  });

  it("forgets the least recently used pages beyond its memory", async () => {
    const page = `<p>${"x".repeat(3_000)}</p>`; // 3,007 bytes
    const perEntry = 3_007 + 43; // body and key (a base64url sha256)
    const maxBytes = 8 * perEntry + 100;
    const h = harness({
      maxBytes,
      respond: () => new Response(page, { headers: { "content-type": "text/html" } }),
    });
    for (const id of ["a", "b", "c", "d", "e", "f", "g", "h"]) await h.request(`/accounts/${id}`);
    expect(h.cache.size).toBe(8);
    expect(h.cache.storedBytes).toBe(8 * perEntry);
    await h.request("/accounts/a"); // a hit: "a" is now the most recently used
    await h.request("/accounts/i"); // a ninth page does not fit: "b" goes
    expect(h.cache.size).toBe(8);
    expect(h.cache.storedBytes).toBeLessThanOrEqual(maxBytes);
    await h.request("/accounts/a");
    await h.request("/accounts/b");
    expect(h.renders.filter((p) => p === "/accounts/a")).toHaveLength(1);
    expect(h.renders.filter((p) => p === "/accounts/b")).toHaveLength(2);
  });

  it("renders when the session or the page's tags cannot be read, and keeps nothing", async () => {
    const noSession = harness({
      policy: {
        identify: async () => {
          throw new Error("database unavailable");
        },
      },
    });
    expect((await noSession.request("/accounts/a/statement")).status).toBe(200);
    expect(noSession.renders).toHaveLength(1);
    const noTags = harness({
      policy: {
        tagsFor: async () => {
          throw new Error("database unavailable");
        },
      },
    });
    const response = await noTags.request("/accounts/a/statement");
    expect(await response.text()).toContain("balance 100.00");
    await noTags.request("/accounts/a/statement");
    expect(noTags.renders).toHaveLength(2);
    expect(noTags.cache.size).toBe(0);
  });

  it("does not keep a page that names nothing it shows", async () => {
    const h = harness({ policy: { tagsFor: async () => [] } });
    await h.request("/accounts/a/statement");
    await h.request("/accounts/a/statement");
    expect(h.renders).toHaveLength(2);
  });
});

describe("PageCache.peek (the server's path for a repeat view)", () => {
  const headers =
    (values: Record<string, string>) =>
    (name: string): string | undefined =>
      values[name];

  it("answers from memory once the session and the page are stored, and only then", async () => {
    const h = harness();
    expect(h.cache.peek("/accounts/a/statement", headers({ cookie: "s=ana" }))).toBeNull();
    const first = await (await h.request("/accounts/a/statement")).text();

    const page = h.cache.peek("/accounts/a/statement", headers({ cookie: "s=ana" }));
    expect(page?.status).toBe(200);
    const body = Buffer.concat(page?.chunks ?? []).toString();
    const sent = new Map(page?.headers);
    const nonce = /'nonce-([^']+)'/.exec(sent.get("content-security-policy") ?? "")?.[1] as string;
    expect(nonce).not.toBe(NONCE);
    expect(body).toBe(first.replaceAll(NONCE, nonce));
    expect(sent.get("content-length")).toBe(String(Buffer.byteLength(body)));
    expect(sent.get(PAGE_CACHE_STATUS_HEADER)).toBe("hit");
    expect(h.renders).toHaveLength(1);

    // Anything it cannot decide from memory goes the long way.
    expect(h.cache.peek("/accounts/a/statement?view=open", headers({ cookie: "s=ana" }))).toBeNull();
    expect(h.cache.peek("/accounts/a/statement", headers({ cookie: "s=bea" }))).toBeNull();
    expect(
      h.cache.peek("/accounts/a/statement", headers({ cookie: "s=ana", "accept-language": "es" })),
    ).toBeNull();
    expect(
      h.cache.peek("/accounts/a/statement", headers({ cookie: "s=ana", "cache-control": "no-cache" })),
    ).toBeNull();
    h.cache.invalidate(["customer:a"]);
    expect(h.cache.peek("/accounts/a/statement", headers({ cookie: "s=ana" }))).toBeNull();
  });

  it("gives nothing while the change feed is down", async () => {
    const h = harness();
    await h.request("/accounts/a/statement");
    h.cache.setConnected(false);
    h.cache.setConnected(true);
    expect(h.cache.peek("/accounts/a/statement", headers({ cookie: "s=ana" }))).toBeNull();
  });
});

describe("splitOn", () => {
  it("splits a body around every occurrence of the nonce", () => {
    const parts = splitOn(Buffer.from("a-N-b-N-"), "N").map(String);
    expect(parts).toEqual(["a-", "-b-", "-"]);
    expect(splitOn(Buffer.from("abc"), null).map(String)).toEqual(["abc"]);
  });
});
