import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type StaffActor, systemActor } from "../actor.ts";
import { listApprovals } from "../approvals/list-approvals.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import { toDecimalString } from "../money/money.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createLegalEntity } from "../seed/factories.ts";
import { getCardPaymentDetails } from "./card-payment-details.ts";
import { approveRefund } from "./decide-refund.ts";
import { requestRefund } from "./request-refund.ts";
import { startCardPayment } from "./start-card-payment.ts";
import { getStripe } from "./stripe-client.ts";
import {
  createPayingCustomer,
  type PayingCustomer,
  payByCard,
  useStripeSandbox,
} from "./stripe-test-setup.test-support.ts";
import { syncStripeRefund } from "./sync-refund.ts";

const stripeSandbox = useStripeSandbox({
  secret: "whsec_refund_reopening_tests",
  webhooks: "processed",
  sandbox: { refundSettleMs: null },
  isolateTests: true,
});

let entityId: string;
let cash: StaffActor;
let manager: StaffActor;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Reopening Supply Inc." })).id;
  // Refunds above 50.00 USD wait for a second staff member.
  await getDb().refundApprovalThreshold.update({ where: { currency: "USD" }, data: { amount: 5_000n } });
  cash = await createStaffActor(["CASH_APPLIER"]);
  manager = await createStaffActor(["AR_MANAGER"]);
});

/** A customer pays two invoices in full by card; `other` is the invoice the form does not preselect. */
async function twoInvoicePayment() {
  const customer = await createPayingCustomer({ legalEntityId: entityId });
  const attempt = await payByCard(stripeSandbox, customer);
  expect(attempt.status).toBe("SUCCEEDED");
  const details = await getCardPaymentDetails({ attemptId: attempt.id }, cash);
  const [preselected] = details.reopen.defaultChoice;
  const other = customer.invoices.find((i) => i.id !== preselected)!;
  const newest = customer.invoices.find((i) => i.id === preselected)!;
  return { customer, attempt, paymentItemId: attempt.paymentItemId!, other, newest };
}

async function open(ids: string[]) {
  const rows = await getDb().openItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, openAmount: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)!.openAmount);
}

/** Stripe settles every refund of the payment; the webhooks record them in the ledger. */
async function settleRefunds(paymentIntentId: string) {
  const { data } = await getStripe().stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 });
  for (const refund of data.filter((r) => r.status === "pending")) {
    await stripeSandbox.control.succeedRefund(refund.id);
  }
  await stripeSandbox.control.waitForDeliveries(10_000);
  return data.map((r) => r.id);
}

async function refusal(run: Promise<unknown>) {
  try {
    await run;
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.details?.field, reason: error.details?.reason };
  }
}

const usd = (minor: bigint) => toDecimalString(minor, "USD");

/** A refund request of `amount` USD on the payment, reopening `reopen` (none: the default). */
const ask = (
  attemptId: string,
  amount: string,
  reopen?: string[],
  actor: StaffActor = cash,
  reason: "OVERPAYMENT" | "WRONG_COMPANY" | "DUPLICATE_PAYMENT" = "OVERPAYMENT",
) =>
  requestRefund(
    { attemptId, amount, reason, idempotencyKey: randomUUID(), ...(reopen ? { reopen } : {}) },
    actor,
  );

