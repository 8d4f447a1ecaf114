import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, PortalRole, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "../seed/factories.ts";
import { expirePaymentPlans } from "./expire-payment-plans.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { respondToPaymentPlan } from "./respond-to-payment-plan.ts";

const collector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };
const now = new Date("2027-05-03T09:00:00Z");
const client = { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (plan test)" };

let customerId: string;
let payer: PortalActor;
let viewer: PortalActor;
let stranger: PortalActor;

async function member(role: PortalRole, customer = customerId): Promise<PortalActor> {
  const user = await createPortalUser(getDb(), {
    email: `plan-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId: customer, role }],
  });
  return { kind: "portal", userId: user.id, memberships: [{ customerId: customer, role }] };
}

/** A fresh offer on a fresh invoice of the account, expiring on `expiresOn`. */
async function offered(expiresOn = "2027-05-10") {
  const invoice = await createInvoiceForCustomer(getDb(), customerId);
  const plan = await proposePaymentPlan(
    {
      customerId,
      invoiceIds: [invoice.id],
      instalments: 2,
      frequency: "MONTHLY",
      firstDate: "2027-05-15",
      expiresOn,
      idempotencyKey: `plan-${randomUUID()}`,
    },
    collector,
    { now },
  );
  return { plan, invoice };
}

async function refusal(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.details?.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Plan Answers Ltd" })).id;
  payer = await member("PAYER");
  viewer = await member("VIEWER");
  stranger = await member("PAYER", (await createCustomer(getDb(), { name: "Stranger Co" })).id);
});

describe("a customer answers an offered plan", () => {
  it("accepts with a typed name, recording who, when, from where and which terms; once", async () => {
    const { plan } = await offered();
    const answer = {
      answer: "accept" as const,
      customerId,
      planId: plan.id,
      name: "Pat Payable",
      confirm: "yes" as const,
      termsHash: plan.termsHash,
      payBy: "PORTAL" as const,
    };
    expect(await respondToPaymentPlan(answer, payer, { now, client })).toMatchObject({
      status: "ACCEPTED",
      payBy: "PORTAL",
      replayed: false,
    });
    const stored = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored).toMatchObject({
      status: "ACCEPTED",
      acceptedByPortalUserId: payer.userId,
      acceptedName: "Pat Payable",
      acceptedClient: client.ip,
      acceptedUserAgent: client.userAgent,
      acceptedTermsHash: plan.termsHash,
      payBy: "PORTAL",
    });
    expect(stored.respondedAt?.toISOString()).toBe(now.toISOString());
    // The same acceptance again: nothing new; a different answer now: refused.
    expect(await respondToPaymentPlan(answer, payer, { now, client })).toMatchObject({ replayed: true });
    expect(
      await refusal(respondToPaymentPlan({ answer: "decline", customerId, planId: plan.id }, payer, { now })),
    ).toEqual({ code: "INVALID_STATE", reason: "plan-answered" });
    expect(
      await getDb().auditEvent.count({ where: { entityId: plan.id, action: "payment-plan.accept" } }),
    ).toBe(1);
  });

  it("refuses other terms, viewers, other accounts, autopay without a card, and a missing signature", async () => {
    const { plan } = await offered();
    const accept = {
      answer: "accept" as const,
      customerId,
      planId: plan.id,
      name: "Pat Payable",
      confirm: "yes" as const,
      termsHash: plan.termsHash,
      payBy: "PORTAL" as const,
    };
    expect(
      await refusal(respondToPaymentPlan({ ...accept, termsHash: "0".repeat(64) }, payer, { now })),
    ).toEqual({
      code: "CONFLICT",
      reason: "plan-terms-changed",
    });
    expect(await refusal(respondToPaymentPlan(accept, viewer, { now }))).toEqual({
      code: "FORBIDDEN",
      reason: "payers-only",
    });
    expect((await refusal(respondToPaymentPlan(accept, stranger, { now }))).code).toBe("NOT_FOUND");
    expect(
      (await refusal(respondToPaymentPlan({ ...accept, planId: randomUUID() }, payer, { now }))).code,
    ).toBe("NOT_FOUND");
    expect(await refusal(respondToPaymentPlan({ ...accept, payBy: "AUTOPAY" }, payer, { now }))).toEqual({
      code: "VALIDATION",
      reason: "plan-no-saved-card",
    });
    expect((await refusal(respondToPaymentPlan({ ...accept, name: "" }, payer, { now }))).reason).toBe(
      "invalid",
    );
    expect(
      (await refusal(respondToPaymentPlan({ ...accept, confirm: "no" as "yes" }, payer, { now }))).reason,
    ).toBe("invalid");
    expect(
      (await refusal(respondToPaymentPlan({ ...accept, answer: "sign" as "accept" }, payer, { now }))).reason,
    ).toBe("unknown-intent");
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("PROPOSED");
  });

  it("a decline or a request for changes frees the invoices for another offer", async () => {
    const declined = await offered();
    await respondToPaymentPlan(
      {
        answer: "request-changes",
        customerId,
        planId: declined.plan.id,
        message: "Four instalments, please.",
      },
      payer,
      { now },
    );
    const stored = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: declined.plan.id } });
    expect(stored).toMatchObject({
      status: "CHANGES_REQUESTED",
      customerMessage: "Four instalments, please.",
    });
    // The same invoice can be offered again at once.
    const again = await proposePaymentPlan(
      {
        customerId,
        invoiceIds: [declined.invoice.id],
        instalments: 4,
        frequency: "MONTHLY",
        firstDate: "2027-05-15",
        expiresOn: "2027-05-10",
        idempotencyKey: `plan-${randomUUID()}`,
      },
      collector,
      { now },
    );
    expect(again.schedule).toHaveLength(4);
  });

  it("an offer not accepted by its expiry day expires once, and cannot be accepted after", async () => {
    const { plan } = await offered("2027-05-04");
    expect(await expirePaymentPlans({ now: new Date("2027-05-04T23:00:00Z") })).toEqual({ expired: 0 });
    const later = new Date("2027-05-05T08:00:00Z");
    // Accepting on the day after the expiry is refused even before the job ran.
    expect(
      await refusal(
        respondToPaymentPlan(
          {
            answer: "accept",
            customerId,
            planId: plan.id,
            name: "Pat Payable",
            confirm: "yes",
            termsHash: plan.termsHash,
            payBy: "PORTAL",
          },
          payer,
          { now: later },
        ),
      ),
    ).toEqual({ code: "INVALID_STATE", reason: "plan-expired" });
    const first = await expirePaymentPlans({ now: later });
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("EXPIRED");
    expect(await expirePaymentPlans({ now: later })).toEqual({ expired: 0 });
    expect(
      await getDb().auditEvent.count({ where: { entityId: plan.id, action: "payment-plan.expire" } }),
    ).toBe(1);
  });
});
