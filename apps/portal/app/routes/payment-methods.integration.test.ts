import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { useStripeSandbox as sandboxForThisFile } from "@settle/domain/payments/stripe-test-setup.test-support";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import {
  portalCaller,
  type SignedInPayingCustomer,
  signedInMember,
  signedInPayingCustomer,
} from "../route-test.test-support";
import { action, loader } from "./payment-methods";
import { loader as addedLoader } from "./payment-methods-added";

// (Not a React hook: it starts the sandbox for this file's tests.)
const stripeSandbox = sandboxForThisFile({ secret: "whsec_portal_payment_methods_tests" });
let account: SignedInPayingCustomer;
let customerId: string;
let payerCookie: string;
let viewerCookie: string;
const call = portalCaller(() => ({ customerId }));

beforeAll(async () => {
  account = await signedInPayingCustomer("Payment Methods Route Test Inc.", { invoices: 1 });
  ({ customerId, payerCookie } = account);
  viewerCookie = (await signedInMember(customerId, "VIEWER")).cookie;
});

const PATH = () => `/accounts/${customerId}/payment-methods`;
const post = (cookie: string, form: [string, string][]) => outcome(action(call(PATH(), { cookie, form })));

/** Conform's errors in an action's reply, by field ("" for the form's). */
const errorsOf = (answer: { data: Record<string, unknown> | null }) =>
  (answer.data?.reply as { error?: Record<string, string[]> } | undefined)?.error;

async function lastCode(): Promise<string> {
  const mail = await getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: account.email, category: "portal.step-up-code" },
    orderBy: { createdAt: "desc" },
  });
  return /\b(\d{6})\b/.exec(mail.textBody)![1]!;
}

describe("payment methods page", () => {
  it("asks for a code, saves a card through Checkout, turns autopay on, and removes the card", async () => {
    const page = await outcome(loader(call(PATH(), { cookie: payerCookie })));
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
    expect(started.location).toMatch(new RegExp(`^${stripeSandbox.server.url}/c/pay/cs_`));
    const paid = await stripeSandbox.control.payCheckout(started.location!.split("/").pop()!, {
      card: "4242424242424242",
    });
    const back = new URL(paid.redirectUrl!);
    expect(back.pathname).toBe(`${PATH()}/added`);
    const added = await outcome(addedLoader(call(`${back.pathname}${back.search}`, { cookie: payerCookie })));
    expect(added).toMatchObject({ status: 302, location: `${PATH()}?done=added` });

    const after = await outcome(loader(call(PATH(), { cookie: payerCookie })));
    const view = (after.data as { view: { cards: { id: string; last4: string }[] } }).view;
    expect(view.cards.map((c) => c.last4)).toEqual(["4242"]);
    const cardId = view.cards[0]!.id;
    const autopay = (daysBefore: string): [string, string][] => [
      ["intent", "enable-autopay"],
      ["cardId", cardId],
      ["currency", "USD"],
      ["timing", "DAYS_BEFORE"],
      ["daysBefore", daysBefore],
    ];

    expect(await post(payerCookie, autopay("16"))).toMatchObject({
      status: 400,
      data: {
        reply: { error: { daysBefore: ["Check the form: days before the due date must be 0 to 15."] } },
      },
    });
    expect(await post(payerCookie, autopay("3"))).toMatchObject({
      status: 302,
      location: `${PATH()}?done=autopay-on`,
    });
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
    const page = await outcome(loader(call(PATH(), { cookie: viewerCookie })));
    expect(page.status).toBe(403);
    expect(page.data).toMatchObject({ code: "FORBIDDEN", reason: "payers-only" });
    expect((await post(viewerCookie, [["intent", "send-code"]])).status).toBe(403);
    expect((await post(viewerCookie, [["intent", "disable-autopay"]])).status).toBe(403);
    const other = randomUUID();
    const foreign = await outcome(
      loader(
        call(`/accounts/${other}/payment-methods`, { cookie: payerCookie, params: { customerId: other } }),
      ),
    );
    expect(foreign.status).toBe(404);
  });
});
