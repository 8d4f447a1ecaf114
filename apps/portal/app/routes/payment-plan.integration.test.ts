import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { useStripeSandbox as sandboxForThisFile } from "@settle/domain/payments/stripe-test-setup.test-support";
import type { PaymentPlanOffer } from "@settle/domain/plans/get-payment-plan";
import { proposePaymentPlan } from "@settle/domain/plans/propose-payment-plan";
import { createStaffActor } from "@settle/domain/seed/actors.test-support";
import { createCustomer, createInvoiceForCustomer } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "../i18n/i18n.server";
import { portalCaller, signedInMember } from "../route-test.test-support";
import { action, loader } from "./payment-plan";
import { loader as agreementPdf } from "./payment-plan-agreement-pdf";

// (Not a React hook: it starts the Stripe sandbox for this file's tests; no webhooks reach them.)
const stripeSandbox = sandboxForThisFile({ secret: "whsec_portal_plan_route" });

type Answer = { reply: { error?: Record<string, string[]> }; done: { status: string } | null };

let customerId: string;
let payerCookie: string;
let viewerCookie: string;
let strangerCookie: string;
const call = portalCaller(() => ({ customerId }));

/** A plan offered to the account now, open for a week. */
async function offered(customer = customerId) {
  const collector = await createStaffActor(["COLLECTOR"]);
  const invoice = await createInvoiceForCustomer(getDb(), customer);
  const today = new Date();
  const day = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return proposePaymentPlan(
    {
      customerId: customer,
      invoiceIds: [invoice.id],
      instalments: 2,
      frequency: "MONTHLY",
      firstDate: day(14),
      expiresOn: day(7),
      idempotencyKey: `route-plan-${randomUUID()}`,
    },
    collector,
  );
}

const path = (planId: string, customer = customerId) => `/accounts/${customer}/payment-plans/${planId}`;

function post(planId: string, cookie: string, form: Record<string, string>, headers?: string) {
  return outcome<Answer>(
    action(
      call(path(planId), { cookie: headers ? `${cookie}; ${headers}` : cookie, params: { planId }, form }),
    ),
  );
}

const accept = (termsHash: string) => ({
  answer: "accept",
  name: "Pat Payable",
  confirm: "yes",
  termsHash,
  payBy: "PORTAL",
});

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Plan Route Ltd" })).id;
  payerCookie = (await signedInMember(customerId, "PAYER")).cookie;
  viewerCookie = (await signedInMember(customerId, "VIEWER")).cookie;
  const other = (await createCustomer(getDb(), { name: "Plan Route Stranger" })).id;
  strangerCookie = (await signedInMember(other, "PAYER")).cookie;
});

describe("the portal's payment plan offer page", () => {
  it("shows a payer the offer to answer, and records an acceptance with the typed name", async () => {
    const plan = await offered();
    const page = await outcome<{ offer: PaymentPlanOffer }>(
      loader(call(path(plan.id), { cookie: payerCookie, params: { planId: plan.id } })),
    );
    expect(page.status).toBe(200);
    expect(page.data?.offer).toMatchObject({
      status: "PROPOSED",
      termsHash: plan.termsHash,
      can: { answer: true },
    });

    const answered = await post(plan.id, payerCookie, accept(plan.termsHash));
    expect(answered.status).toBe(200);
    expect(answered.data?.done).toEqual({ status: "ACCEPTED" });
    const row = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row).toMatchObject({
      status: "ACCEPTED",
      acceptedName: "Pat Payable",
      acceptedTermsHash: plan.termsHash,
      acceptedClient: "127.0.0.9",
      payBy: "PORTAL",
    });
    const after = await outcome<{ offer: PaymentPlanOffer }>(
      loader(call(path(plan.id), { cookie: payerCookie, params: { planId: plan.id } })),
    );
    expect(after.data?.offer).toMatchObject({
      can: { answer: false },
      answer: { acceptedName: "Pat Payable" },
    });
  });

  it("refuses terms that are not the offer's with a 409 in the payer's language, and keeps the offer open", async () => {
    const plan = await offered();
    const spanish = (await localeCookie.serialize("es")).split(";")[0]!;
    const refused = await post(plan.id, payerCookie, accept("0".repeat(64)), spanish);
    expect(refused.status).toBe(409);
    expect(refused.data?.reply.error?.[""]?.[0]).toMatch(/^Las condiciones de PP-\d+ cambiaron/);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("PROPOSED");
  });

  it("lets a viewer read the offer but not answer it (403)", async () => {
    const plan = await offered();
    const page = await outcome<{ offer: PaymentPlanOffer }>(
      loader(call(path(plan.id), { cookie: viewerCookie, params: { planId: plan.id } })),
    );
    expect(page.status).toBe(200);
    expect(page.data?.offer.can.answer).toBe(false);
    const refused = await post(plan.id, viewerCookie, { answer: "decline" });
    expect(refused.status).toBe(403);
    expect(refused.data?.reply.error?.[""]).toEqual([
      "Only the account's payers and administrators can answer an offer.",
    ]);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("PROPOSED");
  });

  it("is a 404 for another account's plan, read or answered", async () => {
    const plan = await offered();
    const read = await outcome(
      loader(call(path(plan.id), { cookie: strangerCookie, params: { planId: plan.id } })),
    );
    expect(read.status).toBe(404);
    const answered = await post(plan.id, strangerCookie, accept(plan.termsHash));
    expect(answered.status).toBe(404);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("PROPOSED");
  });

  it("answers an unknown intent with a 400 and changes nothing; asking for changes needs a message", async () => {
    const plan = await offered();
    const unknown = await post(plan.id, payerCookie, { answer: "counter-offer" });
    expect(unknown.status).toBe(400);
    expect(unknown.data?.reply.error?.answer).toEqual(["Please check what you entered and try again."]);
    const silent = await post(plan.id, payerCookie, { answer: "request-changes", message: "" });
    expect(silent.status).toBe(400);
    expect(silent.data?.reply.error?.message).toEqual(["Say what you would like changed."]);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("PROPOSED");
  });

  it("downloads the agreement PDF for the account's members, and 404s it for anyone else", async () => {
    const plan = await offered();
    const params = { planId: plan.id };
    const pdf = await outcome(
      agreementPdf(call(`${path(plan.id)}/agreement.pdf`, { cookie: viewerCookie, params })),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(`payment-plan-${plan.label}.pdf`);
    expect(
      (
        await outcome(
          agreementPdf(call(`${path(plan.id)}/agreement.pdf`, { cookie: strangerCookie, params })),
        )
      ).status,
    ).toBe(404);
  });
});

