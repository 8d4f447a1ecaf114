import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import type { RiskClass } from "../db/generated/enums.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import { DomainError } from "../errors.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createCustomer, createInvoiceForCustomer, createLegalEntity } from "../seed/factories.ts";
import { acceptOffer } from "./plan-fixtures.test-support.ts";
import type { RequestPaymentPlanInput } from "./plan-forms.ts";
import { updatePlanPolicy } from "./plan-policy.ts";
import type { UpdatePlanPolicyInput } from "./plan-policy-forms.ts";
import { getPlanProposalForm } from "./plan-proposal-form.ts";
import { declinePlanRequest, getPlanRequestDraft, listPlanRequests } from "./plan-requests.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { getPlanRequestForm, requestPaymentPlan } from "./request-payment-plan.ts";

const now = new Date("2027-03-10T15:00:00Z");
let manager: StaffActor;
let collector: StaffActor;
let entityId: string;

/** EUR, 1.5 % fee; self-service up to 10,000.00 in at most 6 instalments with 10 % down, LOW and MEDIUM. */
const policy: Omit<UpdatePlanPolicyInput, "legalEntityId"> = {
  feeBps: 150,
  graceDays: 5,
  reminderDays: 7,
  missesToDefault: 2,
  selfServiceEnabled: true,
  selfServiceMaxTotal: "10000.00",
  selfServiceMaxInstalments: 6,
  selfServiceMinDownBps: 1000,
  selfServiceRiskClasses: ["LOW", "MEDIUM"],
};

/** A customer of the entity with its collector, and a payer. */
async function account(riskClass: RiskClass = "MEDIUM", legalEntityId = entityId) {
  const customer = await createCustomer(getDb(), { legalEntityId, riskClass, collectorId: collector.userId });
  return { customerId: customer.id, payer: await portalUser(customer.id, "PAYER") };
}

/** An invoice of one line, due on 2026-12-01 (overdue on the test's day) unless said otherwise. */
async function invoice(customerId: string, amount: bigint, dueDate = new Date("2026-12-01T00:00:00Z")) {
  return createInvoiceForCustomer(getDb(), customerId, {
    documentDate: new Date("2026-11-01T00:00:00Z"),
    dueDate,
    lines: [{ description: "Services", quantityMilli: 1000n, unitPrice: amount, taxRateBp: 0 }],
  });
}

const ask = (
  customerId: string,
  invoiceIds: string[],
  extra: Partial<RequestPaymentPlanInput> = {},
): RequestPaymentPlanInput => ({
  customerId,
  invoiceIds,
  downPayment: "1,000.00",
  instalments: 3,
  frequency: "MONTHLY",
  firstDate: "2027-03-15",
  reason: "A large customer of ours pays late this quarter.",
  idempotencyKey: `request-${randomUUID()}`,
  ...extra,
});

async function refusal(run: Promise<unknown>): Promise<{ code: string; reason: unknown }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.details?.reason };
    throw error;
  }
  throw new Error("expected a refusal");
}

const tasksOf = (planId: string) => getDb().collectorTask.findMany({ where: { planId } });

beforeAll(async () => {
  manager = await createStaffActor(["AR_MANAGER"]);
  collector = await createStaffActor(["COLLECTOR"], "Cole Lector");
  entityId = (await createLegalEntity(getDb(), { currency: "EUR", country: "DE" })).id;
  await updatePlanPolicy({ legalEntityId: entityId, ...policy }, manager);
});

