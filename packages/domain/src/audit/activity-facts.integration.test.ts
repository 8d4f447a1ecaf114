import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getCustomerAccount } from "../customers/get-customer-account.ts";
import { getDb } from "../db/client.ts";
import { addDisputeMessage } from "../disputes/add-dispute-message.ts";
import { customerWithInvoice, key, portalUser, staff } from "../disputes/dispute-fixtures.test-support.ts";
import { getDispute, getPortalDispute } from "../disputes/get-dispute.ts";
import { raiseDispute } from "../disputes/raise-dispute.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { getPlanForStaff } from "../plans/get-plan-for-staff.ts";
import { planOverInvoices } from "../plans/plan-fixtures.test-support.ts";
import { runPaymentPlans } from "../plans/run-payment-plans.ts";
import { getPortalHome } from "../portal/get-portal-home.ts";
import { createCreditForCustomer, createCustomer, createLegalEntity } from "../seed/factories.ts";
import { withActivityFacts } from "./activity-facts.ts";

let entityId: string;
let analyst: StaffActor;
let manager: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Activity Facts Entity" })).id;
  analyst = await staff(["DISPUTE_ANALYST"], "Dana Whitfield");
  manager = await staff(["AR_MANAGER", "CASH_APPLIER"], "Mara Lopez");
});

async function raisedByStaff() {
  const { customerId, invoiceId, invoiceNumber } = await customerWithInvoice(entityId);
  const raised = await raiseDispute(
    {
      customerId,
      invoiceId,
      scope: "AMOUNT",
      amount: "500.00",
      reason: "PRICING",
      description: "Prices above the contract.",
      channel: "PHONE",
      contactEmail: "clerk@customer.example",
      contactName: "Ana Clerk",
      idempotencyKey: key(),
    },
    analyst,
  );
  return { customerId, invoiceNumber, raised, label: `D-${raised.number}` };
}

