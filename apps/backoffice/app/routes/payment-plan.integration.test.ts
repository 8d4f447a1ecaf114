import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { planOverInvoices } from "@settle/domain/plans/plan-fixtures.test-support";
import { createCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { action, loader } from "./payment-plan.tsx";

let customerId: string;
let planId: string;
let label: string;
const call = backofficeCaller(() => ({ customerId, planId }));
const url = () => `/customers/${customerId}/payment-plans/${planId}`;

type Page = {
  plan: {
    id: string;
    label: string;
    status: string;
    customer: { id: string };
    schedule: { status: string }[];
    acceptance: { name: string; hashMatches: boolean } | null;
    trail: { action: string }[];
    can: { cancel: boolean };
  };
};
type Answer = { reply: { error?: Record<string, string[] | null> }; done: { message: string } | null };

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Plan Page Ltd" })).id;
  const { plan } = await planOverInvoices(customerId);
  planId = plan.id;
  label = plan.label;
});

describe("the back office's payment plan page", () => {
  it("shows the plan to any staff member, with the cancel form only for those who may cancel", async () => {
    const collector = await signedInStaff(["COLLECTOR"]);
    const page = await outcome<Page>(loader(call(url(), { cookie: collector })));
    expect(page.status).toBe(200);
    expect(page.data?.plan).toMatchObject({
      id: planId,
      label,
      status: "ACCEPTED",
      customer: { id: customerId },
      acceptance: { name: "Pat Payable", hashMatches: true },
      can: { cancel: true },
    });
    expect(page.data?.plan.schedule.map((i) => i.status)).toEqual(["DUE", "DUE", "DUE"]);
    expect(page.data?.plan.trail.map((e) => e.action)).toEqual([
      "payment-plan.accept",
      "payment-plan.propose",
    ]);

    const applier = await signedInStaff(["CASH_APPLIER"]);
    const read = await outcome<Page>(loader(call(url(), { cookie: applier })));
    expect(read.data?.plan.can.cancel).toBe(false);
    const refused = await outcome<Answer>(
      action(call(url(), { cookie: applier, form: { customerId, planId, reason: "Not mine to cancel." } })),
    );
    expect(refused.status).toBe(403);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("ACCEPTED");
  });

  it("is a 404 for another account's plan and an unknown one, and a sign-in for no session", async () => {
    const cookie = await signedInStaff(["COLLECTOR"]);
    const other = (await createCustomer(getDb(), { name: "Other Page Ltd" })).id;
    expect((await outcome(loader(call(url(), { cookie, params: { customerId: other } })))).status).toBe(404);
    expect((await outcome(loader(call(url(), { cookie, params: { planId: randomUUID() } })))).status).toBe(
      404,
    );
    expect((await outcome(loader(call(url(), { cookie, params: { planId: "PP-1" } })))).status).toBe(404);
    const form = { customerId: other, planId, reason: "Wrong account." };
    expect((await outcome(action(call(url(), { cookie, form, params: { customerId: other } })))).status).toBe(
      404,
    );
    expect((await outcome(loader(call(url())))).status).toBe(302);
  });

  it("cancels the plan with a reason: refused without one or without a CSRF token, then done once", async () => {
    const cookie = await signedInStaff(["AR_MANAGER"]);
    const blank = await outcome<Answer>(
      action(call(url(), { cookie, form: { customerId, planId, reason: "  " } })),
    );
    expect(blank.status).toBe(400);
    expect(blank.data?.reply.error?.reason).toEqual(["Say why the plan is cancelled."]);
    const form = { customerId, planId, reason: "The customer paid in full by transfer." };
    expect((await outcome(action(call(url(), { cookie, form, withoutCsrf: true })))).status).toBe(403);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("ACCEPTED");

    const done = await outcome<Answer>(action(call(url(), { cookie, form })));
    expect(done.status).toBe(200);
    expect(done.data?.done?.message).toBe(`${label} cancelled`);
    const page = await outcome<Page>(loader(call(url(), { cookie })));
    expect(page.data?.plan).toMatchObject({ status: "CANCELLED", can: { cancel: false } });
    expect(page.data?.plan.trail[0]?.action).toBe("payment-plan.cancel");

    // Another reason on the cancelled plan is refused in words; the same one again is a replay.
    const again = await outcome<Answer>(
      action(call(url(), { cookie, form: { ...form, reason: "Changed my mind." } })),
    );
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.data?.reply.error)).toContain(`${label} was cancelled already.`);
    expect((await outcome<Answer>(action(call(url(), { cookie, form })))).status).toBe(200);
  });
});
