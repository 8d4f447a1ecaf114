import { randomUUID } from "node:crypto";
import { startSession } from "@settle/domain/auth/start-session";
import { getDb } from "@settle/domain/db/client";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "@settle/domain/seed/factories";
import { StripeSandboxControl } from "@settle/stripe-sandbox/control-client";
import { type RunningStripeSandbox, startStripeSandbox } from "@settle/stripe-sandbox/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfTokenFor } from "../csrf.server";
import { sessionCookieFor } from "../session.server";
import { action, loader } from "./payment-methods";
import { loader as addedLoader } from "./payment-methods-added";

const BASE = "http://127.0.0.1:3000";
const SECRET = "whsec_portal_payment_methods_tests";
let sandbox: RunningStripeSandbox;
let control: StripeSandboxControl;
let customerId: string;
let payerCookie: string;
let payerId: string;
let viewerCookie: string;

async function cookieFor(email: string, role: "PAYER" | "VIEWER") {
  const user = await createPortalUser(getDb(), { email, memberships: [{ customerId, role }] });
  if (role === "PAYER") payerId = user.id;
  const { token, expiresAt } = await startSession({ app: "PORTAL", userId: user.id });
  return sessionCookieFor(token, expiresAt).split(";")[0]!;
}

/** Route arguments as React Router passes them, with a CSRF token on forms. */
function args<T>(
  url: string,
  cookie: string,
  form?: [string, string][],
  params: Record<string, string> = {},
) {
  const headers = new Headers({ origin: BASE, "sec-fetch-site": "same-origin" });
  let body: FormData | undefined;
  let cookies = cookie;
  if (form) {
    const csrf = csrfTokenFor(new Request(BASE, { headers: { cookie } }));
    if (csrf.setCookie) cookies = `${cookie}; ${csrf.setCookie.split(";")[0]}`;
    body = new FormData();
    body.append("csrf", csrf.token);
    for (const [k, v] of form) body.append(k, v);
  }
  headers.set("cookie", cookies);
  const request = new Request(`${BASE}${url}`, { method: body ? "POST" : "GET", headers, body });
  return { request, params: { customerId, ...params }, context: { clientAddress: "127.0.0.9" } } as T;
}

/** A thrown or returned Response, or data() with its status. */
async function settle(run: Promise<unknown>) {
  let result: unknown;
  try {
    result = await run;
  } catch (error) {
    result = error;
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get("location"), data: null };
  const wrapped = result as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (wrapped?.type === "DataWithResponseInit") {
    return {
      status: wrapped.init?.status ?? 200,
      location: null,
      data: wrapped.data as Record<string, unknown>,
    };
  }
  return { status: 200, location: null, data: result as Record<string, unknown> };
}

beforeAll(async () => {
  sandbox = await startStripeSandbox({ port: 0, dataDir: null, log: false });
  control = new StripeSandboxControl(sandbox.url);
  configureStripe({ sandboxUrl: sandbox.url, webhookSecret: SECRET, maxNetworkRetries: 0 });
  const db = getDb();
  const entity = await createLegalEntity(db, { name: "Payment Methods Route Test Inc." });
  customerId = (await createCustomer(db, { legalEntityId: entity.id })).id;
  await createInvoiceForCustomer(db, customerId);
  payerCookie = await cookieFor(`payer-${randomUUID().slice(0, 6)}@route.example`, "PAYER");
  viewerCookie = await cookieFor(`viewer-${randomUUID().slice(0, 6)}@route.example`, "VIEWER");
});

afterAll(() => sandbox?.close());

const PATH = () => `/accounts/${customerId}/payment-methods`;
const post = (cookie: string, form: [string, string][]) => settle(action(args(PATH(), cookie, form)));

/** Conform's errors in an action's reply, by field ("" for the form's). */
const errorsOf = (answer: { data: Record<string, unknown> | null }) =>
  (answer.data?.reply as { error?: Record<string, string[]> } | undefined)?.error;

async function lastCode(): Promise<string> {
  const user = await getDb().portalUser.findUniqueOrThrow({ where: { id: payerId } });
  const mail = await getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: user.email, category: "portal.step-up-code" },
    orderBy: { createdAt: "desc" },
  });
  return /\b(\d{6})\b/.exec(mail.textBody)![1]!;
}