describe("the portal's page of an accepted payment plan", () => {
  type Page = { offer: PaymentPlanOffer; idempotencyKey: string };
  const read = (planId: string, cookie: string) =>
    outcome<Page>(loader(call(path(planId), { cookie, params: { planId } })));
  const payNow = (planId: string, cookie: string, idempotencyKey: string, headers?: string) =>
    post(planId, cookie, { intent: "pay", idempotencyKey }, headers);

  /** An offer the payer accepted on the page, to pay from the portal. */
  async function accepted() {
    const plan = await offered();
    expect((await post(plan.id, payerCookie, accept(plan.termsHash))).status).toBe(200);
    const instalments = await getDb().paymentPlanInstalment.findMany({
      where: { planId: plan.id },
      orderBy: { sequence: "asc" },
    });
    return { plan, instalments };
  }

  it("shows the running plan and takes a payer to Stripe for the next instalment, once per form", async () => {
    const { plan, instalments } = await accepted();
    const page = await read(plan.id, payerCookie);
    expect(page.status).toBe(200);
    expect(page.data?.offer).toMatchObject({
      status: "ACCEPTED",
      running: {
        instalments: 2,
        paidInstalments: 0,
        paid: 0n,
        dueNow: instalments[0]!.amount,
        ahead: true,
        payBy: "PORTAL",
        next: { sequence: 1, amount: instalments[0]!.amount },
      },
      can: { answer: false, pay: true },
    });
    expect(page.data?.offer.schedule.map((p) => p.state)).toEqual(["upcoming", "upcoming"]);
    const key = page.data!.idempotencyKey;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    const paying = await payNow(plan.id, payerCookie, key);
    expect(paying.status).toBe(302);
    expect(paying.location).toMatch(new RegExp(`^${stripeSandbox.server.url}/c/pay/cs_`));
    const again = await payNow(plan.id, payerCookie, key);
    expect(again.location).toBe(paying.location);
    const attempts = await getDb().paymentAttempt.findMany({ where: { idempotencyKey: key } });
    expect(attempts.map((a) => a.amount)).toEqual([instalments[0]!.amount]);
  });

  it("refuses a viewer in words (403) and another account's payer with a 404", async () => {
    const { plan } = await accepted();
    const attempts = await getDb().paymentAttempt.count({ where: { customerId } });
    const page = await read(plan.id, viewerCookie);
    expect(page.status).toBe(200);
    expect(page.data?.offer.can.pay).toBe(false);
    const refused = await payNow(plan.id, viewerCookie, randomUUID());
    expect(refused.status).toBe(403);
    expect(refused.data?.reply.error?.[""]).toEqual([
      "Only the account's payers and administrators can pay this plan. Ask an administrator for the payer role.",
    ]);
    expect((await payNow(plan.id, strangerCookie, randomUUID())).status).toBe(404);
    expect((await read(plan.id, strangerCookie)).status).toBe(404);
    expect(await getDb().paymentAttempt.count({ where: { customerId } })).toBe(attempts);
  });

  it("says in the payer's language when nothing is due, and asks for a fresh page without a form key", async () => {
    const { plan } = await accepted();
    const attempts = await getDb().paymentAttempt.count({ where: { customerId } });
    await getDb().paymentPlanInstalment.updateMany({ where: { planId: plan.id }, data: { status: "PAID" } });
    expect((await read(plan.id, payerCookie)).data?.offer.can.pay).toBe(false);
    const spanish = (await localeCookie.serialize("es")).split(";")[0]!;
    const nothing = await payNow(plan.id, payerCookie, randomUUID(), spanish);
    expect(nothing.status).toBe(409);
    expect(nothing.data?.reply.error?.[""]).toEqual([
      `No hay nada por pagar en ${plan.label} en este momento.`,
    ]);
    const keyless = await post(plan.id, payerCookie, { intent: "pay" });
    expect(keyless.status).toBe(400);
    expect(await getDb().paymentAttempt.count({ where: { customerId } })).toBe(attempts);
  });
});
