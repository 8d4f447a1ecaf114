import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { PaymentPlanStatus } from "../db/generated/enums.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createCreditForCustomer, createCustomer } from "../seed/factories.ts";
import { cancelPaymentPlan } from "./cancel-payment-plan.ts";
import { getPlanForStaff } from "./get-plan-for-staff.ts";
import { PLAN_DAY, planCollector, planOverInvoices, setInstalment } from "./plan-fixtures.test-support.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { runPaymentPlans } from "./run-payment-plans.ts";

const staff = (...roles: StaffActor["roles"]): StaffActor => ({ kind: "staff", userId: randomUUID(), roles });
const cashApplier = staff("CASH_APPLIER");
const portalUrl = "http://portal.settle.example";
const CANCEL_DAY = new Date("2027-05-20T10:00:00Z");

let customerId: string;
let manager: StaffActor;

beforeAll(async () => {
  customerId = (await createCustomer(getDb(), { name: "Cancel Plan Ltd" })).id;
  manager = await createStaffActor(["AR_MANAGER"], "Morgan Manager");
});

async function refusal(run: Promise<unknown>): Promise<DomainError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const cancel = (planId: string, reason: string, actor: Actor = planCollector, customer = customerId) =>
  cancelPaymentPlan({ customerId: customer, planId, reason }, actor, { now: CANCEL_DAY });

async function openAmounts(ids: string[]) {
  const rows = await getDb().openItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, openAmount: true },
  });
  return new Map(rows.map((r) => [r.id, r.openAmount]));
}

async function cancelAudits(planId: string) {
  return getDb().auditEvent.findMany({
    where: { entityType: "payment_plan", entityId: planId, action: "payment-plan.cancel" },
    select: { actorId: true, before: true, after: true },
  });
}

describe("cancelling a payment plan", () => {
  it("ends an active plan: unpaid instalments cancelled, invoices free, everything paid stays applied", async () => {
    const { plan, invoices } = await planOverInvoices(customerId);
    const [first, second] = await getDb().paymentPlanInstalment.findMany({
      where: { planId: plan.id },
      orderBy: { sequence: "asc" },
    });
    // The first instalment paid by a bank payment, the second missed.
    const payment = await createCreditForCustomer(getDb(), customerId, { amount: first!.amount });
    await applyCredit(
      { creditItemId: payment.id, debitItemId: invoices[0]!.id, amount: first!.amount },
      cashApplier,
    );
    await runPaymentPlans({ now: new Date("2027-05-16T06:00:00Z"), customerIds: [customerId], portalUrl });
    await setInstalment(plan.id, second!.sequence, { status: "MISSED", missedOn: new Date("2027-06-20") });
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ACTIVE");
    const itemIds = [...invoices.map((i) => i.id), payment.id];
    const before = await openAmounts(itemIds);
    const applications = await getDb().application.count({ where: { creditItemId: payment.id } });

    const done = await cancel(plan.id, "  The customer sold the business.  ");
    expect(done).toEqual({ id: plan.id, label: plan.label, replayed: false });

    const stored = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(stored.status).toBe("CANCELLED");
    expect(stored.endedAt).toEqual(CANCEL_DAY);
    expect(stored.endReason).toBe("The customer sold the business.");
    const schedule = await getDb().paymentPlanInstalment.findMany({
      where: { planId: plan.id },
      orderBy: { sequence: "asc" },
    });
    expect(schedule.map((i) => [i.status, i.paidAmount])).toEqual([
      ["PAID", first!.amount],
      ["CANCELLED", 0n],
      ["CANCELLED", 0n],
    ]);
    expect(
      await getDb().paymentPlanInvoice.count({ where: { planId: plan.id, openItemKey: { not: null } } }),
    ).toBe(0);
    // No ledger change at all.
    expect(await openAmounts(itemIds)).toEqual(before);
    expect(await getDb().application.count({ where: { creditItemId: payment.id } })).toBe(applications);
    expect(await findLedgerViolations()).toEqual([]);
    const [audit, ...more] = await cancelAudits(plan.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorId: planCollector.userId,
      before: { status: "ACTIVE" },
      after: {
        status: "CANCELLED",
        reason: "The customer sold the business.",
        instalmentsCancelled: 2,
        invoicesReleased: 1,
      },
    });

    // The invoices may be offered on another plan now.
    const again = await proposePaymentPlan(
      {
        customerId,
        invoiceIds: invoices.map((i) => i.id),
        instalments: 2,
        frequency: "MONTHLY",
        firstDate: "2027-06-01",
        expiresOn: "2027-05-25",
        idempotencyKey: `plan-${randomUUID()}`,
      },
      planCollector,
      { now: CANCEL_DAY },
    );
    expect(again.replayed).toBe(false);
  });

  it("cancels a request, an offer and an accepted plan; the request's collector task is done", async () => {
    const { plan: offer } = await planOverInvoices(customerId, { answer: "none" });
    const { plan: accepted } = await planOverInvoices(customerId);
    const { plan: request } = await planOverInvoices(customerId, { answer: "none", status: "REQUESTED" });
    const task = await getDb().collectorTask.create({
      data: {
        kind: "PLAN_REQUEST",
        customerId,
        planId: request.id,
        dueOn: PLAN_DAY,
        dedupeKey: `plan-request:${request.id}`,
      },
    });
    for (const p of [offer, accepted, request]) {
      expect((await cancel(p.id, "Agreed on the phone instead.", manager)).replayed).toBe(false);
    }
    const statuses = await getDb().paymentPlan.findMany({
      where: { id: { in: [offer.id, accepted.id, request.id] } },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    const closed = await getDb().collectorTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(closed).toMatchObject({ status: "DONE", doneById: manager.userId });
    expect((await cancelAudits(request.id))[0]?.before).toEqual({ status: "REQUESTED" });
  });

  it("replays the same cancellation and refuses any other change to an ended plan", async () => {
    const { plan } = await planOverInvoices(customerId);
    await cancel(plan.id, "Duplicate of another plan.");
    expect(await cancel(plan.id, "Duplicate of another plan.")).toEqual({
      id: plan.id,
      label: plan.label,
      replayed: true,
    });
    expect(await cancelAudits(plan.id)).toHaveLength(1);
    const other = await refusal(cancel(plan.id, "Another reason."));
    expect(other.code).toBe("INVALID_STATE");
    expect(other.message).toBe(`${plan.label} was cancelled already.`);

    const ended: PaymentPlanStatus[] = ["COMPLETED", "DEFAULTED", "EXPIRED", "DECLINED", "CHANGES_REQUESTED"];
    for (const status of ended) {
      const { plan: p } = await planOverInvoices(customerId, { answer: "none", status });
      const error = await refusal(cancel(p.id, "Too late."));
      expect([error.code, error.message]).toEqual([
        "INVALID_STATE",
        `${p.label} has ended; only a requested, proposed, accepted or active plan can be cancelled.`,
      ]);
      expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: p.id } })).status).toBe(status);
    }
  });

  it("is for collectors, AR managers and administrators, with a reason, on the plan's own account", async () => {
    const { plan } = await planOverInvoices(customerId);
    expect((await refusal(cancel(plan.id, "No.", cashApplier))).code).toBe("FORBIDDEN");
    const payer = await portalUser(customerId, "ADMIN");
    expect((await refusal(cancel(plan.id, "No.", payer))).code).toBe("FORBIDDEN");
    const blank = await refusal(cancel(plan.id, "   "));
    expect([blank.code, blank.message, blank.details?.field]).toEqual([
      "VALIDATION",
      "Say why the plan is cancelled.",
      "reason",
    ]);
    const stranger = (await createCustomer(getDb(), { name: "Not Theirs Ltd" })).id;
    expect((await refusal(cancel(plan.id, "Wrong account.", planCollector, stranger))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusal(cancel(randomUUID(), "Unknown."))).code).toBe("NOT_FOUND");
    expect((await refusal(cancel("PP-1", "Malformed."))).code).toBe("NOT_FOUND");
    expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ACCEPTED");

    expect((await cancel(plan.id, "Wound up.", staff("ADMIN"))).replayed).toBe(false);
  });
});

