import type { StaffRole } from "@settle/domain/actor";
import { getDb } from "@settle/domain/db/client";
import { createCustomer, createStaffUser } from "@settle/domain/seed/factories";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfToken } from "../csrf.server.ts";
import { BACKOFFICE_BASE, backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { loader as cardPayment } from "./card-payment.tsx";
import { loader as cardPayments } from "./card-payments.tsx";
import { loader as customerAccount } from "./customer-account.tsx";
import { loader as customers } from "./customers.tsx";
import { loader as devMailbox } from "./dev-mailbox.tsx";
import { loader as devMailboxAttachment } from "./dev-mailbox-attachment.ts";
import { action as login, loader as loginPage } from "./login.tsx";
import { action as logout } from "./logout.ts";
import { loader as refundApproval, action as setThreshold } from "./refund-approval.tsx";

const PASSWORD = "correct horse battery staple";
let cookie: string;
let customerId: string;

const call = backofficeCaller();

/** Loader arguments the way React Router passes them; a body is posted as it is (its own token). */
function args<T>(
  url: string,
  init: { cookie?: string; params?: Record<string, string>; body?: FormData } = {},
): T {
  const { body, ...rest } = init;
  return call<T>(url, { ...rest, ...(body ? { form: body, withoutCsrf: true } : {}) });
}

/**
 * A form with a valid CSRF token, and the cookies to send with it: the session's (signed in, the
 * token is bound to the session) or the CSRF cookie the token is bound to (signed out).
 */
function csrfForm(fields: Record<string, string>, session?: string) {
  const { token, setCookie } = csrfToken(
    new Request(BACKOFFICE_BASE, session ? { headers: { cookie: session } } : {}),
  );
  const form = new FormData();
  form.set("csrf", token);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return { form, cookie: session ?? setCookie!.split(";")[0]! };
}

async function thrown(promise: Promise<unknown>): Promise<{ status: number; location: string | null }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("location") };
    const init = (error as { init?: ResponseInit | null }).init;
    if (init?.status) return { status: init.status, location: null };
    throw error;
  }
  throw new Error("Expected the loader to throw a response");
}

beforeAll(async () => {
  const user = await createStaffUser(getDb(), {
    email: "route-test@settle.example",
    roles: ["COLLECTOR"],
    password: PASSWORD,
  });
  customerId = (await createCustomer(getDb(), { name: "Route Test GmbH" })).id;
  cookie = await staffSessionCookie(user.id);
});