describe("a customer's request for a payment plan", () => {
  it("within the policy is offered at once, with the policy's fee, for the payer to accept on the spot", async () => {
    const { customerId, payer } = await account();
    const a = await invoice(customerId, 6_000_00n);
    const b = await invoice(customerId, 3_000_00n);
    const outcome = await requestPaymentPlan(ask(customerId, [a.id, b.id]), payer, { now });
    expect(outcome).toMatchObject({ status: "PROPOSED", rule: null, replayed: false });
    const plan = await getDb().paymentPlan.findUniqueOrThrow({
      where: { id: outcome.id },
      include: { instalments: { orderBy: { sequence: "asc" } } },
    });
    // Financed 8,000.00; 1.5 % of it is 120.00, spread over the instalments.
    expect(plan).toMatchObject({
      status: "PROPOSED",
      covered: 9_000_00n,
      downPayment: 1_000_00n,
      fee: 120_00n,
      requestedByPortalUserId: payer.userId,
      proposedByStaffId: null,
      customerMessage: "A large customer of ours pays late this quarter.",
    });
    expect(isoDate(plan.expiresOn)).toBe("2027-03-13");
    expect(plan.instalments.map((i) => i.amount)).toEqual([1_000_00n, 2_706_66n, 2_706_66n, 2_706_68n]);
    expect(await tasksOf(plan.id)).toEqual([]);

    const accepted = await acceptOffer(customerId, plan, { payer, now });
    expect(accepted.status).toBe("ACCEPTED");
  });

  it("stands until the first payment when that is sooner than the offer's usual days", async () => {
    const { customerId, payer } = await account();
    const a = await invoice(customerId, 2_000_00n);
    const outcome = await requestPaymentPlan(ask(customerId, [a.id], { firstDate: "2027-03-11" }), payer, {
      now,
    });
    const plan = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: outcome.id } });
    expect(isoDate(plan.expiresOn)).toBe("2027-03-11");
  });

  const outside: [
    string,
    string,
    (customerId: string) => Promise<Partial<RequestPaymentPlanInput>>,
    RiskClass?,
  ][] = [
    ["max-total", "above the largest total (with the fee)", async () => ({})],
    ["max-instalments", "with more instalments than allowed", async () => ({ instalments: 7 })],
    ["min-down", "with a down payment under the minimum share", async () => ({ downPayment: "499.99" })],
    ["risk-class", "for a customer of a risk class not allowed", async () => ({}), "HIGH"],
    [
      "recent-default",
      "from a customer whose plan defaulted within the year",
      async (customerId) => {
        const old = await invoice(customerId, 100_00n);
        await getDb().paymentPlan.create({
          data: {
            customerId,
            legalEntityId: entityId,
            currency: "EUR",
            status: "DEFAULTED",
            covered: 100_00n,
            downPayment: 0n,
            fee: 0n,
            instalmentCount: 1,
            frequency: "MONTHLY",
            firstDate: new Date("2026-06-01"),
            expiresOn: new Date("2026-06-01"),
            termsHash: "x",
            idempotencyKey: `old-${randomUUID()}`,
            endedAt: new Date("2026-04-01T00:00:00Z"),
            invoices: { create: [{ itemId: old.id, amount: 100_00n }] },
          },
        });
        return {};
      },
    ],
  ];

  it.each(outside)(
    "breaking %s (%s) waits for the collector as REQUESTED, with one task",
    async (rule, _what, setUp, riskClass) => {
      const { customerId, payer } = await account(riskClass);
      // Within every rule but the one under test: 5,000.00 with 1,000.00 down in three instalments.
      const amount = rule === "max-total" ? 9_950_00n : 5_000_00n;
      const a = await invoice(customerId, amount);
      const input = ask(customerId, [a.id], await setUp(customerId));
      const outcome = await requestPaymentPlan(input, payer, { now });
      expect(outcome).toMatchObject({
        status: "REQUESTED",
        rule,
        limits: { currency: "EUR", selfServiceMaxTotal: 10_000_00n, selfServiceMaxInstalments: 6 },
      });
      const plan = await getDb().paymentPlan.findUniqueOrThrow({
        where: { id: outcome.id },
        include: { invoices: true },
      });
      expect(plan).toMatchObject({
        status: "REQUESTED",
        fee: 0n,
        requestedByPortalUserId: payer.userId,
        proposedByStaffId: null,
        customerMessage: input.reason,
      });
      // The request holds its invoices until it is answered.
      expect(plan.invoices.map((i) => i.openItemKey)).toEqual([a.id]);
      const tasks = await tasksOf(plan.id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        kind: "PLAN_REQUEST",
        customerId,
        assigneeId: collector.userId,
        status: "OPEN",
        dedupeKey: `plan-request:${plan.id}`,
      });
      // The same form again: the same request, no second task.
      const again = await requestPaymentPlan(input, payer, { now });
      expect(again).toMatchObject({ id: plan.id, status: "REQUESTED", replayed: true });
      expect(await tasksOf(plan.id)).toHaveLength(1);
    },
  );

  it("is REQUESTED when the entity turned self-service off, or the plan is not in the entity's currency", async () => {
    const off = (await createLegalEntity(getDb(), { currency: "EUR", country: "DE" })).id;
    await updatePlanPolicy({ legalEntityId: off, ...policy, selfServiceEnabled: false }, manager);
    const first = await account("LOW", off);
    const a = await invoice(first.customerId, 2_000_00n);
    expect((await requestPaymentPlan(ask(first.customerId, [a.id]), first.payer, { now })).rule).toBe(
      "disabled",
    );

    const second = await account();
    const b = await invoice(second.customerId, 2_000_00n);
    await getDb().openItem.update({ where: { id: b.id }, data: { currency: "USD" } });
    expect((await requestPaymentPlan(ask(second.customerId, [b.id]), second.payer, { now })).rule).toBe(
      "currency",
    );
  });

  it("is a replay with the same form: the first offer, nothing new", async () => {
    const { customerId, payer } = await account();
    const a = await invoice(customerId, 2_000_00n);
    const input = ask(customerId, [a.id]);
    const first = await requestPaymentPlan(input, payer, { now });
    const second = await requestPaymentPlan(input, payer, { now });
    expect(second).toMatchObject({ id: first.id, status: "PROPOSED", replayed: true });
    expect(await getDb().paymentPlan.count({ where: { customerId } })).toBe(1);
  });

  it("is refused to viewers, NOT_FOUND for other accounts, and checks the invoices and dates", async () => {
    const { customerId, payer } = await account();
    const a = await invoice(customerId, 2_000_00n);
    const viewer = await portalUser(customerId, "VIEWER");
    expect(await refusal(requestPaymentPlan(ask(customerId, [a.id]), viewer, { now }))).toEqual({
      code: "FORBIDDEN",
      reason: "payers-only",
    });
    const other = await account();
    expect((await refusal(requestPaymentPlan(ask(customerId, [a.id]), other.payer, { now }))).code).toBe(
      "NOT_FOUND",
    );
    // Another account's invoice on one's own account.
    expect(
      (await refusal(requestPaymentPlan(ask(other.customerId, [a.id]), other.payer, { now }))).code,
    ).toBe("NOT_FOUND");
    expect((await refusal(requestPaymentPlan(ask(customerId, [a.id]), collector, { now }))).code).toBe(
      "NOT_FOUND",
    );
    const notDue = await invoice(customerId, 500_00n, new Date("2027-03-10T00:00:00Z"));
    expect(await refusal(requestPaymentPlan(ask(customerId, [a.id, notDue.id]), payer, { now }))).toEqual({
      code: "VALIDATION",
      reason: "plan-invoice-not-overdue",
    });
    expect(
      await refusal(requestPaymentPlan(ask(customerId, [a.id], { firstDate: "2027-03-09" }), payer, { now })),
    ).toEqual({ code: "VALIDATION", reason: "plan-date-past" });
    expect(
      await refusal(requestPaymentPlan(ask(customerId, [a.id], { reason: " " }), payer, { now })),
    ).toEqual({
      code: "VALIDATION",
      reason: "invalid",
    });
    await requestPaymentPlan(ask(customerId, [a.id]), payer, { now });
    expect(await refusal(requestPaymentPlan(ask(customerId, [a.id]), payer, { now }))).toEqual({
      code: "CONFLICT",
      reason: "plan-invoice-in-plan",
    });
  });
});