describe("the facts of audited changes", () => {
  it("a dispute raise carries its actor, dispute number, invoice numbers and amount (dispute page and account)", async () => {
    const { customerId, invoiceNumber, raised, label } = await raisedByStaff();
    const raise = {
      action: "dispute.raise",
      actor: { kind: "staff", name: "Dana Whitfield" },
      dispute: label,
      invoices: [invoiceNumber],
      amount: { amount: 500_00n, currency: "USD" },
    };

    const dispute = await getDispute({ disputeId: raised.id }, analyst);
    expect(dispute.history[0]?.facts).toEqual(raise);

    const account = await getCustomerAccount({ customerId }, analyst);
    const audits = account.activity.flatMap((a) => (a.type === "audit" ? [a.facts] : []));
    expect(audits).toContainEqual(raise);
  });

  it("the portal sees its own events without staff names, internal notes or proposals", async () => {
    const { customerId, raised, label } = await raisedByStaff();
    const clerk = await portalUser(customerId, "VIEWER");
    const clerkName = (await getDb().portalUser.findUniqueOrThrow({ where: { id: clerk.userId } })).name;
    await addDisputeMessage(
      { disputeId: raised.id, body: "Checking with pricing.", visibility: "INTERNAL" },
      analyst,
    );
    await addDisputeMessage({ disputeId: raised.id, body: "Here is our contract." }, clerk);

    const view = await getPortalDispute({ customerId, disputeId: raised.id }, clerk);
    expect(view.history.map((h) => h.facts)).toEqual([
      expect.objectContaining({
        action: "dispute.raise",
        actor: { kind: "staff", name: null },
        dispute: label,
      }),
      expect.objectContaining({ action: "dispute.message", actor: { kind: "portal", name: clerkName } }),
    ]);
    const home = await getPortalHome({ customerId }, clerk);
    expect(home.activity.map((a) => a.facts.action)).toEqual(["dispute.message", "dispute.raise"]);
    const shown = JSON.stringify([view.history, home.activity], (_k, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(shown).not.toContain("Dana Whitfield");
  });

  it("an action it does not know, or whose subject is gone, is still a change by its actor", async () => {
    const rows = await withActivityFacts(
      [
        {
          action: "customer.mid_note",
          actorType: "staff",
          actorId: analyst.userId,
          entityType: "customer",
          entityId: "nobody",
          customerId: null,
          before: null,
          after: null,
        },
        {
          action: "dispute.raise",
          actorType: "system",
          actorId: "sweep",
          entityType: "dispute",
          entityId: "00000000-0000-4000-8000-000000000000",
          customerId: null,
          before: null,
          after: null,
        },
      ],
      "staff",
    );
    expect(rows.map((r) => r.facts)).toEqual([
      { action: "other", actor: { kind: "staff", name: "Dana Whitfield" } },
      { action: "other", actor: { kind: "system", name: null } },
    ]);
  });

  describe("of a payment plan", () => {
    const portalUrl = "https://portal.settle.example";
    const at = (day: string) => new Date(`${day}T06:00:00Z`);
    /** The plan job run every day from `from` to `to`, as the worker does. */
    async function runDaily(customerId: string, from: string, to: string) {
      for (let d = at(from); d <= at(to); d = new Date(d.getTime() + 86_400_000)) {
        await runPaymentPlans({ now: d, customerIds: [customerId], portalUrl });
      }
    }
    async function planAccount() {
      const customerId = (await createCustomer(getDb(), { name: "Plan Facts Customer" })).id;
      const payer = await portalUser(customerId, "PAYER");
      const payerName = (await getDb().portalUser.findUniqueOrThrow({ where: { id: payer.userId } })).name;
      return { customerId, payer, payerName };
    }

    it("an offer, its acceptance and a missed instalment read with the plan's label, amounts and days; staff alone see its start and broken task", async () => {
      const { customerId, payer } = await planAccount();
      const { plan: p } = await planOverInvoices(customerId);
      const plan = await getDb().paymentPlan.findUniqueOrThrow({
        where: { id: p.id },
        include: { instalments: { orderBy: { sequence: "asc" } } },
      });
      const acceptedBy = (await getDb().paymentPlan.findUniqueOrThrow({ where: { id: p.id } }))
        .acceptedByPortalUserId;
      const accepter = (await getDb().portalUser.findUniqueOrThrow({ where: { id: acceptedBy ?? "" } })).name;
      await runDaily(customerId, "2027-05-14", "2027-05-28");
      const first = plan.instalments[1]!;
      const usd = (amount: bigint) => ({ amount, currency: plan.currency.trim() });
      const offered = { plan: p.label, amount: usd(plan.covered + plan.fee), day: "2027-05-15" };
      const missed = {
        action: "payment-plan.instalment-missed",
        plan: p.label,
        instalment: "1",
        amount: usd(first.amount),
        day: "2027-05-15",
      };

      const page = await getPlanForStaff({ customerId, planId: p.id }, manager);
      expect(page.trail.map((e) => e.facts)).toEqual([
        {
          action: "payment-plan.instalment-broken",
          actor: { kind: "system", name: null },
          plan: p.label,
          instalment: "1",
        },
        { ...missed, actor: { kind: "system", name: null } },
        { action: "payment-plan.activate", actor: { kind: "system", name: null }, plan: p.label },
        { action: "payment-plan.accept", actor: { kind: "portal", name: accepter }, plan: p.label },
        { action: "payment-plan.propose", actor: { kind: "staff", name: null }, ...offered },
      ]);
      const account = await getCustomerAccount({ customerId }, manager);
      expect(account.activity.flatMap((a) => (a.type === "audit" ? [a.facts.action] : []))).toEqual(
        expect.arrayContaining(["payment-plan.instalment-broken", "payment-plan.activate"]),
      );

      const home = await getPortalHome({ customerId }, payer);
      expect(home.activity.map((a) => a.facts)).toEqual([
        { ...missed, actor: { kind: "staff", name: null } },
        { action: "payment-plan.accept", actor: { kind: "portal", name: accepter }, plan: p.label },
        { action: "payment-plan.propose", actor: { kind: "staff", name: null }, ...offered },
      ]);
    });

    it("a paid down payment and the completed plan show on the portal; the customer's Pay now too", async () => {
      const { customerId, payer, payerName } = await planAccount();
      const { plan: p, invoices } = await planOverInvoices(customerId, { downPayment: "100.00" });
      const plan = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: p.id } });
      const currency = plan.currency.trim();
      const payment = await createCreditForCustomer(getDb(), customerId, { amount: plan.covered });
      await applyCredit(
        { creditItemId: payment.id, debitItemId: invoices[0]!.id, amount: plan.covered },
        manager,
      );
      await runDaily(customerId, "2027-05-14", "2027-05-14");
      await getDb().auditEvent.create({
        data: {
          actorType: "portal",
          actorId: payer.userId,
          action: "payment-plan.pay",
          entityType: "payment_plan",
          entityId: p.id,
          customerId,
          after: { plan: p.label, attemptId: null, amount: "4000", currency },
        },
      });

      const home = await getPortalHome({ customerId }, payer);
      const planFacts = home.activity.map((a) => a.facts).filter((f) => f.action.startsWith("payment-plan."));
      expect(planFacts.slice(0, 3)).toEqual([
        {
          action: "payment-plan.pay",
          actor: { kind: "portal", name: payerName },
          plan: p.label,
          amount: { amount: 40_00n, currency },
        },
        { action: "payment-plan.complete", actor: { kind: "staff", name: null }, plan: p.label },
        expect.objectContaining({ action: "payment-plan.instalment-paid", plan: p.label }),
      ]);
      const paid = planFacts.filter((f) => f.action === "payment-plan.instalment-paid");
      expect(paid).toContainEqual({
        action: "payment-plan.instalment-paid",
        actor: { kind: "staff", name: null },
        plan: p.label,
        instalment: "0",
        amount: { amount: 100_00n, currency },
        variant: "down",
      });
    });

    it("a plan event whose payload lacks what its sentence needs is a change by its actor", async () => {
      const { customerId } = await planAccount();
      const { plan: p } = await planOverInvoices(customerId, { answer: "none" });
      const rows = await withActivityFacts(
        [
          {
            action: "payment-plan.instalment-paid",
            actorType: "system",
            actorId: "payment-plans",
            entityType: "payment_plan",
            entityId: p.id,
            customerId,
            before: null,
            after: { paidAmount: "100" },
          },
          {
            action: "payment-plan.accept",
            actorType: "system",
            actorId: "payment-plans",
            entityType: "payment_plan",
            entityId: "00000000-0000-4000-8000-000000000000",
            customerId,
            before: null,
            after: null,
          },
        ],
        "staff",
      );
      expect(rows.map((r) => r.facts)).toEqual([
        { action: "other", actor: { kind: "system", name: null } },
        { action: "other", actor: { kind: "system", name: null } },
      ]);
    });
  });
});
