import { randomUUID } from "node:crypto";
import { StripeSandboxControl } from "@settle/stripe-sandbox/control-client";
import { type RunningStripeSandbox, startStripeSandbox } from "@settle/stripe-sandbox/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalActor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { findLedgerViolations } from "../ledger/verify-ledger.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
  createStaffUser,
} from "../seed/factories.ts";
import { getCardPayment } from "./get-card-payment.ts";
import { requestRefund } from "./request-refund.ts";
import { runAutopay } from "./run-autopay.ts";
import { startCardPayment } from "./start-card-payment.ts";
import { configureStripe, getStripe } from "./stripe-client.ts";

// Currencies whose Stripe amounts differ from Settle's minor units: KWD (three decimals, the last
// one 0 at Stripe) and HUF (whole forints in Settle, two decimals in Stripe's API).

const PORTAL_URL = new URL("http://127.0.0.1:9/");
let sandbox: RunningStripeSandbox;
let control: StripeSandboxControl;
let cash: StaffActor;

beforeAll(async () => {
  sandbox = await startStripeSandbox({ port: 0, dataDir: null, log: false, refundSettleMs: null });
  control = new StripeSandboxControl(sandbox.url);
  configureStripe({ sandboxUrl: sandbox.url, maxNetworkRetries: 0 });
  const user = await createStaffUser(getDb(), {
    email: `cash-${randomUUID().slice(0, 8)}@settle.example`,
    roles: ["CASH_APPLIER"],
    passwordHash: "not-used",
  });
  cash = { kind: "staff", userId: user.id, roles: ["CASH_APPLIER"] };
  // Small KWD refunds go out without a second staff member.
  await getDb().refundApprovalThreshold.create({ data: { currency: "KWD", amount: 100_000n } });
});

afterAll(() => sandbox?.close());

async function account(currency: string) {
  const db = getDb();
  const entity = await createLegalEntity(db, { name: `${currency} Trading Co.`, currency });
  const customer = await createCustomer(db, { legalEntityId: entity.id });
  const invoice = await createInvoiceForCustomer(db, customer.id);
  const user = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  });
  const payer: PortalActor = {
    kind: "portal",
    userId: user.id,
    memberships: [{ customerId: customer.id, role: "PAYER" }],
  };
  return { customerId: customer.id, invoice, payer };
}

async function refused(run: Promise<unknown>) {
  try {
    await run;
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, ...error.details };
  }
}

/** Pays an attempt on the sandbox's Checkout page and records it through the return page. */
async function payAndReturn(a: Awaited<ReturnType<typeof account>>, amount: string) {
  const started = await startCardPayment(
    {
      customerId: a.customerId,
      idempotencyKey: randomUUID(),
      allocations: [{ invoiceId: a.invoice.id, amount }],
    },
    a.payer,
    { portalUrl: PORTAL_URL },
  );
  const sessionId = started.checkoutUrl!.split("/").pop()!;
  await control.payCheckout(sessionId, { card: "4242424242424242" });
  const session = await getStripe().stripe.checkout.sessions.retrieve(sessionId);
  const outcome = await getCardPayment({ customerId: a.customerId, attemptId: started.attemptId }, a.payer);
  return { started, session, outcome };
}