describe("the back office's plan page read model", () => {
  it("shows the terms, the acceptance evidence, the schedule and the trail, newest first", async () => {
    const { plan, invoices } = await planOverInvoices(customerId, { downPayment: "10.00" });
    const view = await getPlanForStaff({ customerId, planId: plan.id }, planCollector);
    expect(view).toMatchObject({
      id: plan.id,
      label: plan.label,
      status: "ACCEPTED",
      customer: { id: customerId, name: "Cancel Plan Ltd" },
      terms: { downPayment: 10_00n, instalmentCount: 3, frequency: "MONTHLY", payBy: "PORTAL" },
      acceptance: { name: "Pat Payable", hashMatches: true },
      can: { cancel: true },
    });
    expect(view.invoices.map((i) => [i.id, i.held])).toEqual([[invoices[0]!.id, true]]);
    expect(view.schedule.map((i) => [i.sequence, i.downPayment, i.status])).toEqual([
      [0, true, "DUE"],
      [1, false, "DUE"],
      [2, false, "DUE"],
      [3, false, "DUE"],
    ]);
    expect(view.acceptance?.acceptedTermsHash).toBe(view.termsHash);
    expect(view.terms.proposedBy).toBeNull(); // the fixture's collector has no staff row
    expect((await getPlanForStaff({ customerId, planId: plan.id }, cashApplier)).can.cancel).toBe(false);

    await cancel(plan.id, "Replaced by a direct debit.");
    const after = await getPlanForStaff({ customerId, planId: plan.id }, planCollector);
    expect(after).toMatchObject({
      status: "CANCELLED",
      endReason: "Replaced by a direct debit.",
      can: { cancel: false },
    });
    expect(after.invoices.every((i) => !i.held)).toBe(true);
    const actions = after.trail.map((e) => e.action);
    expect([actions[0], actions.at(-1)]).toEqual(["payment-plan.cancel", "payment-plan.propose"]);
    expect(actions).toContain("payment-plan.accept");
    // The cancellation reads as a sentence with its reason (who: a staff member without a name here;
    // the catalogue may name the plan too).
    expect(after.trail[0]!.facts).toMatchObject({
      action: "payment-plan.cancel",
      actor: { kind: "staff", name: null },
      reason: "Replaced by a direct debit.",
    });
    const times = after.trail.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("is NOT_FOUND for another customer's plan, a malformed id and the portal", async () => {
    const { plan } = await planOverInvoices(customerId, { answer: "none" });
    const other = (await createCustomer(getDb(), { name: "Elsewhere Ltd" })).id;
    const admin = await portalUser(customerId, "ADMIN");
    const attempts: [string, string, Actor][] = [
      [other, plan.id, planCollector],
      [customerId, randomUUID(), planCollector],
      [customerId, "not-a-plan", planCollector],
      [customerId, plan.id, admin],
    ];
    for (const [customer, planId, actor] of attempts) {
      expect((await refusal(getPlanForStaff({ customerId: customer, planId }, actor))).code).toBe(
        "NOT_FOUND",
      );
    }
  });
});
