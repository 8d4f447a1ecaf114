import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { createCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { outcome, type RouteCallOptions } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { action, loader } from "./card-payment.tsx";

const call = backofficeCaller();

function args<T>(url: string, init: RouteCallOptions = {}): T {
  return call<T>(url, init);
}

/** A form with a valid CSRF token (bound to the session), and the session cookie. */
function post(session: string, fields: Record<string, string>, csrf = true): RouteCallOptions {
  return { form: fields, cookie: session, withoutCsrf: !csrf };
}

const status = async (promise: Promise<unknown>) => (await outcome(promise)).status;

/** A succeeded card payment written straight to the database (no Stripe call is needed below). */
async function cardPayment() {
  const db = getDb();
  const customer = await createCustomer(db, { name: `Refund Route ${randomUUID().slice(0, 6)}` });
  const payer = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
  const pi = `pi_route_${randomUUID().replaceAll("-", "")}`;
  const item = await db.openItem.create({
    data: {
      customerId: customer.id,
      legalEntityId: customer.legalEntityId,
      kind: "PAYMENT",
      number: `CP-${randomUUID().slice(0, 8)}`,
      currency: "USD",
      amount: 50_000n,
      openAmount: 50_000n,
      documentDate: new Date(),
      paymentMethod: "CARD",
      stripePaymentIntentId: pi,
    },
  });
  const attempt = await db.paymentAttempt.create({
    data: {
      customerId: customer.id,
      currency: "USD",
      amount: 50_000n,
      status: "SUCCEEDED",
      idempotencyKey: randomUUID(),
      paymentIntentId: pi,
      paymentItemId: item.id,
      createdById: payer.id,
    },
  });
  return attempt.id;
}

/** What a refund form's action answered: status, field errors ("" for the form) and what it did. */
function answer(result: unknown) {
  const { data, init } = result as {
    data: { reply: { error?: Record<string, string[]> }; done: unknown };
    init?: ResponseInit | null;
  };
  return { status: init?.status ?? 200, errors: data.reply.error, done: data.done };
}

let cash: string;
let manager: string;
let collector: string;

beforeAll(async () => {
  // Every refund in this database waits for approval, so nothing here calls Stripe.
  await getDb().refundApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 0n } });
  cash = await signedInStaff(["CASH_APPLIER"]);
  manager = await signedInStaff(["AR_MANAGER"]);
  collector = await signedInStaff(["COLLECTOR"]);
});

const request = (key = randomUUID()) => ({
  intent: "refund-request",
  amount: "125.00",
  reason: "OVERPAYMENT",
  idempotencyKey: key,
});

