import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { failure } from "../disputes/dispute-fixtures.test-support.ts";
import { listInvoices } from "../invoices/list-invoices.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { toDecimalString } from "../money/money.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createCreditForCustomer, createLegalEntity } from "../seed/factories.ts";
import { getStatement } from "../statements/get-statement.ts";
import { getPaymentReceipt } from "./get-payment-receipt.ts";
import { listPayments } from "./list-payments.ts";
import { requestRefund } from "./request-refund.ts";
import { getStripe } from "./stripe-client.ts";
import { createPayingCustomer, payByCard, useStripeSandbox } from "./stripe-test-setup.test-support.ts";

const stripeSandbox = useStripeSandbox({
  secret: "whsec_payment_list_tests",
  webhooks: "processed",
  sandbox: { refundSettleMs: null },
  isolateTests: true,
});

let entityId: string;
let cash: StaffActor;
const testActor = { kind: "system", name: "test" } as const;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Fabrikam Receipts Ltd." })).id;
  cash = await createStaffActor(["CASH_APPLIER"]);
});

/** A payer whose first invoice is paid by card (Visa 4242) and second by an ERP cheque receipt. */
async function payingAccount() {
  const customer = await createPayingCustomer({ legalEntityId: entityId, invoices: 3 });
  const [first, second] = customer.invoices;
  const attempt = await payByCard(stripeSandbox, customer, {
    allocations: [{ invoiceId: first!.id, amount: toDecimalString(first!.amount, first!.currency) }],
  });
  expect(attempt.status).toBe("SUCCEEDED");
  const cheque = await createCreditForCustomer(getDb(), customer.customerId, {
    amount: second!.amount,
    paymentMethod: "CHECK",
    number: `RCT-C${randomUUID().slice(0, 8)}`,
  });
  await applyCredit({ creditItemId: cheque.id, debitItemId: second!.id, amount: second!.amount }, testActor);
  const memo = await createCreditForCustomer(getDb(), customer.customerId, {
    kind: "CREDIT_MEMO",
    amount: 1234n,
  });
  return { customer, attempt, cheque, memo };
}

