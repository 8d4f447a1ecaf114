import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "../seed/factories.ts";
import { getCardPaymentDetails } from "./card-payment-details.ts";
import { listCardPayments } from "./list-card-payments.ts";
import { recordCardPayment } from "./record-card-payment.ts";

const staff: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["CASH_APPLIER"] };
let entityId: string;

beforeAll(async () => {
  entityId = (await createLegalEntity(getDb(), { name: "Card Payments Back Office Inc." })).id;
});

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/** A customer with two invoices, a payer, and an attempt paying all of the first and part of the second. */
async function paidByCard(options: { status?: "SUCCEEDED" | "FAILED" } = {}) {
  const db = getDb();
  const customer = await createCustomer(db, {
    legalEntityId: entityId,
    name: `Card Co ${randomUUID().slice(0, 6)}`,
  });
  const first = await createInvoiceForCustomer(db, customer.id);
  const second = await createInvoiceForCustomer(db, customer.id);
  const user = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    name: "Pat Payer",
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
  const partial = second.amount / 2n;
  const paymentIntentId = `pi_test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const attempt = await db.paymentAttempt.create({
    data: {
      customerId: customer.id,
      currency: first.currency,
      amount: first.amount + partial,
      idempotencyKey: randomUUID(),
      checkoutSessionId: `cs_test_${randomUUID().replaceAll("-", "")}`,
      paymentIntentId,
      createdById: user.id,
      allocations: {
        create: [
          { itemId: first.id, amount: first.amount },
          { itemId: second.id, amount: partial },
        ],
      },
      ...(options.status === "FAILED"
        ? { status: "FAILED", failureCode: "card_declined", failureMessage: "Your card was declined." }
        : {}),
    },
  });
  if (options.status !== "FAILED") {
    await recordCardPayment(
      {
        attemptId: attempt.id,
        paymentIntentId,
        amountReceived: first.amount + partial,
        currency: first.currency.trim(),
        paidAt: new Date(),
        cardLabel: "visa •••• 4242",
      },
      { kind: "system", name: "test" },
    );
  }
  const payer: PortalActor = {
    kind: "portal",
    userId: user.id,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  };
  return { customer, first, second, partial, attempt, paymentIntentId, payer };
}

describe("card payments in the back office", () => {
  it("lists payments newest first with customer, payer, receipt and counts by status; searches and filters", async () => {
    const paid = await paidByCard();
    const declined = await paidByCard({ status: "FAILED" });

    const all = await listCardPayments({}, staff);
    const ids = all.rows.map((r) => r.id);
    expect(ids.indexOf(declined.attempt.id)).toBeLessThan(ids.indexOf(paid.attempt.id));
    const row = all.rows.find((r) => r.id === paid.attempt.id);
    expect(row).toMatchObject({
      status: "SUCCEEDED",
      amount: paid.first.amount + paid.partial,
      customer: { id: paid.customer.id, accountNumber: paid.customer.accountNumber },
      payer: { name: "Pat Payer" },
      invoiceCount: 2,
      unapplied: 0n,
      paymentIntentId: paid.paymentIntentId,
    });
    expect(row?.receiptNumber).toBeTruthy();
    expect(all.byStatus.SUCCEEDED).toBeGreaterThanOrEqual(1);
    expect(all.byStatus.FAILED).toBeGreaterThanOrEqual(1);

    const byIntent = await listCardPayments({ q: paid.paymentIntentId }, staff);
    expect(byIntent.rows.map((r) => r.id)).toEqual([paid.attempt.id]);
    const byAccount = await listCardPayments({ q: declined.customer.accountNumber }, staff);
    expect(byAccount.rows.map((r) => r.id)).toEqual([declined.attempt.id]);
    expect(byAccount.rows[0]?.failureMessage).toBe("Your card was declined.");

    const failed = await listCardPayments({ status: "FAILED" }, staff);
    expect(failed.rows.every((r) => r.status === "FAILED")).toBe(true);
    // Hand-edited URL values fall back instead of failing.
    const odd = await listCardPayments({ status: "BOGUS", page: "-3" }, staff);
    expect(odd.status).toBeUndefined();
    expect(odd.page).toBe(1);
  });

  it("shows one payment with the payer's choice, the receipt's applications, its history and Stripe ids", async () => {
    const paid = await paidByCard();
    const details = await getCardPaymentDetails({ attemptId: paid.attempt.id.toUpperCase() }, staff);
    expect(details.status).toBe("SUCCEEDED");
    expect(details.stripe.paymentIntentId).toBe(paid.paymentIntentId);
    expect(details.receipt?.amount).toBe(paid.first.amount + paid.partial);
    expect(details.receipt?.openAmount).toBe(0n);
    expect(details.allocations).toEqual(
      [
        { itemId: paid.first.id, number: paid.first.number, chosen: paid.first.amount, openNow: 0n },
        {
          itemId: paid.second.id,
          number: paid.second.number,
          chosen: paid.partial,
          openNow: paid.second.amount - paid.partial,
        },
      ]
        .sort((a, b) => a.number.localeCompare(b.number))
        .map((a) => expect.objectContaining(a)),
    );
    expect(details.applications.map((a) => [a.debitItem.id, a.amount, a.kind, a.reversed]).sort()).toEqual(
      [
        [paid.first.id, paid.first.amount, "APPLY", false],
        [paid.second.id, paid.partial, "APPLY", false],
      ].sort(),
    );
    expect(details.history.map((h) => h.action)).toEqual(expect.arrayContaining(["payment.record"]));
    // The history reads as sentences: who, which receipt, how much.
    const amount = { amount: paid.first.amount + paid.partial, currency: "USD" };
    const system = { kind: "system", name: null };
    expect(details.history.map((h) => h.facts)).toEqual(
      expect.arrayContaining([
        { action: "card-payment.succeed", actor: system, payment: details.receipt?.number, amount },
        { action: "payment.record", actor: system, item: details.receipt?.number, amount },
      ]),
    );
  });

  it("is for staff only, and an unknown or malformed id is NOT_FOUND", async () => {
    const paid = await paidByCard();
    expect(await failure(listCardPayments({}, paid.payer))).toBe("FORBIDDEN");
    expect(await failure(getCardPaymentDetails({ attemptId: paid.attempt.id }, paid.payer))).toBe(
      "FORBIDDEN",
    );
    expect(await failure(getCardPaymentDetails({ attemptId: randomUUID() }, staff))).toBe("NOT_FOUND");
    expect(await failure(getCardPaymentDetails({ attemptId: "not-an-id" }, staff))).toBe("NOT_FOUND");
  });
});
