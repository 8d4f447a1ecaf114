import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createCreditForCustomer, createInvoiceForCustomer, createLegalEntity } from "../seed/factories.ts";
import { getStatement } from "../statements/get-statement.ts";
import { approveRefund, rejectRefund } from "./decide-refund.ts";
import { processStripeEvent } from "./process-stripe-inbox.ts";
import { requestRefund } from "./request-refund.ts";
import { retryRefund, sendApprovedRefunds } from "./send-refund.ts";
import { getStripe } from "./stripe-client.ts";
import { createPayingCustomer, payByCard, useStripeSandbox } from "./stripe-test-setup.test-support.ts";
import { syncPendingRefunds } from "./sync-refund.ts";

const SECRET = "whsec_refund_tests";
const stripeSandbox = useStripeSandbox({
  secret: SECRET,
  webhooks: "processed",
  sandbox: { refundSettleMs: null },
  isolateTests: true,
});

const _PORTAL_URL = new URL("http://127.0.0.1:9/");
let entityId: string;

let cash: StaffActor;
let manager: StaffActor;
let otherManager: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Northwind Supply Inc." })).id;
  // This database's threshold: refunds above 5.00 USD need a second staff member.
  await getDb().refundApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 500n } });
  cash = await createStaffActor(["CASH_APPLIER"]);
  manager = await createStaffActor(["AR_MANAGER"]);
  otherManager = await createStaffActor(["AR_MANAGER"]);
});

interface Paid {
  customerId: string;
  attemptId: string;
  paymentItemId: string;
  paymentIntentId: string;
  chargeId: string;
  invoices: { id: string; amount: bigint }[];
}

/** A customer with two invoices who pays both in full by card (`card` picks the test card). */
async function paid(card = "4242424242424242"): Promise<Paid> {
  const customer = await createPayingCustomer({ legalEntityId: entityId });
  const attempt = await payByCard(stripeSandbox, customer, { card });
  expect(attempt.status).toBe("SUCCEEDED");
  const intent = await getStripe().stripe.paymentIntents.retrieve(attempt.paymentIntentId!);
  return {
    customerId: customer.customerId,
    attemptId: attempt.id,
    paymentItemId: attempt.paymentItemId!,
    paymentIntentId: attempt.paymentIntentId!,
    chargeId: intent.latest_charge as string,
    invoices: customer.invoices,
  };
}