describe("the request form", () => {
  it("offers the account's overdue invoices no plan holds, the default first date and the limits", async () => {
    const { customerId, payer } = await account();
    const overdue = await invoice(customerId, 1_000_00n);
    const held = await invoice(customerId, 2_000_00n);
    await invoice(customerId, 500_00n, new Date("2027-04-01T00:00:00Z"));
    await requestPaymentPlan(ask(customerId, [held.id], { instalments: 12 }), payer, { now });
    const form = await getPlanRequestForm(customerId, payer, { now });
    expect(form.invoices.map((i) => i.id)).toEqual([overdue.id]);
    expect(form).toMatchObject({
      currency: "EUR",
      defaults: { firstDate: "2027-03-17" },
      selfService: { selfServiceEnabled: true, selfServiceMaxTotal: 10_000_00n, feeBps: 150 },
      can: { request: true },
    });
    const viewer = await portalUser(customerId, "VIEWER");
    expect((await getPlanRequestForm(customerId, viewer, { now })).can.request).toBe(false);
    expect((await refusal(getPlanRequestForm(customerId, (await account()).payer, { now }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(getPlanRequestForm(customerId, collector, { now }))).code).toBe("NOT_FOUND");
  });
});

describe("answering a request in the back office", () => {
  async function requested() {
    const { customerId, payer } = await account();
    const a = await invoice(customerId, 20_000_00n);
    const outcome = await requestPaymentPlan(ask(customerId, [a.id], { instalments: 12 }), payer, { now });
    return { customerId, invoiceId: a.id, requestId: outcome.id };
  }

  it("lists the request with its reason and pre-fills an offer, which answers it (OFFERED, task done)", async () => {
    const { customerId, invoiceId, requestId } = await requested();
    const listed = await listPlanRequests(customerId, collector);
    expect(listed).toMatchObject([
      { id: requestId, reason: expect.stringContaining("pays late"), instalmentCount: 12 },
    ]);
    const draft = await getPlanRequestDraft({ customerId, requestId }, collector);
    // The offer form starts from the request, whose invoice it holds, with the entity's fee.
    const form = await getPlanProposalForm(customerId, collector, { now, requestId });
    expect(form).toMatchObject({ feeBps: 150, request: { id: requestId } });
    expect(form.invoices.map((i) => i.id)).toContain(invoiceId);
    expect(
      (await getPlanProposalForm(customerId, collector, { now })).invoices.map((i) => i.id),
    ).not.toContain(invoiceId);
    expect(draft).toMatchObject({
      invoiceIds: [invoiceId],
      downPayment: 1_000_00n,
      instalments: 12,
      frequency: "MONTHLY",
      firstDate: "2027-03-15",
    });

    const offer = await proposePaymentPlan(
      {
        customerId,
        invoiceIds: draft.invoiceIds,
        downPayment: "2000.00",
        instalments: 10,
        frequency: "MONTHLY",
        firstDate: "2027-03-20",
        expiresOn: "2027-03-17",
        chargeFee: true,
        requestId,
        idempotencyKey: `plan-${randomUUID()}`,
      },
      collector,
      { now },
    );
    // 1.5 % of the 18,000.00 financed.
    expect(offer.fee).toBe(270_00n);
    expect(offer.total).toBe(20_270_00n);
    const stored = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: offer.id } });
    expect(stored.replacesPlanId).toBe(requestId);
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "OFFERED",
    );
    expect(await tasksOf(requestId)).toMatchObject([{ status: "DONE", doneById: collector.userId }]);
    expect(await listPlanRequests(customerId, collector)).toEqual([]);
    expect(await refusal(getPlanRequestDraft({ customerId, requestId }, collector))).toEqual({
      code: "INVALID_STATE",
      reason: "plan-request-answered",
    });
  });

  it("declines a request with a message: DECLINED, its invoices free, its task done; twice changes nothing", async () => {
    const { customerId, invoiceId, requestId } = await requested();
    const input = { customerId, planId: requestId, message: "Please call us about a longer plan." };
    expect((await declinePlanRequest(input, collector, { now })).replayed).toBe(false);
    const plan = await getDb().paymentPlan.findUniqueOrThrow({
      where: { id: requestId },
      include: { invoices: true },
    });
    expect(plan).toMatchObject({ status: "DECLINED", endReason: input.message });
    expect(plan.invoices[0]?.openItemKey).toBeNull();
    expect(await tasksOf(requestId)).toMatchObject([{ status: "DONE" }]);
    expect((await declinePlanRequest(input, collector, { now })).replayed).toBe(true);
    expect(
      await getDb().auditEvent.count({
        where: { entityId: requestId, action: "payment-plan.decline-request" },
      }),
    ).toBe(1);
    // The invoice may be offered again.
    const offer = await proposePaymentPlan(
      {
        customerId,
        invoiceIds: [invoiceId],
        instalments: 2,
        frequency: "MONTHLY",
        firstDate: "2027-03-20",
        expiresOn: "2027-03-17",
        idempotencyKey: `plan-${randomUUID()}`,
      },
      collector,
      { now },
    );
    expect(offer.fee).toBe(0n);
  });

  it("refuses a cash applier, another account's request, and offering on a request answered already", async () => {
    const { customerId, requestId } = await requested();
    const cashApplier = await createStaffActor(["CASH_APPLIER"]);
    const input = { customerId, planId: requestId, message: "No." };
    expect((await refusal(declinePlanRequest(input, cashApplier))).code).toBe("FORBIDDEN");
    const other = await account();
    expect(
      (await refusal(declinePlanRequest({ ...input, customerId: other.customerId }, collector))).code,
    ).toBe("NOT_FOUND");
    const portal: PortalActor = {
      kind: "portal",
      userId: randomUUID(),
      memberships: [{ customerId, role: "ADMIN" }],
    };
    expect((await refusal(listPlanRequests(customerId, portal))).code).toBe("NOT_FOUND");
    await declinePlanRequest(input, collector);
    const draft = getPlanRequestDraft({ customerId, requestId }, collector);
    expect(await refusal(draft)).toEqual({ code: "INVALID_STATE", reason: "plan-request-answered" });
    const late = proposePaymentPlan(
      {
        customerId,
        invoiceIds: (await getDb().paymentPlanInvoice.findMany({ where: { planId: requestId } })).map(
          (i) => i.itemId,
        ),
        instalments: 2,
        frequency: "MONTHLY",
        firstDate: "2027-03-20",
        expiresOn: "2027-03-17",
        requestId,
        idempotencyKey: `plan-${randomUUID()}`,
      },
      collector,
      { now },
    );
    expect(await refusal(late)).toEqual({ code: "INVALID_STATE", reason: "plan-request-answered" });
  });
});
