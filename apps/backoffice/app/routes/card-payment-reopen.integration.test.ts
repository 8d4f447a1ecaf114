import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { applyCredit } from "@settle/domain/ledger/apply-credit";
import { typedAmountText } from "@settle/domain/money/typed-amount";
import { createStaffActor } from "@settle/domain/seed/actors.test-support";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { beforeAll, describe, expect, it } from "vitest";
import { backofficeCaller, staffSessionCookie } from "../route-test.test-support.ts";
import { action, loader } from "./card-payment.tsx";

const call = backofficeCaller();

type Answer = {
  reply: { error?: Record<string, string[] | null> };
  done: { message: string; reopens?: { number: string; amount: bigint }[] } | null;
};

/** A card payment (written straight to the ledger) that paid two invoices in full. */
async function paidTwoInvoices() {
  const db = getDb();
  const customer = await createCustomer(db, { name: `Reopen Route ${randomUUID().slice(0, 6)}` });
  const payer = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
  const invoices = [
    await createInvoiceForCustomer(db, customer.id),
    await createInvoiceForCustomer(db, customer.id),
  ];
  const total = invoices[0]!.amount + invoices[1]!.amount;
  const pi = `pi_reopen_${randomUUID().replaceAll("-", "")}`;
  const payment = await db.openItem.create({
    data: {
      customerId: customer.id,
      legalEntityId: customer.legalEntityId,
      kind: "PAYMENT",
      number: `CP-${randomUUID().slice(0, 8)}`,
      currency: invoices[0]!.currency,
      amount: total,
      openAmount: total,
      documentDate: new Date(),
      paymentMethod: "CARD",
      stripePaymentIntentId: pi,
    },
  });
  const applier = await createStaffActor(["CASH_APPLIER"]);
  for (const invoice of invoices) {
    await applyCredit({ creditItemId: payment.id, debitItemId: invoice.id, amount: invoice.amount }, applier);
  }
  const attempt = await db.paymentAttempt.create({
    data: {
      customerId: customer.id,
      currency: invoices[0]!.currency,
      amount: total,
      status: "SUCCEEDED",
      idempotencyKey: randomUUID(),
      paymentIntentId: pi,
      paymentItemId: payment.id,
      createdById: payer.id,
    },
  });
  return { attemptId: attempt.id, invoices };
}

async function staffCookie(locale: string) {
  const staff = await createStaffActor(["CASH_APPLIER"]);
  await getDb().staffUser.update({ where: { id: staff.userId }, data: { locale } });
  return staffSessionCookie(staff.userId);
}

let paid: Awaited<ReturnType<typeof paidTwoInvoices>>;

beforeAll(async () => {
  // Every refund here waits for a second staff member, so nothing calls Stripe.
  await getDb().refundApprovalThreshold.updateMany({ data: { amount: 0n } });
  paid = await paidTwoInvoices();
});

const request = (reopen: string[], amount = "1.00") => {
  const form: [string, string][] = [
    ["intent", "refund-request"],
    ["amount", amount],
    ["reason", "OVERPAYMENT"],
    ["idempotencyKey", randomUUID()],
  ];
  for (const id of reopen) form.push(["reopen", id]);
  return form;
};

describe("the refund form's invoices to reopen", () => {
  it("lists the invoices the payment paid, the most recent ticked", async () => {
    const cookie = await staffCookie("en");
    const page = await outcome<{ reopen: { options: { invoiceId: string }[]; defaultChoice: string[] } }>(
      loader(call(`/card-payments/${paid.attemptId}`, { cookie, params: { attemptId: paid.attemptId } })),
    );
    expect(page.status).toBe(200);
    expect(page.data?.reopen.options.map((o) => o.invoiceId).sort()).toEqual(
      paid.invoices.map((i) => i.id).sort(),
    );
    expect(page.data?.reopen.defaultChoice).toEqual([page.data?.reopen.options[0]?.invoiceId]);
  });

  it("an unknown or malformed invoice is a 400 on the reopen field, never a 500", async () => {
    const cookie = await staffCookie("en");
    for (const reopen of [[randomUUID()], ["not-an-id"], [paid.invoices[0]!.id, randomUUID()]]) {
      const answer = await outcome<Answer>(
        action(
          call(`/card-payments/${paid.attemptId}`, {
            cookie,
            params: { attemptId: paid.attemptId },
            form: request(reopen),
          }),
        ),
      );
      expect(answer.status).toBe(400);
      expect(answer.data?.reply.error?.reopen).toEqual(["Tick invoices this payment paid."]);
    }
    expect(
      await getDb().refund.count({ where: { paymentItem: { paymentAttempt: { id: paid.attemptId } } } }),
    ).toBe(0);
  });

  it("words a choice that holds too little in the staff member's language", async () => {
    const cookie = await staffCookie("es");
    const [first] = paid.invoices;
    // Typed the Spanish way ("1234,56"), as the page asks of a Spanish-speaking staff member.
    const tooMuch = typedAmountText(first!.amount + 100n, "USD", "es");
    const answer = await outcome<Answer>(
      action(
        call(`/card-payments/${paid.attemptId}`, {
          cookie,
          params: { attemptId: paid.attemptId },
          form: request([first!.id], tooMuch),
        }),
      ),
    );
    expect(answer.status).toBe(400);
    expect(answer.data?.reply.error?.reopen?.[0]).toMatch(
      /^Las facturas marcadas y la parte no aplicada del pago solo suman /,
    );
  });

  it("a request says which invoice will be open again and by how much", async () => {
    const cookie = await staffCookie("en");
    const chosen = paid.invoices[1]!;
    const answer = await outcome<Answer>(
      action(
        call(`/card-payments/${paid.attemptId}`, {
          cookie,
          params: { attemptId: paid.attemptId },
          form: request([chosen.id], "2.50"),
        }),
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.data?.done?.reopens).toEqual([
      { invoiceId: chosen.id, number: chosen.number, amount: 250n },
    ]);
  });
});