const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, "0")}`;

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}

async function openAmounts(ids: string[]) {
  const rows = await getDb().openItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, openAmount: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)!.openAmount);
}

async function stripeRefunds(paymentIntentId: string) {
  return (await getStripe().stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 })).data;
}

async function healthy(customerId: string) {
  expect(await findLedgerViolations(getDb(), [customerId])).toEqual([]);
}

describe("refunds", () => {
  it("below the threshold: sent at once, recorded when Stripe settles it, reopening the invoice it frees", async () => {
    const p = await paid();
    const key = randomUUID();
    const input = {
      attemptId: p.attemptId,
      amount: "4.00",
      reason: "OVERPAYMENT" as const,
      idempotencyKey: key,
    };
    const first = await requestRefund(input, cash);
    expect(first).toMatchObject({ status: "PENDING", requiresApproval: false, replayed: false });
    // The same form twice: one request, one Stripe refund.
    const again = await requestRefund(input, cash);
    expect(again).toMatchObject({ id: first.id, replayed: true });
    const refunds = await stripeRefunds(p.paymentIntentId);
    expect(refunds).toHaveLength(1);
    // Pending: the ledger has not moved.
    expect(await openAmounts([p.paymentItemId, ...p.invoices.map((i) => i.id)])).toEqual([0n, 0n, 0n]);

    await stripeSandbox.control.succeedRefund(refunds[0]!.id);
    await stripeSandbox.control.waitForDeliveries(10_000);
    const row = await getDb().refund.findUniqueOrThrow({
      where: { id: first.id },
      include: { refundItem: true },
    });
    expect(row.status).toBe("SUCCEEDED");
    expect(row.refundItem).toMatchObject({ kind: "REFUND", amount: 400n, openAmount: 0n });
    // The payment was fully applied: 4.00 came off its newest application, that invoice reopens by 4.00.
    const open = await openAmounts(p.invoices.map((i) => i.id));
    expect(open.sort()).toEqual([0n, 400n]);
    expect((await openAmounts([p.paymentItemId]))[0]).toBe(0n);
    await healthy(p.customerId);
    // The statement shows the refund as a debit next to the payment; the balance is what is open.
    const statement = await getStatement({ customerId: p.customerId, currency: "USD" }, cash, {
      allLines: true,
    });
    expect(statement.lines.rows.find((l) => l.kind === "REFUND")).toMatchObject({
      isCredit: false,
      amount: 400n,
      signedAmount: 400n,
    });
    expect(statement.totals.closing).toBe(400n);

    // Replayed events change nothing.
    const events = await getDb().stripeEvent.findMany({ where: { type: { startsWith: "refund." } } });
    for (const e of events) {
      await getDb().stripeEvent.update({ where: { id: e.id }, data: { processedAt: null } });
      await processStripeEvent(e.id);
    }
    expect(await getDb().openItem.count({ where: { customerId: p.customerId, kind: "REFUND" } })).toBe(1);
    await healthy(p.customerId);
  });

  it("refuses bad input: over-refund, no note for Other, a role without refunds, unknown payments", async () => {
    const p = await paid();
    const total = p.invoices[0]!.amount + p.invoices[1]!.amount;
    const base = { attemptId: p.attemptId, reason: "DUPLICATE_PAYMENT" as const };
    expect(
      await refusal(
        requestRefund({ ...base, amount: decimal(total + 1n), idempotencyKey: randomUUID() }, cash),
      ),
    ).toBe("VALIDATION");
    expect(await refusal(requestRefund({ ...base, amount: "0", idempotencyKey: randomUUID() }, cash))).toBe(
      "VALIDATION",
    );
    expect(
      await refusal(requestRefund({ ...base, amount: "-1.00", idempotencyKey: randomUUID() }, cash)),
    ).toBe("VALIDATION");
    expect(
      await refusal(requestRefund({ ...base, amount: "1.001", idempotencyKey: randomUUID() }, cash)),
    ).toBe("VALIDATION");
    expect(
      await refusal(
        requestRefund({ ...base, reason: "OTHER", amount: "1.00", idempotencyKey: randomUUID() }, cash),
      ),
    ).toBe("VALIDATION");
    const collector = await createStaffActor(["COLLECTOR"]);
    expect(
      await refusal(requestRefund({ ...base, amount: "1.00", idempotencyKey: randomUUID() }, collector)),
    ).toBe("FORBIDDEN");
    expect(
      await refusal(
        requestRefund(
          { ...base, attemptId: randomUUID(), amount: "1.00", idempotencyKey: randomUUID() },
          cash,
        ),
      ),
    ).toBe("NOT_FOUND");

    // Two requests may not together exceed the payment.
    await requestRefund({ ...base, amount: decimal(total - 100n), idempotencyKey: randomUUID() }, cash);
    expect(
      await refusal(requestRefund({ ...base, amount: "1.01", idempotencyKey: randomUUID() }, cash)),
    ).toBe("VALIDATION");
    expect(await stripeRefunds(p.paymentIntentId)).toHaveLength(0);
  });

  it("above the threshold: a second AR manager approves; nobody approves their own; a rejection frees the amount", async () => {
    const p = await paid();
    const base = { attemptId: p.attemptId, reason: "WRONG_COMPANY" as const };
    const asked = await requestRefund({ ...base, amount: "6.00", idempotencyKey: randomUUID() }, manager);
    expect(asked).toMatchObject({ status: "PENDING_APPROVAL", requiresApproval: true });
    expect(await refusal(approveRefund({ attemptId: p.attemptId, refundId: asked.id }, manager))).toBe(
      "FORBIDDEN",
    );
    expect(await refusal(approveRefund({ attemptId: p.attemptId, refundId: asked.id }, cash))).toBe(
      "FORBIDDEN",
    );
    expect(
      await refusal(approveRefund({ attemptId: p.attemptId, refundId: randomUUID() }, otherManager)),
    ).toBe("NOT_FOUND");
    expect(await stripeRefunds(p.paymentIntentId)).toHaveLength(0);

    const approved = await approveRefund({ attemptId: p.attemptId, refundId: asked.id }, otherManager);
    expect(approved.status).toBe("PENDING");
    // Approving again is harmless; rejecting after approving is refused.
    expect((await approveRefund({ attemptId: p.attemptId, refundId: asked.id }, otherManager)).status).toBe(
      "PENDING",
    );
    expect(
      await refusal(rejectRefund({ attemptId: p.attemptId, refundId: asked.id, note: "no" }, otherManager)),
    ).toBe("INVALID_STATE");
    expect(await stripeRefunds(p.paymentIntentId)).toHaveLength(1);

    const total = p.invoices[0]!.amount + p.invoices[1]!.amount;
    const big = await requestRefund(
      { ...base, amount: decimal(total - 600n), idempotencyKey: randomUUID() },
      cash,
    );
    expect(await refusal(rejectRefund({ attemptId: p.attemptId, refundId: big.id, note: "" }, manager))).toBe(
      "VALIDATION",
    );
    const rejected = await rejectRefund(
      { attemptId: p.attemptId, refundId: big.id, note: "Customer asked to keep it as credit." },
      manager,
    );
    expect(rejected.status).toBe("REJECTED");
    // The rejected amount is refundable again.
    const next = await requestRefund(
      { ...base, amount: decimal(total - 600n), idempotencyKey: randomUUID() },
      cash,
    );
    expect(next.status).toBe("PENDING_APPROVAL");
    await healthy(p.customerId);
  });

  it("decides and sends again only through the refund's own payment: another payment's refund is not found", async () => {
    const p = await paid();
    const other = await paid();
    const asked = await requestRefund(
      { attemptId: p.attemptId, amount: "7.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
      manager,
    );
    expect(asked.status).toBe("PENDING_APPROVAL");
    const through = (attemptId: string) => ({ attemptId, refundId: asked.id });
    // Through another payment (or a malformed payment id) the refund does not exist.
    expect(await refusal(approveRefund(through(other.attemptId), otherManager))).toBe("NOT_FOUND");
    expect(await refusal(approveRefund(through(randomUUID()), otherManager))).toBe("NOT_FOUND");
    expect(await refusal(approveRefund(through("not-an-id"), otherManager))).toBe("NOT_FOUND");
    expect(
      await refusal(rejectRefund({ ...through(other.attemptId), note: "Keep as credit" }, otherManager)),
    ).toBe("NOT_FOUND");
    expect(await refusal(retryRefund(through(other.attemptId), otherManager))).toBe("NOT_FOUND");
    // Nothing was decided, audited or sent.
    expect(await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({
      status: "PENDING_APPROVAL",
      decidedById: null,
    });
    expect(
      await getDb().auditEvent.count({
        where: { entityId: asked.id, action: { startsWith: "refund.appro" } },
      }),
    ).toBe(0);
    expect(await stripeRefunds(p.paymentIntentId)).toHaveLength(0);

    // Through its own payment (the id in any case) it is decided as usual.
    const approved = await approveRefund(through(p.attemptId.toUpperCase()), otherManager);
    expect(approved).toMatchObject({ id: asked.id, status: "PENDING" });
    expect(await stripeRefunds(p.paymentIntentId)).toHaveLength(1);
    expect(await stripeRefunds(other.paymentIntentId)).toHaveLength(0);
  });

  it("Stripe failing after it refunded: a clear retry message, and the retry makes no second refund", async () => {
    const p = await paid();
    const input = {
      attemptId: p.attemptId,
      amount: "3.00",
      reason: "OVERPAYMENT" as const,
      idempotencyKey: randomUUID(),
    };
    await stripeSandbox.control.failNext({
      method: "POST",
      path: "/v1/refunds",
      mode: "error",
      when: "after",
    });
    let message = "";
    try {
      await requestRefund(input, cash);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("CONFLICT");
      message = (error as DomainError).message;
    }
    expect(message).toMatch(/try again/);
    const row = await getDb().refund.findFirstOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    expect(row.status).toBe("APPROVED");
    expect(row.lastError).toBeTruthy();
    // The webhook may already know the refund; either way the retry reuses the key.
    const retried = await requestRefund(input, cash);
    expect(retried).toMatchObject({ id: row.id, replayed: true, status: "PENDING" });
    expect(await stripeRefunds(p.paymentIntentId)).toHaveLength(1);
    // The worker's sweep has nothing left to send.
    expect((await sendApprovedRefunds({ olderThanMs: 0 })).sent).toBe(0);
  });

  it("a failed refund leaves the ledger as it was and frees the amount", async () => {
    const p = await paid();
    const before = await openAmounts([p.paymentItemId, ...p.invoices.map((i) => i.id)]);
    const asked = await requestRefund(
      {
        attemptId: p.attemptId,
        amount: "2.50",
        reason: "OTHER",
        note: "Goodwill",
        idempotencyKey: randomUUID(),
      },
      cash,
    );
    const [refund] = await stripeRefunds(p.paymentIntentId);
    await stripeSandbox.control.failRefund(refund!.id, "expired_or_canceled_card");
    await stripeSandbox.control.waitForDeliveries(10_000);
    const row = await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } });
    expect(row).toMatchObject({
      status: "FAILED",
      failureReason: "expired_or_canceled_card",
      refundItemId: null,
    });
    expect(await openAmounts([p.paymentItemId, ...p.invoices.map((i) => i.id)])).toEqual(before);
    await healthy(p.customerId);
  });
});

describe("refunds and the payment's applications", () => {
  it("takes the unapplied part first, and two racing requests never exceed the payment", async () => {
    const p = await paid();
    const [first, second] = p.invoices as [Paid["invoices"][0], Paid["invoices"][0]];
    // Cash application unapplies the first invoice: that much of the payment is unapplied now.
    const application = await getDb().application.findFirstOrThrow({
      where: { creditItemId: p.paymentItemId, debitItemId: first.id, kind: "APPLY" },
    });
    await reverseApplication({ applicationId: application.id, reason: "Paid twice" }, cash);
    const asked = await requestRefund(
      { attemptId: p.attemptId, amount: "3.00", reason: "DUPLICATE_PAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    const [refund] = await stripeRefunds(p.paymentIntentId);
    await stripeSandbox.control.succeedRefund(refund!.id);
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect((await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe("SUCCEEDED");
    // The second invoice stays paid; the payment's unapplied part went down by 3.00.
    expect(await openAmounts([p.paymentItemId, first.id, second.id])).toEqual([
      first.amount - 300n,
      first.amount,
      0n,
    ]);
    await healthy(p.customerId);

    // Two requests at once, each for more than half of what is left: only one is accepted.
    const left = first.amount + second.amount - 300n;
    const half = decimal(left / 2n + 1n);
    const results = await Promise.allSettled(
      [0, 1].map(() =>
        requestRefund(
          { attemptId: p.attemptId, amount: half, reason: "WRONG_COMPANY", idempotencyKey: randomUUID() },
          cash,
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().refund.count({ where: { paymentItemId: p.paymentItemId } })).toBe(2);
  });
});

describe("the sweep", () => {
  it("settles a refund whose events never arrived", async () => {
    const p = await paid();
    await stripeSandbox.control.pauseDeliveries();
    const asked = await requestRefund(
      { attemptId: p.attemptId, amount: "1.00", reason: "DUPLICATE_PAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    expect(asked.status).toBe("PENDING");
    const [refund] = await stripeRefunds(p.paymentIntentId);
    await stripeSandbox.control.succeedRefund(refund!.id);
    // Other tests' refunds are still pending in Stripe; this one is settled.
    expect((await syncPendingRefunds({ olderThanMs: 0 })).settled).toBeGreaterThanOrEqual(1);
    expect((await getDb().refund.findUniqueOrThrow({ where: { id: asked.id } })).status).toBe("SUCCEEDED");
    // The late events change nothing.
    await stripeSandbox.control.resumeDeliveries();
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await getDb().openItem.count({ where: { customerId: p.customerId, kind: "REFUND" } })).toBe(1);
    await healthy(p.customerId);
  });
});

describe("chargebacks", () => {
  async function chargebackOf(paymentItemId: string) {
    return getDb().chargeback.findFirstOrThrow({ where: { paymentItemId } });
  }
  async function flagsOf(customerId: string) {
    return getDb().accountFlag.findMany({ where: { customerId } });
  }

  it("opening reverses the applications and flags the account; a won one restores them", async () => {
    const p = await paid();
    const dispute = await stripeSandbox.control.openChargeback(p.chargeId, { reason: "fraudulent" });
    await stripeSandbox.control.waitForDeliveries(10_000);
    const row = await chargebackOf(p.paymentItemId);
    expect(row).toMatchObject({ stripeDisputeId: dispute.id, status: "OPEN" });
    expect(await openAmounts(p.invoices.map((i) => i.id))).toEqual(p.invoices.map((i) => i.amount));
    const [flag] = await flagsOf(p.customerId);
    expect(flag).toMatchObject({ kind: "CHARGEBACK", reference: dispute.id, resolvedAt: null });
    // No refund while it is open.
    expect(
      await refusal(
        requestRefund(
          { attemptId: p.attemptId, amount: "1.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
          cash,
        ),
      ),
    ).toBe("INVALID_STATE");
    await healthy(p.customerId);

    // Every event again: nothing moves twice.
    const events = await getDb().stripeEvent.findMany({ where: { objectId: dispute.id } });
    for (const e of events) {
      await getDb().stripeEvent.update({ where: { id: e.id }, data: { processedAt: null } });
      await processStripeEvent(e.id);
    }
    expect(await openAmounts(p.invoices.map((i) => i.id))).toEqual(p.invoices.map((i) => i.amount));

    await stripeSandbox.control.closeChargeback(dispute.id, "won");
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect((await chargebackOf(p.paymentItemId)).status).toBe("WON");
    expect(await openAmounts([p.paymentItemId, ...p.invoices.map((i) => i.id)])).toEqual([0n, 0n, 0n]);
    expect((await flagsOf(p.customerId))[0]!.resolvedAt).not.toBeNull();
    await healthy(p.customerId);
  });

  it("while open, nobody applies the payment's cash again; a won one still restores it", async () => {
    const p = await paid();
    const [first, second] = p.invoices as [Paid["invoices"][0], Paid["invoices"][0]];
    const dispute = await stripeSandbox.control.openChargeback(p.chargeId, { reason: "fraudulent" });
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect(await openAmounts([p.paymentItemId, first.id])).toEqual([
      first.amount + second.amount,
      first.amount,
    ]);

    // Cash application of the reopened invoice from the disputed payment: refused, naming the chargeback.
    let refused: DomainError | null = null;
    try {
      await applyCredit(
        { creditItemId: p.paymentItemId, debitItemId: first.id, amount: 100n, idempotencyKey: randomUUID() },
        cash,
      );
    } catch (error) {
      refused = error as DomainError;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused!.code).toBe("CONFLICT");
    expect(refused!.message).toContain(dispute.id);
    expect(refused!.details).toMatchObject({ reason: "chargeback-open", stripeDisputeId: dispute.id });
    // Nothing moved.
    expect(await openAmounts([p.paymentItemId, first.id])).toEqual([
      first.amount + second.amount,
      first.amount,
    ]);
    // Other cash still clears the invoice: only the disputed payment is held.
    const memo = await createCreditForCustomer(getDb(), p.customerId, { kind: "CREDIT_MEMO", amount: 100n });
    await applyCredit({ creditItemId: memo.id, debitItemId: first.id, amount: 100n }, cash);
    expect((await openAmounts([first.id]))[0]).toBe(first.amount - 100n);

    // Won: the system restores the applications (the first invoice only as far as it is still open).
    await stripeSandbox.control.closeChargeback(dispute.id, "won");
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect((await chargebackOf(p.paymentItemId)).status).toBe("WON");
    expect(await openAmounts([p.paymentItemId, first.id, second.id])).toEqual([100n, 0n, 0n]);
    // Closed, the payment's remaining cash can be applied by cash application again.
    const other = await createInvoiceForCustomer(getDb(), p.customerId);
    const applied = await applyCredit(
      { creditItemId: p.paymentItemId, debitItemId: other.id, amount: 100n },
      cash,
    );
    expect(applied.creditOpenAmount).toBe(0n);
    await healthy(p.customerId);
  });

  it("a lost one leaves the invoices open and records the money taken back", async () => {
    const p = await paid();
    const dispute = await stripeSandbox.control.openChargeback(p.chargeId);
    await stripeSandbox.control.waitForDeliveries(10_000);
    await stripeSandbox.control.closeChargeback(dispute.id, "lost");
    await stripeSandbox.control.waitForDeliveries(10_000);
    const row = await getDb().chargeback.findFirstOrThrow({
      where: { paymentItemId: p.paymentItemId },
      include: { chargebackItem: true },
    });
    expect(row.status).toBe("LOST");
    const total = p.invoices[0]!.amount + p.invoices[1]!.amount;
    expect(row.chargebackItem).toMatchObject({ kind: "CHARGEBACK", amount: total, openAmount: 0n });
    expect(await openAmounts([p.paymentItemId, ...p.invoices.map((i) => i.id)])).toEqual([
      0n,
      ...p.invoices.map((i) => i.amount),
    ]);
    expect((await flagsOf(p.customerId))[0]!.resolvedAt).toBeNull();
    await healthy(p.customerId);
  });

  it("reordered and duplicated events end in the same state", async () => {
    const p = await paid();
    await stripeSandbox.control.holdNext(20);
    await stripeSandbox.control.duplicateNext(4);
    const dispute = await stripeSandbox.control.openChargeback(p.chargeId);
    await stripeSandbox.control.closeChargeback(dispute.id, "won");
    await stripeSandbox.control.release("reverse");
    await stripeSandbox.control.waitForDeliveries(10_000);
    expect((await chargebackOf(p.paymentItemId)).status).toBe("WON");
    expect(await getDb().chargeback.count({ where: { stripeDisputeId: dispute.id } })).toBe(1);
    expect(await openAmounts([p.paymentItemId, ...p.invoices.map((i) => i.id)])).toEqual([0n, 0n, 0n]);
    await healthy(p.customerId);
  });

  it("the dispute test card opens a chargeback by itself", async () => {
    const p = await paid("4000000000000259");
    await stripeSandbox.control.waitForDeliveries(10_000);
    await expect
      .poll(async () => getDb().chargeback.count({ where: { paymentItemId: p.paymentItemId } }))
      .toBe(1);
    await healthy(p.customerId);
  });
});

describe("the webhook inbox", () => {
  it("processed every refund and chargeback event without an error", async () => {
    await stripeSandbox.control.waitForDeliveries(10_000);
    const stuck = await getDb().stripeEvent.findMany({
      where: { OR: [{ processedAt: null }, { lastError: { not: null } }] },
      select: { type: true, lastError: true },
    });
    expect(stuck).toEqual([]);
  });
});
