import { randomUUID } from "node:crypto";
import { addDays, isoDate } from "@settle/domain/base/dates";
import { getDb } from "@settle/domain/db/client";
import type { PlanRequestForm } from "@settle/domain/plans/request-payment-plan";
import { createCustomer, createInvoiceForCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { portalCaller, signedInMember } from "../route-test.test-support";
import { action, loader } from "./payment-plan-request";

type Answer = { reply: { error?: Record<string, string[]> }; done: { label: string; why: string } | null };

let customerId: string;
let payerCookie: string;
let viewerCookie: string;
let strangerCookie: string;
const call = portalCaller(() => ({ customerId }));
const today = new Date(`${isoDate(new Date())}T00:00:00Z`);
const path = () => `/accounts/${customerId}/payment-plans/request`;

/** An invoice of 1,000.00 (USD, the default entity's currency) overdue for a month. */
async function overdue() {
  return createInvoiceForCustomer(getDb(), customerId, {
    documentDate: addDays(today, -60),
    dueDate: addDays(today, -30),
    lines: [{ description: "Services", quantityMilli: 1000n, unitPrice: 1_000_00n, taxRateBp: 0 }],
  });
}

const ask = (invoiceId: string, extra: Record<string, string> = {}): Record<string, string | string[]> => ({
  invoiceIds: [invoiceId],
  downPayment: "200.00",
  instalments: "2",
  frequency: "MONTHLY",
  firstDate: isoDate(addDays(today, 7)),
  reason: "Our own customer pays late.",
  idempotencyKey: `plan-request-${randomUUID()}`,
  ...extra,
});

function post(cookie: string, form: Record<string, string | string[]>) {
  const fields = Object.entries(form).flatMap(([k, v]): [string, string][] =>
    Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
  );
  return outcome<Answer>(action(call(path(), { cookie, form: fields })));
}

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Plan Request Ltd", riskClass: "LOW" })).id;
  payerCookie = (await signedInMember(customerId, "PAYER")).cookie;
  viewerCookie = (await signedInMember(customerId, "VIEWER")).cookie;
  const other = (await createCustomer(getDb(), { name: "Plan Request Stranger" })).id;
  strangerCookie = (await signedInMember(other, "PAYER")).cookie;
});

describe("the portal's request for a payment plan", () => {
  it("within the self-service policy sends the payer straight to the offer", async () => {
    const invoice = await overdue();
    const page = await outcome<{ form: PlanRequestForm }>(loader(call(path(), { cookie: payerCookie })));
    expect(page.status).toBe(200);
    expect(page.data?.form.invoices.map((i) => i.id)).toContain(invoice.id);
    expect(page.data?.form.can.request).toBe(true);

    const posted = await post(payerCookie, ask(invoice.id));
    expect(posted.status).toBe(302);
    const plan = await getDb().paymentPlan.findFirstOrThrow({
      where: { customerId, invoices: { some: { itemId: invoice.id } } },
    });
    expect(plan.status).toBe("PROPOSED");
    expect(posted.location).toBe(`/accounts/${customerId}/payment-plans/${plan.id}`);
  });

  it("outside it says which rule sent it to the collector", async () => {
    const invoice = await overdue();
    const posted = await post(payerCookie, ask(invoice.id, { instalments: "12" }));
    expect(posted.status).toBe(200);
    expect(posted.data?.done?.why).toBe("Plans of more than 6 instalments are arranged with your collector.");
    const plan = await getDb().paymentPlan.findFirstOrThrow({
      where: { customerId, invoices: { some: { itemId: invoice.id } } },
    });
    expect(plan.status).toBe("REQUESTED");
    expect(await getDb().collectorTask.count({ where: { planId: plan.id, kind: "PLAN_REQUEST" } })).toBe(1);
  });

  it("answers a missing reason with 400 on its field, in words", async () => {
    const invoice = await overdue();
    const posted = await post(payerCookie, ask(invoice.id, { reason: "" }));
    expect(posted.status).toBe(400);
    expect(posted.data?.reply.error?.reason).toEqual(["Say why you need a plan."]);
  });

  it("lets a viewer read the page but not ask; another account's member gets 404", async () => {
    const invoice = await overdue();
    const page = await outcome<{ form: PlanRequestForm }>(loader(call(path(), { cookie: viewerCookie })));
    expect(page.data?.form.can.request).toBe(false);
    expect((await post(viewerCookie, ask(invoice.id))).status).toBe(403);
    expect((await outcome(loader(call(path(), { cookie: strangerCookie })))).status).toBe(404);
    expect((await post(strangerCookie, ask(invoice.id))).status).toBe(404);
    expect(await getDb().paymentPlan.count({ where: { invoices: { some: { itemId: invoice.id } } } })).toBe(
      0,
    );
  });
});