describe("sign-in", () => {
  it("signs in with the right password and sets an HttpOnly session cookie", async () => {
    const { form, cookie: csrfCookie } = csrfForm({
      email: "Route-Test@settle.example",
      password: PASSWORD,
      redirectTo: "/customers?q=a",
    });
    const response = (await login(args(`/login`, { cookie: csrfCookie, body: form }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/customers?q=a");
    expect(response.headers.get("set-cookie")).toMatch(/^settle_bo_session=.+HttpOnly.*SameSite=Lax/);
  });

  it("never redirects off-site after signing in", async () => {
    const { form, cookie: csrfCookie } = csrfForm({
      email: "route-test@settle.example",
      password: PASSWORD,
      redirectTo: "//evil.example",
    });
    const response = (await login(args(`/login`, { cookie: csrfCookie, body: form }))) as Response;
    // A collector's day starts on the overview (their worklist does not exist yet).
    expect(response.headers.get("location")).toBe("/");
  });

  it("opens the page where each role's work is when the sign-in was not on its way anywhere", async () => {
    const landings: [StaffRole[], string][] = [
      [["AR_MANAGER"], "/approvals"],
      [["DISPUTE_ANALYST"], "/disputes"],
      [["COLLECTOR", "DISPUTE_ANALYST"], "/disputes"],
      [["CASH_APPLIER"], "/"],
      [["ADMIN"], "/"],
    ];
    for (const [roles, landing] of landings) {
      const email = `landing-${roles.join("-").toLowerCase()}@settle.example`;
      await createStaffUser(getDb(), { email, roles, password: PASSWORD });
      const { form, cookie: csrfCookie } = csrfForm({ email, password: PASSWORD, redirectTo: "" });
      const response = (await login(args(`/login`, { cookie: csrfCookie, body: form }))) as Response;
      expect([roles, response.headers.get("location")]).toEqual([roles, landing]);
      // Opening the sign-in page while signed in goes there too.
      const session = response.headers.get("set-cookie")!.split(";")[0]!;
      expect(await thrown(loginPage(args("/login", { cookie: session })))).toEqual({
        status: 302,
        location: landing,
      });
    }
  });

  it("answers a wrong password with the generic message", async () => {
    const { form, cookie: csrfCookie } = csrfForm({ email: "route-test@settle.example", password: "nope" });
    const result = (await login(args(`/login`, { cookie: csrfCookie, body: form }))) as unknown as {
      data: { reply: { error?: Record<string, string[]> } };
      init: ResponseInit;
    };
    expect(result.init.status).toBe(400);
    expect(result.data.reply.error).toEqual({
      "": ["That e-mail and password do not match an active account."],
    });
  });

  it("puts an invalid e-mail's error on its field, before any credentials are checked", async () => {
    const { form, cookie: csrfCookie } = csrfForm({ email: "not-an-address", password: "" });
    const result = (await login(args(`/login`, { cookie: csrfCookie, body: form }))) as unknown as {
      data: { reply: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };
      init: ResponseInit;
    };
    expect(result.init.status).toBe(400);
    expect(result.data.reply.error).toEqual({
      email: ["Enter your e-mail address."],
      password: ["Enter your password."],
    });
    expect(result.data.reply.initialValue).toMatchObject({ email: "not-an-address" });
  });

  it("refuses a form without a CSRF token", async () => {
    const form = new FormData();
    form.set("email", "route-test@settle.example");
    form.set("password", PASSWORD);
    expect((await thrown(login(args(`/login`, { body: form })))).status).toBe(403);
  });
});

describe("customer pages", () => {
  it("sends anonymous visitors to sign in, and back afterwards", async () => {
    expect(await thrown(customers(args("/customers?q=x")))).toEqual({
      status: 302,
      location: "/login?redirectTo=%2Fcustomers%3Fq%3Dx",
    });
  });

  it("lists and opens customers for a signed-in user", async () => {
    const list = await customers(args("/customers?q=Route%20Test", { cookie }));
    expect(list.rows.map((r) => r.name)).toEqual(["Route Test GmbH"]);
    const account = await customerAccount(
      args(`/customers/${customerId}`, { cookie, params: { customerId } }),
    );
    expect(account.customer.name).toBe("Route Test GmbH");
  });

  it("is a 404 for malformed and unknown ids", async () => {
    for (const id of ["not-a-uuid", "'; select 1 --", "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f"]) {
      const result = await thrown(
        customerAccount(args(`/customers/x`, { cookie, params: { customerId: id } })),
      );
      expect(result.status).toBe(404);
    }
  });

  it("shows the dev mailbox outside production", async () => {
    const mailbox = await devMailbox(args("/dev/mailbox", { cookie }));
    expect(mailbox.outbox.page).toBe(1);
  });

  it("is a 404 for attachments of unknown e-mails and for indexes an e-mail does not have", async () => {
    const { id } = await getDb().outboxEmail.create({
      data: { toAddress: "a@example.com", subject: "No attachments", textBody: "x", category: "test" },
    });
    for (const params of [
      { emailId: "not-a-uuid", index: "0" },
      { emailId: "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f", index: "0" },
      { emailId: id, index: "0" },
      { emailId: id, index: "-1" },
    ]) {
      expect(
        (await thrown(devMailboxAttachment(args("/dev/mailbox/x/attachments/0", { cookie, params })))).status,
      ).toBe(404);
    }
  });
});

describe("card payment pages", () => {
  it("list card payments for signed-in staff, keep hand-edited filters harmless, and 404 unknown ids", async () => {
    expect((await thrown(cardPayments(args("/card-payments")))).status).toBe(302);
    const list = await cardPayments(args("/card-payments?status=NOPE&page=abc", { cookie }));
    expect(list.status).toBeUndefined();
    expect(list.page).toBe(1);
    // The refund, chargeback and source filters reach the list with the status tab.
    const filtered = await cardPayments(
      args("/card-payments?status=SUCCEEDED&refund=partial&chargeback=OPEN&source=AUTOPAY&page=1", {
        cookie,
      }),
    );
    expect(filtered).toMatchObject({
      status: "SUCCEEDED",
      refund: "partial",
      chargeback: "OPEN",
      source: "AUTOPAY",
      total: 0,
    });
    // The blank choice of each filter means no filter.
    const blank = await cardPayments(args("/card-payments?refund=&chargeback=&source=", { cookie }));
    expect(blank).toMatchObject({ refund: undefined, chargeback: undefined, source: undefined });
    for (const id of ["not-a-uuid", "6f1c0d56-8a57-4c43-9a0e-3b1f1f0f0f0f"]) {
      const result = await thrown(
        cardPayment(args(`/card-payments/x`, { cookie, params: { attemptId: id } })),
      );
      expect(result.status).toBe(404);
    }
  });
});

describe("refund approval settings", () => {
  it("is a page for AR managers and admins only: others get 403 on opening it and on saving", async () => {
    expect(await thrown(refundApproval(args("/settings/refund-approval", { cookie })))).toEqual({
      status: 403,
      location: null,
    });

    const { form } = csrfForm({ currency: "USD", amount: "1" }, cookie);
    const refused = (await setThreshold(args("/settings/refund-approval", { cookie, body: form }))) as {
      init: ResponseInit | null;
      data: { reply: { error?: Record<string, string[]> } };
    };
    expect(refused.init?.status).toBe(403);
    // Worded for the page by the refusal's code, never the domain's English sentence.
    expect(refused.data.reply.error?.[""]).toEqual(["Your role does not allow this."]);

    const withoutToken = new FormData();
    withoutToken.set("currency", "USD");
    withoutToken.set("amount", "1");
    expect(
      (await thrown(setThreshold(args("/settings/refund-approval", { cookie, body: withoutToken })))).status,
    ).toBe(403);
  });
});

describe("a form through the one pipeline", () => {
  it("puts an invalid value's error on its field, keeps what was typed, and words a domain refusal for the page", async () => {
    const manager = await createStaffUser(getDb(), {
      email: "route-test-manager@settle.example",
      roles: ["AR_MANAGER"],
      password: PASSWORD,
    });
    const managerCookie = await staffSessionCookie(manager.id);
    const page = await refundApproval(args("/settings/refund-approval", { cookie: managerCookie }));
    expect(page.thresholds.map((t) => t.currency)).toEqual(expect.arrayContaining(["USD", "EUR", "BRL"]));
    const post = async (fields: Record<string, string>) => {
      const { form } = csrfForm(fields, managerCookie);
      return (await setThreshold(
        args("/settings/refund-approval", { cookie: managerCookie, body: form }),
      )) as {
        init: ResponseInit | null;
        data: {
          reply: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
          done: unknown;
        };
      };
    };
    // The schema's own rule, before any use case runs.
    const empty = await post({ currency: "USD", amount: "" });
    expect(empty.init?.status).toBe(400);
    expect(empty.data.reply.error).toEqual({ amount: ["Enter an amount."] });
    // The domain's refusal, on the field it names, in the page's words.
    const typo = await post({ currency: "usd", amount: "12,5.0" });
    expect(typo.init?.status).toBe(400);
    expect(typo.data.reply.error).toEqual({ amount: ["Enter an amount in USD, like 1,000.00."] });
    expect(typo.data.reply.initialValue).toMatchObject({ amount: "12,5.0" });
    const saved = await post({ currency: "chf", amount: "250" });
    expect(saved.init?.status ?? 200).toBe(200);
    expect(saved.data.done).toEqual({ message: "Saved: CHF refunds above the amount now need approval." });
  });
});

describe("sign-out", () => {
  it("ends the session so the cookie no longer works", async () => {
    // A token planted with the CSRF cookie (signed out, from a sibling domain) does not sign out.
    const planted = csrfForm({});
    const refused = await thrown(
      logout(args("/logout", { cookie: `${cookie}; ${planted.cookie}`, body: planted.form })),
    );
    expect(refused.status).toBe(403);
    const { form } = csrfForm({}, cookie);
    const response = (await logout(args("/logout", { cookie, body: form }))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(/settle_bo_session=;.*Max-Age=0/);
    expect((await thrown(customers(args("/customers", { cookie })))).status).toBe(302);
  });
});