describe("card payments in currencies Stripe treats specially", () => {
  it("KWD: an amount whose last of three decimals is not 0 is refused before anything is charged", async () => {
    const a = await account("KWD");
    const sessionsBefore = (await getStripe().stripe.checkout.sessions.list({ limit: 100 })).data.length;
    const refusal = await refused(
      startCardPayment(
        {
          customerId: a.customerId,
          idempotencyKey: randomUUID(),
          allocations: [{ invoiceId: a.invoice.id, amount: "5.125" }],
        },
        a.payer,
        { portalUrl: PORTAL_URL },
      ),
    );
    expect(refusal).toMatchObject({
      code: "VALIDATION",
      reason: "amount-not-chargeable",
      number: a.invoice.number,
      currency: "KWD",
      step: "0.010",
    });
    expect(await getDb().paymentAttempt.count({ where: { customerId: a.customerId } })).toBe(0);
    expect((await getStripe().stripe.checkout.sessions.list({ limit: 100 })).data).toHaveLength(
      sessionsBefore,
    );

    // 5.120 KWD is 5120 at Stripe and 5120 fils in the ledger.
    const paid = await payAndReturn(a, "5.120");
    expect(paid.session.amount_total).toBe(5120);
    expect(paid.outcome.status).toBe("SUCCEEDED");
    const payment = await getDb().openItem.findFirstOrThrow({
      where: { customerId: a.customerId, kind: "PAYMENT" },
    });
    expect(payment).toMatchObject({ currency: "KWD", amount: 5120n });

    // Refunds follow the same rule.
    const refund = (amount: string) =>
      requestRefund(
        { attemptId: paid.started.attemptId, amount, reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
        cash,
      );
    expect(await refused(refund("1.005"))).toMatchObject({ code: "VALIDATION", field: "amount" });
    expect(await getDb().refund.count({ where: { paymentItemId: payment.id } })).toBe(0);
    expect((await refund("1.010")).status).toBe("PENDING");
    const [sent] = (
      await getStripe().stripe.refunds.list({ payment_intent: paid.session.payment_intent as string })
    ).data;
    expect(sent).toMatchObject({ amount: 1010, currency: "kwd" });
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);
  });

  it("KWD autopay: a total Stripe cannot take fails that charge before Stripe is called", async () => {
    const db = getDb();
    const entity = await createLegalEntity(db, { name: "KWD Autopay Co.", currency: "KWD" });
    const customer = await createCustomer(db, { legalEntityId: entity.id });
    const yesterday = new Date(Date.now() - 86_400_000);
    // An invoice whose open amount has a last fils that is not 0 (e.g. 12.345 KWD).
    let invoice = await createInvoiceForCustomer(db, customer.id, {
      documentDate: yesterday,
      dueDate: yesterday,
    });
    while (invoice.amount % 10n === 0n) {
      invoice = await createInvoiceForCustomer(db, customer.id, {
        documentDate: yesterday,
        dueDate: yesterday,
      });
    }
    await db.openItem.updateMany({
      where: { customerId: customer.id, id: { not: invoice.id }, kind: "INVOICE" },
      data: { dueDate: new Date(Date.now() + 60 * 86_400_000) },
    });
    const user = await createPortalUser(db, {
      email: `autopay-${randomUUID().slice(0, 8)}@customer.example`,
      memberships: [{ customerId: customer.id, role: "PAYER" }],
    });
    const card = await db.savedCard.create({
      data: {
        customerId: customer.id,
        stripeCustomerId: "cus_kwd",
        paymentMethodId: `pm_kwd_${randomUUID()}`,
        brand: "visa",
        last4: "4242",
        expMonth: 12,
        expYear: new Date().getUTCFullYear() + 2,
        savedById: user.id,
      },
    });
    await db.autopaySetting.create({
      data: {
        customerId: customer.id,
        enabled: true,
        savedCardId: card.id,
        currency: "KWD",
        enabledById: user.id,
        enabledAt: new Date(),
      },
    });
    const intentsBefore = (await getStripe().stripe.paymentIntents.list({ limit: 100 })).data.length;
    const run = await runAutopay({ customerIds: [customer.id] });
    expect(run).toMatchObject({ charged: 1, failed: 1, succeeded: 0 });
    const charge = await db.autopayCharge.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(charge).toMatchObject({ status: "FAILED", failureCode: "amount_not_chargeable" });
    expect(charge.failureMessage).toContain("0.010 KWD");
    expect((await getStripe().stripe.paymentIntents.list({ limit: 100 })).data).toHaveLength(intentsBefore);
    expect((await db.openItem.findUniqueOrThrow({ where: { id: invoice.id } })).openAmount).toBe(
      invoice.amount,
    );
  });

  it("HUF: whole forints in the ledger are hundredths at Stripe, both ways", async () => {
    const a = await account("HUF");
    const paid = await payAndReturn(a, "1750");
    // 1,750 Ft is 175000 in Stripe's API (two decimals), and 1750 in the ledger (whole forints).
    expect(paid.session).toMatchObject({ amount_total: 175_000, currency: "huf" });
    const intent = await getStripe().stripe.paymentIntents.retrieve(paid.session.payment_intent as string);
    expect(intent.amount_received).toBe(175_000);
    expect(paid.outcome.status).toBe("SUCCEEDED");
    const payment = await getDb().openItem.findFirstOrThrow({
      where: { customerId: a.customerId, kind: "PAYMENT" },
    });
    expect(payment).toMatchObject({ currency: "HUF", amount: 1750n });
    const attempt = await getDb().paymentAttempt.findUniqueOrThrow({ where: { id: paid.started.attemptId } });
    expect(attempt.amount).toBe(1750n);
    // Everything arrived as the payer chose it: nothing waits for cash application.
    expect(payment.needsCashApplication).toBe(false);
    expect(await findLedgerViolations(getDb(), [a.customerId])).toEqual([]);
  });
});
