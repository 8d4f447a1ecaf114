import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createCreditForCustomer, createLegalEntity } from "../seed/factories.ts";
import { getStatement } from "../statements/get-statement.ts";
import { addDisputeMessage } from "./add-dispute-message.ts";
import {
  caught,
  customerWithInvoice,
  failure,
  key,
  minimalPdf,
  outboxTo,
  portalUser,
  staff,
} from "./dispute-fixtures.test-support.ts";
import { getDisputeReport } from "./dispute-report.ts";
import { getDispute, getPortalDispute } from "./get-dispute.ts";
import { inDisputeByInvoice } from "./in-dispute.ts";
import { raiseDispute } from "./raise-dispute.ts";
import { approveDisputeResolution, rejectDisputeResolution, resolveDispute } from "./resolve-dispute.ts";
import { withdrawDispute } from "./withdraw-dispute.ts";

let entityId: string;
let analyst: StaffActor;
let manager: StaffActor;
let otherManager: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Resolution Test Entity" })).id;
  analyst = await staff(["DISPUTE_ANALYST"], "Ada Analyst");
  manager = await staff(["AR_MANAGER"], "Max Manager");
  otherManager = await staff(["AR_MANAGER"], "Mia Manager");
  // Credits above 250.00 USD need a second staff member in this database.
  await getDb().disputeApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 250_00n } });
});

async function disputed(lines: number[], locale = "en") {
  const fixture = await customerWithInvoice(entityId);
  const user = await portalUser(fixture.customerId, "PAYER", locale);
  const raised = await raiseDispute(
    {
      customerId: fixture.customerId,
      invoiceId: fixture.invoiceId,
      scope: "LINES",
      lines: lines.map((lineNo) => ({ lineNo })),
      reason: "PRICING",
      description: "Prices above contract.",
      attachments: [{ fileName: "contract.pdf", bytes: minimalPdf() }],
      idempotencyKey: key(),
    },
    user,
  );
  return { ...fixture, user, raised };
}

const invoiceOpen = async (id: string) =>
  (await getDb().openItem.findUniqueOrThrow({ where: { id }, select: { openAmount: true } })).openAmount;