describe("payment methods page", () => {
  it("asks for a code, saves a card through Checkout, turns autopay on, and removes the card", async () => {
    const page = await settle(loader(args(PATH(), payerCookie)));
    expect(page.status).toBe(200);
    const value = page.data as { stepUpUntil: Date | null; idempotencyKey: string };
    expect(value.stepUpUntil).toBeNull();

    const refused = await post(payerCookie, [
      ["intent", "add-card"],
      ["idempotencyKey", value.idempotencyKey],
    ]);
    expect(refused.status).toBe(403);
    expect(errorsOf(refused)).toEqual({ "": ["Confirm it is you first: ask for a code below."] });

    expect(await post(payerCookie, [["intent", "send-code"]])).toMatchObject({
      status: 302,
      location: `${PATH()}?done=code-sent`,
    });
    // A code that is not six digits is the field's error; a wrong one the form's.
    const short = await post(payerCookie, [
      ["intent", "verify-code"],
      ["code", "12345"],
    ]);
    expect(short.status).toBe(400);
    expect(errorsOf(short)).toEqual({ code: ["That code is wrong or has expired. Ask for a new one."] });
    const wrong = await post(payerCookie, [
      ["intent", "verify-code"],
      ["code", (await lastCode()) === "000000" ? "111111" : "000000"],
    ]);
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong)).toEqual({ "": ["That code is wrong or has expired. Ask for a new one."] });
    // An unknown intent is refused as such, never taken for another form.
    const unknown = await post(payerCookie, [["intent", "charge-everything"]]);
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)?.[""]).toEqual(["Please check what you entered and try again."]);
    expect(
      await post(payerCookie, [
        ["intent", "verify-code"],
        ["code", await lastCode()],
      ]),
    ).toMatchObject({
      status: 302,
    });

    const started = await post(payerCookie, [
      ["intent", "add-card"],
      ["idempotencyKey", value.idempotencyKey],
    ]);
    expect(started.status).toBe(302);
    expect(started.location).toMatch(new RegExp(`^${sandbox.url}/c/pay/cs_`));
    const paid = await control.payCheckout(started.location!.split("/").pop()!, { card: "4242424242424242" });
    const back = new URL(paid.redirectUrl!);
    expect(back.pathname).toBe(`${PATH()}/added`);
    const added = await settle(addedLoader(args(`${back.pathname}${back.search}`, payerCookie)));
    expect(added).toMatchObject({ status: 302, location: `${PATH()}?done=added` });

    const after = await settle(loader(args(PATH(), payerCookie)));
    const view = (after.data as { view: { cards: { id: string; last4: string }[] } }).view;
    expect(view.cards.map((c) => c.last4)).toEqual(["4242"]);
    const cardId = view.cards[0]!.id;

    expect(
      await post(payerCookie, [
        ["intent", "enable-autopay"],
        ["cardId", cardId],
        ["currency", "USD"],
        ["timing", "DAYS_BEFORE"],
        ["daysBefore", "16"],
      ]),
    ).toMatchObject({
      status: 400,
      data: {
        reply: { error: { daysBefore: ["Check the form: days before the due date must be 0 to 15."] } },
      },
    });
    expect(
      await post(payerCookie, [
        ["intent", "enable-autopay"],
        ["cardId", cardId],
        ["currency", "USD"],
        ["timing", "DAYS_BEFORE"],
        ["daysBefore", "3"],
      ]),
    ).toMatchObject({ status: 302, location: `${PATH()}?done=autopay-on` });
    expect(
      await post(payerCookie, [
        ["intent", "remove-card"],
        ["cardId", cardId],
      ]),
    ).toMatchObject({
      status: 302,
      location: `${PATH()}?done=removed-autopay-off`,
    });
  });

  it("refuses viewers and hides other accounts", async () => {
    const page = await settle(loader(args(PATH(), viewerCookie)));
    expect(page.status).toBe(403);
    expect(page.data).toMatchObject({ code: "FORBIDDEN", reason: "payers-only" });
    expect((await post(viewerCookie, [["intent", "send-code"]])).status).toBe(403);
    expect((await post(viewerCookie, [["intent", "disable-autopay"]])).status).toBe(403);
    const other = randomUUID();
    const foreign = await settle(
      loader(args(`/accounts/${other}/payment-methods`, payerCookie, undefined, { customerId: other })),
    );
    expect(foreign.status).toBe(404);
  });
});