describe("a refund reopens the invoices staff choose", () => {
  it("lists the invoices the payment paid, most recent preselected", async () => {
    const p = await twoInvoicePayment();
    const details = await getCardPaymentDetails({ attemptId: p.attempt.id }, cash);
    expect(details.reopen.options.map((o) => o.invoiceId)).toEqual([p.newest.id, p.other.id]);
    expect(details.reopen.options.map((o) => o.applied)).toEqual([p.newest.amount, p.other.amount]);
    expect(details.reopen.options[0]!.number).toMatch(/\S/);
  });

  it("a partial refund of a two-invoice payment choosing the other invoice reopens only it", async () => {
    const p = await twoInvoicePayment();
    const asked = await ask(p.attempt.id, "12.00", [p.other.id]);
    expect(asked.reopens).toEqual([{ invoiceId: p.other.id, number: expect.any(String), amount: 1_200n }]);
    const [stripeRefund] = await settleRefunds(p.attempt.paymentIntentId!);
    expect(await open([p.other.id, p.newest.id, p.paymentItemId])).toEqual([1_200n, 0n, 0n]);
    // Stripe telling it again changes nothing.
    await syncStripeRefund(stripeRefund!, systemActor("test"));
    expect(await open([p.other.id, p.newest.id])).toEqual([1_200n, 0n]);
    expect(await findLedgerViolations(getDb(), [p.customer.customerId])).toEqual([]);
    const details = await getCardPaymentDetails({ attemptId: p.attempt.id }, cash);
    expect(details.refunds[0]!.reopens).toEqual([
      { invoiceId: p.other.id, number: expect.any(String), amount: 1_200n },
    ]);
  });

  it("takes the unapplied remainder first, then only the chosen invoice", async () => {
    const p = await twoInvoicePayment();
    // Cash application took the payment off the newest invoice: its amount is unapplied.
    const application = await getDb().application.findFirstOrThrow({
      where: { creditItemId: p.paymentItemId, debitItemId: p.newest.id, kind: "APPLY" },
    });
    await reverseApplication({ applicationId: application.id, reason: "Misapplied" }, cash);
    const remainder = p.newest.amount;
    const covered = await ask(p.attempt.id, usd(remainder), [p.other.id], manager);
    expect(covered.reopens).toEqual([]);
    const beyond = await ask(p.attempt.id, "3.00", [p.other.id]);
    expect(beyond.reopens).toEqual([{ invoiceId: p.other.id, number: expect.any(String), amount: 300n }]);
    // The first refund waits for approval and keeps the remainder; the second settles as it showed.
    expect(covered.status).toBe("PENDING_APPROVAL");
    await settleRefunds(p.attempt.paymentIntentId!);
    expect(await open([p.other.id, p.newest.id, p.paymentItemId])).toEqual([
      300n,
      p.newest.amount,
      remainder,
    ]);
    const details = await getCardPaymentDetails({ attemptId: p.attempt.id }, cash);
    // What a third refund could still take: nothing of the remainder the first one holds.
    expect(details.reopen.unapplied).toBe(0n);
    expect(details.reopen.options).toEqual([
      expect.objectContaining({ invoiceId: p.other.id, applied: p.other.amount - 300n }),
    ]);
  });

  it("the approval executes the plan the request chose and showed", async () => {
    const p = await twoInvoicePayment();
    const amount = 6_000n; // above the threshold: a second staff member approves
    expect(p.other.amount).toBeGreaterThan(amount);
    const asked = await ask(p.attempt.id, usd(amount), [p.other.id], cash, "WRONG_COMPANY");
    expect(asked.status).toBe("PENDING_APPROVAL");
    const queue = await listApprovals(manager);
    expect(queue.items.find((i) => i.id === asked.id)?.reopens).toEqual([
      { invoiceId: p.other.id, number: expect.any(String), amount },
    ]);
    const approved = await approveRefund({ attemptId: p.attempt.id, refundId: asked.id }, manager);
    expect(approved.reopens).toEqual(asked.reopens);
    await settleRefunds(p.attempt.paymentIntentId!);
    expect(await open([p.other.id, p.newest.id])).toEqual([amount, 0n]);
    expect(await findLedgerViolations(getDb(), [p.customer.customerId])).toEqual([]);
  });

  it("when cash application undid the chosen invoice's application meanwhile, no other invoice reopens", async () => {
    const p = await twoInvoicePayment();
    await ask(p.attempt.id, "12.00", [p.other.id]);
    const application = await getDb().application.findFirstOrThrow({
      where: { creditItemId: p.paymentItemId, debitItemId: p.other.id, kind: "APPLY" },
    });
    await reverseApplication({ applicationId: application.id, reason: "Paid by bank transfer" }, cash);
    await settleRefunds(p.attempt.paymentIntentId!);
    // The refund took the cash the reversal freed; the newest invoice stays paid.
    expect(await open([p.other.id, p.newest.id, p.paymentItemId])).toEqual([
      p.other.amount,
      0n,
      p.other.amount - 1_200n,
    ]);
    expect(await findLedgerViolations(getDb(), [p.customer.customerId])).toEqual([]);
  });

  it("without a choice reopens the most recently paid invoice, as before", async () => {
    const p = await twoInvoicePayment();
    const asked = await requestRefund(
      { attemptId: p.attempt.id, amount: "2.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    expect(asked.reopens.map((r) => r.invoiceId)).toEqual([p.newest.id]);
    await settleRefunds(p.attempt.paymentIntentId!);
    expect(await open([p.newest.id, p.other.id])).toEqual([200n, 0n]);
  });

  it("refuses on the reopen field an invoice the payment did not pay, or a choice that holds too little", async () => {
    const p = await twoInvoicePayment();
    const stranger = await createPayingCustomer({ legalEntityId: entityId });
    const askFor = (reopen: string[], amount = "1.00") => ask(p.attempt.id, amount, reopen);
    const notPaid = { code: "VALIDATION", field: "reopen", reason: "not-paid-by-payment" };
    expect(await refusal(askFor([randomUUID()]))).toEqual(notPaid);
    expect(await refusal(askFor(["not-an-id"]))).toEqual(notPaid);
    expect(await refusal(askFor([stranger.invoices[0]!.id]))).toEqual(notPaid);
    expect(await refusal(askFor([p.other.id], usd(p.other.amount + 100n)))).toEqual({
      code: "VALIDATION",
      field: "reopen",
      reason: "choice-too-small",
    });
    expect(await getDb().refund.count({ where: { paymentItemId: p.paymentItemId } })).toBe(0);
  });
});

/** The payer opens two Checkout pages for the same invoices and pays both (two tabs, two clerks). */
async function paidTwice(customer: PayingCustomer) {
  const allocations = customer.invoices.map((i) => ({
    invoiceId: i.id,
    amount: toDecimalString(i.amount, i.currency),
  }));
  const start = () =>
    startCardPayment(
      { customerId: customer.customerId, idempotencyKey: randomUUID(), allocations },
      customer.payer,
      { portalUrl: new URL("http://127.0.0.1:9/") },
    );
  const first = await start();
  const second = await start();
  for (const started of [first, second]) {
    await stripeSandbox.control.payCheckout(started.checkoutUrl!.split("/").pop()!, {
      card: "4242424242424242",
    });
    await stripeSandbox.control.waitForDeliveries(10_000);
  }
  return { original: first.attemptId, duplicate: second.attemptId };
}

describe("duplicate payments", () => {
  it("the refund suggestion points at the duplicate, not the original", async () => {
    const customer = await createPayingCustomer({ legalEntityId: entityId });
    const { original, duplicate } = await paidTwice(customer);
    const first = await getCardPaymentDetails({ attemptId: original }, cash);
    const second = await getCardPaymentDetails({ attemptId: duplicate }, cash);
    expect(first.duplicates.of).toBeNull();
    expect(first.duplicates.repeatedBy.map((d) => d.attemptId)).toEqual([duplicate]);
    expect(first.refundSuggestion).toBeNull();
    expect(second.duplicates.of?.attemptId).toBe(original);
    expect(second.duplicates.of?.number).toBe(first.receipt!.number);
    expect(second.refundSuggestion).toEqual({ reason: "DUPLICATE_PAYMENT", amount: second.amount });

    // Refunding the duplicate as suggested reopens nothing: its cash was never applied.
    expect(second.reopen.options).toEqual([]);
    const asked = await requestRefund(
      { attemptId: duplicate, amount: "10.00", reason: "DUPLICATE_PAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    expect(asked.reopens).toEqual([]);
  });

  it("payments of other invoices or amounts, or far apart, are not duplicates", async () => {
    const customer = await createPayingCustomer({ legalEntityId: entityId, invoices: 3 });
    const [a, b] = customer.invoices;
    const one = await payByCard(stripeSandbox, customer, {
      allocations: [{ invoiceId: a!.id, amount: "1.00" }],
    });
    const other = await payByCard(stripeSandbox, customer, {
      allocations: [{ invoiceId: b!.id, amount: "1.00" }],
    });
    const more = await payByCard(stripeSandbox, customer, {
      allocations: [{ invoiceId: a!.id, amount: "2.00" }],
    });
    for (const id of [one.id, other.id, more.id]) {
      const details = await getCardPaymentDetails({ attemptId: id }, cash);
      expect(details.duplicates).toEqual({ of: null, repeatedBy: [] });
    }
    const again = await payByCard(stripeSandbox, customer, {
      allocations: [{ invoiceId: a!.id, amount: "1.00" }],
    });
    expect((await getCardPaymentDetails({ attemptId: again.id }, cash)).duplicates.of?.attemptId).toBe(
      one.id,
    );
    // A day and more later it is a payment of its own.
    await getDb().paymentAttempt.update({
      where: { id: again.id },
      data: { createdAt: new Date(one.createdAt.getTime() + 25 * 60 * 60 * 1000) },
    });
    expect((await getCardPaymentDetails({ attemptId: again.id }, cash)).duplicates.of).toBeNull();
  });
});