describe("card payment refund actions", () => {
  it("needs a CSRF token and a role that may refund; foreign ids are 404", async () => {
    const attemptId = await cardPayment();
    const params = { attemptId };
    expect(await status(action(args("/x", { params, ...post(cash, request(), false) })))).toBe(403);
    expect(await status(action(args("/x", { params, ...post(collector, request()) })))).toBe(403);
    expect(
      await status(action(args("/x", { params: { attemptId: randomUUID() }, ...post(cash, request()) }))),
    ).toBe(404);
    expect(
      await getDb().refund.count({ where: { paymentItem: { paymentAttempt: { id: attemptId } } } }),
    ).toBe(0);

    // A refund of another payment cannot be decided through this page.
    const other = await cardPayment();
    await action(args("/x", { params: { attemptId: other }, ...post(cash, request()) }));
    const foreign = await getDb().refund.findFirstOrThrow({
      where: { paymentItem: { paymentAttempt: { id: other } } },
    });
    expect(
      await status(
        action(
          args("/x", {
            params,
            ...post(manager, { intent: "refund-reject", refundId: foreign.id, note: "x" }),
          }),
        ),
      ),
    ).toBe(404);
  });

  it("requests, refuses self-approval, rejects with a note; the page shows it", async () => {
    const attemptId = await cardPayment();
    const params = { attemptId };
    const key = randomUUID();
    const first = await action(args("/x", { params, ...post(cash, request(key)) }));
    expect(answer(first)).toMatchObject({
      status: 200,
      done: { message: "Refund requested. The refund waits for a second staff member's approval." },
    });
    // The same form again: still one request.
    await action(args("/x", { params, ...post(cash, request(key)) }));
    const page = await loader(args("/x", { params, cookie: cash }));
    expect(page.refunds).toHaveLength(1);
    const refund = page.refunds[0]!;
    expect(refund).toMatchObject({
      status: "PENDING_APPROVAL",
      amount: 12_500n,
      can: { decide: false, sendAgain: false },
    });
    expect(page.refundable).toBe(50_000n - 12_500n);

    // Over the refundable amount: an error on the amount, in the page's words, not a crash.
    const tooMuch = { ...request(), amount: "400.00" };
    const refused = answer(await action(args("/x", { params, ...post(cash, tooMuch) })));
    expect(refused.status).toBe(400);
    expect(refused.errors).toEqual({
      amount: ["At most 375.00 USD of this payment can still be refunded."],
    });
    // The requester cannot decide (no approver role); an approver's own request neither.
    expect(
      await status(
        action(args("/x", { params, ...post(cash, { intent: "refund-approve", refundId: refund.id }) })),
      ),
    ).toBe(403);
    const own = await action(args("/x", { params, ...post(manager, request()) }));
    expect(answer(own).done).toBeTruthy();
    const mine = (await loader(args("/x", { params, cookie: manager }))).refunds.find(
      (r) => r.id !== refund.id,
    )!;
    expect(mine.can.decide).toBe(false);
    expect(
      await status(
        action(args("/x", { params, ...post(manager, { intent: "refund-approve", refundId: mine.id }) })),
      ),
    ).toBe(403);

    expect(
      (await loader(args("/x", { params, cookie: manager }))).refunds.find((r) => r.id === refund.id)?.can
        .decide,
    ).toBe(true);
    expect(
      await status(
        action(args("/x", { params, ...post(manager, { intent: "refund-reject", refundId: refund.id }) })),
      ),
    ).toBe(400);
    const rejected = await action(
      args("/x", {
        params,
        ...post(manager, { intent: "refund-reject", refundId: refund.id, note: "Keep as credit" }),
      }),
    );
    expect(answer(rejected).done).toEqual({ message: "Rejected. The refund was rejected." });
    const after = await loader(args("/x", { params, cookie: cash }));
    expect(after.refunds.find((r) => r.id === refund.id)).toMatchObject({
      status: "REJECTED",
      decisionNote: "Keep as credit",
    });
  });

  it("answers an unknown intent with a 400, and puts invalid values' errors on their fields", async () => {
    const attemptId = await cardPayment();
    const params = { attemptId };
    const unknown = answer(
      await action(args("/x", { params, ...post(cash, { intent: "refund-everything" }) })),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[""]).toEqual(["This form does not do that. Reload the page and try again."]);

    const empty = answer(await action(args("/x", { params, ...post(cash, { ...request(), amount: "" }) })));
    expect(empty).toMatchObject({ status: 400, errors: { amount: ["Enter an amount."] } });
    const other = answer(
      await action(args("/x", { params, ...post(cash, { ...request(), reason: "OTHER" }) })),
    );
    expect(other).toMatchObject({ status: 400, errors: { note: ["Say why when the reason is Other."] } });
    const typo = answer(
      await action(args("/x", { params, ...post(cash, { ...request(), amount: "12,50" }) })),
    );
    expect(typo).toMatchObject({
      status: 400,
      errors: { amount: ["Enter an amount in USD, like 1,000.00."] },
    });
    expect(
      await getDb().refund.count({ where: { paymentItem: { paymentAttempt: { id: attemptId } } } }),
    ).toBe(0);
  });
});
