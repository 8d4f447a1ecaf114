import { getDb } from "@settle/domain/db/client";
import { createCustomer, createLegalEntity, createPortalUser } from "@settle/domain/seed/factories";
import { CookieJar, outcome } from "@settle/web/route-test.test-support";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PORTAL_BASE, portalCaller } from "../route-test.test-support";
import { loader as accountHome } from "./account-home";
import { action as login } from "./login";
import { loader as magicLink } from "./login-magic";
import { action as verify } from "./login-verify";

const MULTI = "multi@portal-test.example";
const SINGLE = "single@portal-test.example";
let own: string;
let second: string;
let foreign: string;

const call = portalCaller();

/** Route arguments the way React Router passes them; forms carry a CSRF token. */
function args<T>(
  url: string,
  jar: CookieJar,
  init: { body?: Record<string, string>; params?: Record<string, string> } = {},
) {
  return call<T>(url, {
    cookie: jar.header(),
    clientAddress: "127.0.0.7",
    ...(init.params ? { params: init.params } : {}),
    ...(init.body ? { form: init.body } : {}),
  });
}

const latestCode = async (to: string) => {
  const mail = await getDb().outboxEmail.findFirst({
    where: { toAddress: to },
    orderBy: { createdAt: "desc" },
  });
  return mail ? /\b(\d{6})\b/.exec(mail.textBody)?.[1] : undefined;
};

async function requestCode(jar: CookieJar, email: string) {
  const result = await outcome(login(args("/login", jar, { body: { email } })));
  jar.take(result.headers);
  return result;
}

async function enterCode(jar: CookieJar, code: string) {
  const result = await outcome(verify(args("/login/verify", jar, { body: { intent: "verify", code } })));
  jar.take(result.headers);
  return result;
}

beforeAll(async () => {
  const db = getDb();
  const entity = await createLegalEntity(db, { name: "Portal Test Supplies Inc." });
  own = (await createCustomer(db, { legalEntityId: entity.id, name: "Own Account Ltd" })).id;
  second = (await createCustomer(db, { legalEntityId: entity.id, name: "Second Account Ltd" })).id;
  foreign = (await createCustomer(db, { legalEntityId: entity.id, name: "Foreign Account Ltd" })).id;
  await createPortalUser(db, {
    email: MULTI,
    memberships: [
      { customerId: own, role: "PAYER" },
      { customerId: second, role: "VIEWER" },
    ],
  });
  await createPortalUser(db, { email: SINGLE, memberships: [{ customerId: own, role: "ADMIN" }] });
});

beforeEach(async () => {
  await getDb().rateLimitBucket.deleteMany();
});

