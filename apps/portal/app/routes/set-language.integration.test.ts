import { getDb } from "@settle/domain/db/client";
import { createCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { CookieJar, outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as root } from "../root";
import { PORTAL_BASE, portalCaller } from "../route-test.test-support";
import { action as login } from "./login";
import { action as verify } from "./login-verify";
import { action as setLanguage } from "./set-language";

const SAVED_PT = "pt-user@language-test.example";

const call = portalCaller();

/** A browser's cookies and languages, enough for the routes under test. */
class Browser extends CookieJar {
  constructor(private readonly acceptLanguage?: string) {
    super();
  }

  args<T>(url: string, body?: Record<string, string>): T {
    return call<T>(url, {
      cookie: this.header(),
      ...(body ? { form: body } : {}),
      ...(this.acceptLanguage ? { headers: { "accept-language": this.acceptLanguage } } : {}),
    });
  }
}

async function pageLocale(browser: Browser) {
  const result = await outcome(root(browser.args("/login")));
  return (result.data as { locale: string }).locale;
}

async function signIn(browser: Browser, email: string) {
  browser.take((await outcome(login(browser.args("/login", { email })))).headers);
  const mail = await getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: email },
    orderBy: { createdAt: "desc" },
  });
  const code = /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? "";
  browser.take((await outcome(verify(browser.args("/login/verify", { intent: "verify", code })))).headers);
  return mail;
}

beforeAll(async () => {
  const db = getDb();
  const customer = await createCustomer(db, { name: "Language Test Ltd" });
  await createPortalUser(db, {
    email: SAVED_PT,
    name: "Paula Prado",
    locale: "pt-BR",
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
});

describe("the page's language", () => {
  it("follows the browser before sign-in, with English as the fallback", async () => {
    expect(await pageLocale(new Browser("es-MX,es;q=0.9"))).toBe("es");
    expect(await pageLocale(new Browser("de-DE,de;q=0.9,ar;q=0.5"))).toBe("ar");
    expect(await pageLocale(new Browser("de-DE"))).toBe("en");
    expect(await pageLocale(new Browser())).toBe("en");
  });

  it("switches with the language menu and remembers the choice in a cookie", async () => {
    const browser = new Browser("es");
    const result = await outcome(
      setLanguage(browser.args("/language", { locale: "ar", redirectTo: "/login?redirectTo=%2Fx" })),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Fx");
    expect(result.headers.getSetCookie().join("\n")).toMatch(
      /^settle_portal_lng=.+; Max-Age=31536000; .*HttpOnly/m,
    );
    browser.take(result.headers);
    expect(await pageLocale(browser)).toBe("ar");
  });

  it("never redirects off-site, and refuses unknown languages and forged forms", async () => {
    const browser = new Browser();
    const offsite = await outcome(
      setLanguage(browser.args("/language", { locale: "es", redirectTo: "//evil.example" })),
    );
    expect(offsite.location).toBe("/");
    const unknown = await outcome(setLanguage(browser.args("/language", { locale: "tlh" })));
    expect(unknown.status).toBe(400);
    const forged = new Request(`${PORTAL_BASE}/language`, {
      method: "POST",
      headers: { origin: PORTAL_BASE, "sec-fetch-site": "same-origin" },
      body: new URLSearchParams({ locale: "es" }),
    });
    expect((await outcome(setLanguage({ request: forged, params: {}, context: {} } as never))).status).toBe(
      403,
    );
  });

  it("uses a signed-in user's saved language over the browser's, and saves a new choice", async () => {
    const browser = new Browser("es");
    const mail = await signIn(browser, SAVED_PT);
    // The sign-in e-mail is already in the saved language.
    expect(mail.subject).toBe(`Seu código de acesso: ${/\d{6}/.exec(mail.subject)?.[0]}`);
    expect(browser.has("settle_portal_session")).toBe(true);
    expect(await pageLocale(browser)).toBe("pt-BR");

    const result = await outcome(setLanguage(browser.args("/language", { locale: "ar", redirectTo: "/" })));
    expect(result.status).toBe(302);
    const user = await getDb().portalUser.findUniqueOrThrow({ where: { email: SAVED_PT } });
    expect(user.locale).toBe("ar");
  });

  it("writes the sign-in e-mail in a language picked on the sign-in page", async () => {
    const browser = new Browser("en");
    browser.take(
      (await outcome(setLanguage(browser.args("/language", { locale: "es", redirectTo: "/login" })))).headers,
    );
    await getDb().portalUser.update({ where: { email: SAVED_PT }, data: { locale: "pt-BR" } });
    const mail = await signIn(browser, SAVED_PT);
    expect(mail.subject).toMatch(/^Su código de acceso: \d{6}$/);
  });
});