describe("listPayments", () => {
  it("lists card payments by the card the payer knows, ERP receipts by their method, credits, and where each went", async () => {
    const { customer, attempt, cheque, memo } = await payingAccount();
    const [first, second] = customer.invoices;
    const list = await listPayments({ customerId: customer.customerId }, customer.payer);

    expect(list.total).toBe(3);
    const card = list.rows.find((r) => r.id === attempt.paymentItemId)!;
    expect(card).toMatchObject({
      kind: "PAYMENT",
      method: { kind: "CARD", brand: "visa", last4: "4242" },
      amount: first!.amount,
      unapplied: 0n,
      appliedTo: [{ id: first!.id, number: first!.number, amount: first!.amount }],
      fromPayment: null,
      hasReceipt: true,
    });
    // Card payments take receipt numbers like the ERP's receipts, never a Stripe id.
    expect(card.number).toMatch(/^RCT-\d+$/);
    // The e-mailed receipt names the card the same way.
    const mail = await getDb().outboxEmail.findFirstOrThrow({
      where: { toAddress: customer.email, category: "portal.payment-receipt" },
    });
    expect(mail.textBody).toContain("Visa •••• 4242");
    expect(mail.textBody).toContain(card.number);
    expect(JSON.stringify(list.rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(
      /pi_|ch_|pm_/,
    );
    expect(list.rows.find((r) => r.id === cheque.id)).toMatchObject({
      method: { kind: "CHECK" },
      appliedTo: [{ id: second!.id, number: second!.number, amount: second!.amount }],
      hasReceipt: true,
    });
    expect(list.rows.find((r) => r.id === memo.id)).toMatchObject({
      kind: "CREDIT_MEMO",
      unapplied: 1234n,
      appliedTo: [],
      hasReceipt: false,
    });

    const byAmount = await listPayments(
      { customerId: customer.customerId, sort: "amount", dir: "asc" },
      customer.payer,
    );
    const amounts = byAmount.rows.map((r) => r.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const past = await listPayments({ customerId: customer.customerId, page: 99 }, customer.payer);
    expect(past).toMatchObject({ rows: [], total: 3, page: 99, pageCount: 1 });
    const credits = await listPayments({ customerId: customer.customerId, type: "credits" }, customer.payer);
    expect(credits.rows.map((r) => r.id)).toEqual([memo.id]);
    const search = await listPayments({ customerId: customer.customerId, q: card.number }, customer.payer);
    expect(search.rows.map((r) => r.id)).toEqual([attempt.paymentItemId]);
    expect(
      await failure(listPayments({ customerId: customer.customerId, type: "bogus" }, customer.payer)),
    ).toBe("VALIDATION");
  });

  it("card payments continue the legal entity's receipt numbering, one number after another", async () => {
    const entity = (await createLegalEntity(getDb(), { name: "Numbering Test GmbH" })).id;
    const customer = await createPayingCustomer({ legalEntityId: entity, invoices: 2 });
    await createCreditForCustomer(getDb(), customer.customerId, { amount: 100n, number: "RCT-200500" });
    const [first, second] = customer.invoices;
    const paid = [];
    for (const invoice of [first!, second!]) {
      const attempt = await payByCard(stripeSandbox, customer, {
        allocations: [{ invoiceId: invoice.id, amount: toDecimalString(invoice.amount, invoice.currency) }],
      });
      paid.push(await getDb().openItem.findUniqueOrThrow({ where: { id: attempt.paymentItemId! } }));
    }
    expect(paid.map((p) => p.number)).toEqual(["RCT-200501", "RCT-200502"]);
  });

  it("shows a refund as its own row linked to its payment, on the statement, and never among the invoices", async () => {
    const { customer, attempt } = await payingAccount();
    const request = await requestRefund(
      { attemptId: attempt.id, amount: "4.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
      cash,
    );
    const [refund] = (
      await getStripe().stripe.refunds.list({ payment_intent: attempt.paymentIntentId!, limit: 10 })
    ).data;
    await stripeSandbox.control.succeedRefund(refund!.id);
    await stripeSandbox.control.waitForDeliveries(10_000);
    const refundItem = await getDb().refund.findUniqueOrThrow({
      where: { id: request.id },
      select: {
        refundItem: { select: { id: true, number: true } },
        paymentItem: { select: { number: true } },
      },
    });
    expect(refundItem.refundItem).not.toBeNull();

    const refunds = await listPayments({ customerId: customer.customerId, type: "refunds" }, customer.payer);
    expect(refunds.rows).toHaveLength(1);
    expect(refunds.rows[0]).toMatchObject({
      id: refundItem.refundItem!.id,
      kind: "REFUND",
      amount: 400n,
      method: { kind: "CARD", brand: "visa", last4: "4242" },
      fromPayment: { id: attempt.paymentItemId, number: refundItem.paymentItem.number },
      hasReceipt: false,
    });

    const invoices = await listInvoices({ customerId: customer.customerId }, customer.payer);
    expect(invoices.rows.map((r) => r.kind)).not.toContain("REFUND");
    expect(invoices.rows.map((r) => r.id)).not.toContain(refundItem.refundItem!.id);
    const statement = await getStatement({ customerId: customer.customerId }, customer.payer);
    expect(JSON.stringify(statement, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).toContain(
      refundItem.refundItem!.number,
    );
  });
});

describe("getPaymentReceipt", () => {
  it("gives any payment's receipt to the account's users: the card by brand and digits, a cheque as a cheque", async () => {
    const { customer, attempt, cheque } = await payingAccount();
    const card = await getPaymentReceipt(
      { customerId: customer.customerId, paymentId: attempt.paymentItemId! },
      customer.payer,
    );
    const item = await getDb().openItem.findUniqueOrThrow({ where: { id: attempt.paymentItemId! } });
    expect(card).toMatchObject({
      receiptNumber: item.number,
      method: { kind: "CARD", brand: "visa", last4: "4242" },
      amount: customer.invoices[0]!.amount,
      unapplied: 0n,
    });
    expect(card.applications.map((a) => a.number)).toEqual([customer.invoices[0]!.number]);
    const erp = await getPaymentReceipt(
      { customerId: customer.customerId, paymentId: cheque.id },
      customer.payer,
    );
    expect(erp).toMatchObject({
      receiptNumber: cheque.number,
      method: { kind: "CHECK" },
      paymentReference: null,
    });
  });

  it("is NOT_FOUND for another account's payment, an invoice, a malformed id and another account's list", async () => {
    const { customer, attempt } = await payingAccount();
    const stranger = await createPayingCustomer({ legalEntityId: entityId, invoices: 1 });
    const paymentId = attempt.paymentItemId!;
    expect(
      await failure(getPaymentReceipt({ customerId: customer.customerId, paymentId }, stranger.payer)),
    ).toBe("NOT_FOUND");
    // Their own account in the URL does not reach someone else's payment either.
    expect(
      await failure(getPaymentReceipt({ customerId: stranger.customerId, paymentId }, stranger.payer)),
    ).toBe("NOT_FOUND");
    const invoiceId = customer.invoices[0]!.id;
    expect(
      await failure(
        getPaymentReceipt({ customerId: customer.customerId, paymentId: invoiceId }, customer.payer),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await failure(
        getPaymentReceipt({ customerId: customer.customerId, paymentId: "nope" }, customer.payer),
      ),
    ).toBe("NOT_FOUND");
    expect(await failure(listPayments({ customerId: customer.customerId }, stranger.payer))).toBe(
      "NOT_FOUND",
    );
  });
});