describe("valid resolutions", () => {
  it("a valid dispute of two lines becomes a credit memo applied to the invoice; the ledger holds", async () => {
    const { customerId, invoiceId, invoiceNumber, user, raised } = await disputed([1, 2]);
    expect(raised.amount).toBe(300_00n);
    await addDisputeMessage({ disputeId: raised.id, body: "Looking into the contract." }, analyst);

    const result = await resolveDispute(
      {
        disputeId: raised.id,
        outcome: "VALID",
        rootCause: "PRICING_ERROR",
        explanation: "The contract price applies; we credited the difference.",
      },
      analyst,
    );
    // 300.00 is above the 250.00 approval amount.
    expect(result).toMatchObject({
      status: "PENDING_APPROVAL",
      creditMemo: null,
      invoiceOpenAmount: 600_00n,
    });
    expect((await getPortalDispute({ customerId, disputeId: raised.id }, user)).status).toBe("UNDER_REVIEW");
    expect((await inDisputeByInvoice([invoiceId])).get(invoiceId)?.amount).toBe(300_00n);

    // Nobody approves their own: an analyst cannot approve at all, an AR manager who proposed cannot either.
    expect(await failure(approveDisputeResolution({ disputeId: raised.id }, analyst))).toBe("FORBIDDEN");
    const approved = await approveDisputeResolution({ disputeId: raised.id, note: "Checked." }, manager);
    expect(approved).toMatchObject({
      status: "RESOLVED_VALID",
      outcome: "VALID",
      creditAmount: 300_00n,
      creditMemo: { number: `CM-${raised.label}`, applied: 300_00n },
      invoiceOpenAmount: 300_00n,
    });
    expect(await invoiceOpen(invoiceId)).toBe(300_00n);
    expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
    expect((await inDisputeByInvoice([invoiceId])).size).toBe(0);

    // Approving again is a replay, not a second credit memo.
    expect(await approveDisputeResolution({ disputeId: raised.id }, manager)).toMatchObject({
      replayed: true,
    });
    expect(await getDb().openItem.count({ where: { customerId, kind: "CREDIT_MEMO" } })).toBe(1);

    const staffView = await getDispute({ disputeId: raised.id }, otherManager);
    expect(staffView.decision).toMatchObject({
      outcome: "VALID",
      rootCause: "PRICING_ERROR",
      decidedBy: { id: analyst.userId },
      approvedBy: { id: manager.userId },
    });
    expect(staffView.history.map((h) => h.action)).toEqual([
      "dispute.raise",
      "dispute.message",
      "dispute.review",
      "dispute.propose",
      "dispute.approve",
      "dispute.resolve",
    ]);
    const portalView = await getPortalDispute({ customerId, disputeId: raised.id }, user);
    expect(portalView).toMatchObject({
      status: "RESOLVED_VALID",
      creditMemo: { number: `CM-${raised.label}`, amount: 300_00n, applied: 300_00n },
      invoice: { openAmount: 300_00n },
      canWithdraw: false,
    });

    // One e-mail per customer-visible change (the approval step is internal); the reply and the
    // review start share a transaction, so their order is not asserted.
    const subjects = (await outboxTo(user.email)).map((m) => m.subject);
    expect(subjects.sort()).toEqual(
      [
        `Dispute ${raised.label} received for invoice ${invoiceNumber}`,
        `New message about dispute ${raised.label} (invoice ${invoiceNumber})`,
        `Dispute ${raised.label} for invoice ${invoiceNumber} is being reviewed`,
        `Dispute ${raised.label} for invoice ${invoiceNumber} was accepted`,
      ].sort(),
    );
    const accepted = (await outboxTo(user.email)).find((m) => m.category === "dispute.resolved")!;
    expect(accepted.textBody).toContain(`credit memo CM-${raised.label} of $300.00`);
    expect(accepted.textBody).toContain("open amount is now $300.00");

    // The statement shows the credit memo clearing the invoice.
    const statement = await getStatement({ customerId }, user);
    expect(JSON.stringify(statement, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).toContain(
      `CM-${raised.label}`,
    );
  });

  it("below the approval amount a partial credit is issued at once", async () => {
    const { customerId, invoiceId, user, raised } = await disputed([3], "pt-BR");
    expect(
      await failure(
        resolveDispute(
          {
            disputeId: raised.id,
            outcome: "PARTIAL",
            creditAmount: "300.00",
            rootCause: "PRICING_ERROR",
            explanation: "x",
          },
          analyst,
        ),
      ),
    ).toBe("VALIDATION");
    // A Portuguese-speaking analyst's "120.50" could be read two ways: refused with the form expected.
    const portuguese = { locale: "pt-BR" };
    await expect(
      resolveDispute(
        {
          disputeId: raised.id,
          outcome: "PARTIAL",
          creditAmount: "120.50",
          rootCause: "SHIPPING_ERROR",
          explanation: "Part of the shipment was short.",
        },
        analyst,
        portuguese,
      ),
    ).rejects.toMatchObject({
      details: { field: "creditAmount", reason: "amount-format", example: "1.000,00" },
    });
    // Typed their way, it is the same amount.
    const result = await resolveDispute(
      {
        disputeId: raised.id,
        outcome: "PARTIAL",
        creditAmount: "120,50",
        rootCause: "SHIPPING_ERROR",
        explanation: "Part of the shipment was short.",
      },
      analyst,
      portuguese,
    );
    expect(result).toMatchObject({
      status: "RESOLVED_PARTIAL",
      creditAmount: 120_50n,
      creditMemo: { applied: 120_50n },
      invoiceOpenAmount: 479_50n,
    });
    // Resubmitting the same decision is a replay; another is refused.
    expect(
      await resolveDispute(
        {
          disputeId: raised.id,
          outcome: "PARTIAL",
          creditAmount: "120.50",
          rootCause: "SHIPPING_ERROR",
          explanation: "Part of the shipment was short.",
        },
        analyst,
      ),
    ).toMatchObject({ replayed: true, creditMemo: { id: result.creditMemo!.id } });
    expect(
      await failure(
        resolveDispute(
          { disputeId: raised.id, outcome: "INVALID", rootCause: "OTHER", explanation: "no" },
          analyst,
        ),
      ),
    ).toBe("INVALID_STATE");
    expect(await invoiceOpen(invoiceId)).toBe(479_50n);
    expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
    const mail = (await outboxTo(user.email)).at(-1)!;
    expect(mail.subject).toContain("foi aceita");
    expect(mail.textBody).toContain("aceita em parte");
  });

  it("a payment that arrived meanwhile: the credit clears what is open, the rest stays unapplied", async () => {
    const { customerId, invoiceId, raised } = await disputed([2]);
    const cash = await staff(["CASH_APPLIER"]);
    const payment = await createCreditForCustomer(getDb(), customerId, { amount: 500_00n });
    await applyCredit({ creditItemId: payment.id, debitItemId: invoiceId, amount: 500_00n }, cash);
    const result = await resolveDispute(
      { disputeId: raised.id, outcome: "VALID", rootCause: "PRICING_ERROR", explanation: "Agreed." },
      analyst,
    );
    expect(result).toMatchObject({
      status: "RESOLVED_VALID",
      creditMemo: { applied: 100_00n },
      invoiceOpenAmount: 0n,
    });
    const memo = await getDb().openItem.findUniqueOrThrow({ where: { id: result.creditMemo!.id } });
    expect([memo.amount, memo.openAmount]).toEqual([200_00n, 100_00n]);
    expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
  });

  it("a rejected proposal goes back to review with the note; the proposer cannot decide on it", async () => {
    const { customerId, user, raised } = await disputed([2, 3]);
    await resolveDispute(
      { disputeId: raised.id, outcome: "VALID", rootCause: "BILLING_ERROR", explanation: "Billed wrongly." },
      manager,
    );
    expect(await failure(approveDisputeResolution({ disputeId: raised.id }, manager))).toBe("FORBIDDEN");
    expect(await failure(rejectDisputeResolution({ disputeId: raised.id, note: "No" }, manager))).toBe(
      "FORBIDDEN",
    );
    expect(await failure(rejectDisputeResolution({ disputeId: raised.id }, otherManager))).toBe("VALIDATION");
    expect(
      await rejectDisputeResolution(
        { disputeId: raised.id, note: "Only line 3 was mispriced." },
        otherManager,
      ),
    ).toEqual({ id: raised.id, status: "UNDER_REVIEW" });
    const view = await getDispute({ disputeId: raised.id }, analyst);
    expect(view.decision).toBeNull();
    expect(view.messages.at(-1)).toMatchObject({
      visibility: "INTERNAL",
      body: "Only line 3 was mispriced.",
    });
    expect(await failure(approveDisputeResolution({ disputeId: raised.id }, otherManager))).toBe(
      "INVALID_STATE",
    );
    // The customer never saw the internal back and forth.
    const portal = await getPortalDispute({ customerId, disputeId: raised.id }, user);
    expect(portal.messages).toEqual([]);
    expect(await getDb().openItem.count({ where: { customerId, kind: "CREDIT_MEMO" } })).toBe(0);
  });
});

describe("invalid resolutions", () => {
  it("return the invoice to collection and tell the customer why", async () => {
    const { customerId, invoiceId, invoiceNumber, user, raised } = await disputed([1]);
    const result = await resolveDispute(
      {
        disputeId: raised.id,
        outcome: "INVALID",
        rootCause: "CUSTOMER_ERROR",
        explanation: "The price matches purchase order 4711 you signed.",
      },
      analyst,
    );
    expect(result).toMatchObject({
      status: "RESOLVED_INVALID",
      creditAmount: null,
      creditMemo: null,
      invoiceOpenAmount: 600_00n,
    });
    expect((await inDisputeByInvoice([invoiceId])).size).toBe(0);
    expect(await invoiceOpen(invoiceId)).toBe(600_00n);
    const view = await getPortalDispute({ customerId, disputeId: raised.id }, user);
    expect(view.status).toBe("RESOLVED_INVALID");
    expect(view.resolution).toMatchObject({
      outcome: "INVALID",
      explanation: "The price matches purchase order 4711 you signed.",
    });
    expect(view.messages.map((m) => m.body)).toEqual(["The price matches purchase order 4711 you signed."]);
    const mail = (await outboxTo(user.email)).at(-1)!;
    expect(mail.subject).toBe(`Dispute ${raised.label} for invoice ${invoiceNumber} was not accepted`);
    expect(mail.textBody).toContain("The price matches purchase order 4711 you signed.");
    expect(mail.textBody).toContain("due again with $600.00 open");
    // Closed: no withdrawal, no more messages; the line can be disputed anew.
    expect(await failure(withdrawDispute({ disputeId: raised.id }, user))).toBe("INVALID_STATE");
    expect(await failure(addDisputeMessage({ disputeId: raised.id, body: "But…" }, user))).toBe(
      "INVALID_STATE",
    );
    const again = await raiseDispute(
      {
        customerId,
        invoiceId,
        scope: "LINES",
        lines: [{ lineNo: 1 }],
        reason: "OTHER",
        description: "New evidence.",
        idempotencyKey: key(),
      },
      user,
    );
    expect(again.status).toBe("OPEN");
  });

  it("only analysts and AR managers resolve", async () => {
    const { raised } = await disputed([2]);
    const collector = await staff(["COLLECTOR"]);
    const error = await caught(
      resolveDispute(
        { disputeId: raised.id, outcome: "INVALID", rootCause: "OTHER", explanation: "no" },
        collector,
      ),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("root-cause report", () => {
  it("counts and amounts by reason, repeat issues by customer", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = await getDisputeReport({ from: today, to: today, groupBy: "reason" }, analyst);
    const pricing = report.rows.find((r) => r.key === "PRICING");
    // Every dispute of this file so far was raised today for PRICING, except the last OTHER one.
    const all = await getDb().dispute.findMany({
      where: { reason: "PRICING" },
      select: { amount: true, status: true },
    });
    expect(pricing).toMatchObject({ count: all.length, currency: "USD" });
    expect(pricing!.disputedAmount).toBe(all.reduce((s, d) => s + d.amount, 0n));
    expect(pricing!.creditedAmount).toBe(300_00n + 120_50n + 200_00n);
    expect(pricing!.valid).toBe(2);
    expect(pricing!.partial).toBe(1);
    expect(pricing!.averageCycleHours).toBe(0);
    const byCustomer = await getDisputeReport({ from: today, to: today, groupBy: "customer" }, analyst);
    expect(byCustomer.rows.reduce((s, r) => s + r.count, 0)).toBe(await getDb().dispute.count());
    // The customer who disputed twice (PRICING then OTHER) is no repeat; nobody disputed one reason twice.
    expect(byCustomer.repeats).toEqual([]);
  });
});