describe("sign-in by e-mailed code", () => {
  it("answers a known and an unknown address the same way, and mails only the known one", async () => {
    const known = await requestCode(new CookieJar(), MULTI);
    const unknown = await requestCode(new CookieJar(), "stranger@portal-test.example");
    for (const result of [known, unknown]) {
      expect(result.status).toBe(302);
      expect(result.location).toBe("/login/verify");
      // The portal's own cookie name; the library's default name never reaches the browser.
      const cookies = result.headers.getSetCookie().join("\n");
      expect(cookies).toMatch(/^settle_portal_totp=.+; .*HttpOnly/m);
      expect(cookies).not.toMatch(/(^|\n)_totp=/);
    }
    expect(await getDb().outboxEmail.count({ where: { toAddress: "stranger@portal-test.example" } })).toBe(0);
    expect(await latestCode(MULTI)).toMatch(/^\d{6}$/);
  });

  it("counts wrong codes, then signs in with the right one and sends a user with several accounts to the chooser", async () => {
    const jar = new CookieJar();
    await requestCode(jar, MULTI);
    const code = (await latestCode(MULTI))!;
    const wrong = await enterCode(jar, code === "000000" ? "111111" : "000000");
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ attemptsLeft: 2 });

    const saved = jar.get("settle_portal_totp")!;
    const right = await enterCode(jar, code);
    expect(right.status).toBe(302);
    expect(right.location).toBe("/select-account");
    expect(right.headers.getSetCookie().join("\n")).toMatch(
      /^settle_portal_session=.+HttpOnly.*SameSite=Lax/m,
    );
    expect(jar.get("settle_portal_session")).toBeTruthy();

    // The code is used up: replaying the request with the old code cookie signs in no one.
    const replay = new CookieJar();
    replay.set("settle_portal_totp", saved);
    expect((await enterCode(replay, code)).location).toBe("/login/verify?problem=expired");
    expect(replay.get("settle_portal_session")).toBeUndefined();
  });

  it("sends a user with one account straight to its home", async () => {
    const jar = new CookieJar();
    await requestCode(jar, SINGLE);
    const result = await enterCode(jar, (await latestCode(SINGLE))!);
    expect(result.location).toBe(`/accounts/${own}`);
  });

  it("asks for a new code after three wrong ones, even with the right code", async () => {
    const jar = new CookieJar();
    await requestCode(jar, MULTI);
    const code = (await latestCode(MULTI))!;
    const wrong = code === "000000" ? "111111" : "000000";
    expect((await enterCode(jar, wrong)).status).toBe(400);
    expect((await enterCode(jar, wrong)).status).toBe(400);
    expect((await enterCode(jar, wrong)).location).toBe("/login/verify?problem=too-many-attempts");
    const late = await enterCode(jar, code);
    expect(late.location).toBe("/login/verify?problem=no-pending-code");
    expect(jar.get("settle_portal_session")).toBeUndefined();
  });

  it("does not let a visitor swap the address in the code cookie", async () => {
    const jar = new CookieJar();
    await requestCode(jar, SINGLE);
    const code = (await latestCode(SINGLE))!;
    const state = new URLSearchParams(jar.get("settle_portal_totp"));
    state.set("email", MULTI);
    jar.set("settle_portal_totp", state.toString());
    const result = await enterCode(jar, code);
    expect(result.location).toBe("/login/verify?problem=expired");
    expect(jar.get("settle_portal_session")).toBeUndefined();
  });

  it("signs in with the magic link only in the browser that asked for the code", async () => {
    const jar = new CookieJar();
    await requestCode(jar, SINGLE);
    const mail = await getDb().outboxEmail.findFirstOrThrow({
      where: { toAddress: SINGLE },
      orderBy: { createdAt: "desc" },
    });
    const link = new URL(/(http\S+\/login\/magic\S+)/.exec(mail.textBody)![1]!);
    expect(link.origin).toBe("http://localhost:3000");

    const elsewhere = await outcome(magicLink(args(link.pathname + link.search, new CookieJar())));
    expect(elsewhere.location).toBe("/login?problem=other-browser");

    const here = await outcome(magicLink(args(link.pathname + link.search, jar)));
    expect(here.location).toBe(`/accounts/${own}`);
    expect(here.headers.getSetCookie().join("\n")).toMatch(/^settle_portal_session=/m);
  });

  it("refuses a form without a valid CSRF token", async () => {
    const request = new Request(`${PORTAL_BASE}/login`, {
      method: "POST",
      headers: { origin: PORTAL_BASE, "sec-fetch-site": "same-origin" },
      body: new URLSearchParams({ email: MULTI }),
    });
    const result = await outcome(
      login({ request, params: {}, context: { clientAddress: "127.0.0.7", nonce: "n" } } as never),
    );
    expect(result.status).toBe(403);
  });
});

describe("account home", () => {
  async function signedIn(email: string) {
    const jar = new CookieJar();
    await requestCode(jar, email);
    await enterCode(jar, (await latestCode(email))!);
    return jar;
  }

  it("shows the user's own account", async () => {
    const jar = await signedIn(MULTI);
    const result = await outcome(
      accountHome(args(`/accounts/${second}`, jar, { params: { customerId: second } })),
    );
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      home: { customer: { id: second, name: "Second Account Ltd" }, role: "VIEWER" },
    });
  });

  it("answers 404 for another customer's account and for a malformed id", async () => {
    const jar = await signedIn(MULTI);
    for (const customerId of [foreign, "not-a-uuid", "00000000-0000-0000-0000-000000000000"]) {
      const result = await outcome(
        accountHome(args(`/accounts/${customerId}`, jar, { params: { customerId } })),
      );
      expect(result.status, customerId).toBe(404);
    }
  });

  it("sends a visitor without a session to sign-in, coming back afterwards", async () => {
    const result = await outcome(
      accountHome(args(`/accounts/${own}`, new CookieJar(), { params: { customerId: own } })),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent(`/accounts/${own}`)}`);
  });
});
