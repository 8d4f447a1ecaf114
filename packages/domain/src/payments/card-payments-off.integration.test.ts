import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalActor } from "../actor.ts";
import { configureCardPayments } from "../base/card-payments-switch.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { portalCapabilities } from "../portal-access/capabilities.ts";
import {
  createCustomer,
  createInvoiceForCustomer,
  createLegalEntity,
  createPortalUser,
} from "../seed/factories.ts";
import { getPaymentMethods } from "./get-payment-methods.ts";
import { runAutopay } from "./run-autopay.ts";
import { sendApprovedRefunds } from "./send-refund.ts";
import { startCardPayment } from "./start-card-payment.ts";
import { configureStripe } from "./stripe-client.ts";
import { sweepCardPayments } from "./sweep-card-payments.ts";
import { syncPendingRefunds } from "./sync-refund.ts";

// Nothing listens here: while card payments are off, nothing may try to reach Stripe.
const NOBODY = "http://127.0.0.1:9";
let customerId: string;
let invoiceId: string;
let payer: PortalActor;

beforeAll(async () => {
  configureStripe({ sandboxUrl: NOBODY, maxNetworkRetries: 0, timeoutMs: 2000 });
  const db = getDb();
  const entity = await createLegalEntity(db, { name: "Cards Off Inc." });
  customerId = (await createCustomer(db, { legalEntityId: entity.id })).id;
  const yesterday = new Date(Date.now() - 86_400_000);
  const invoice = await createInvoiceForCustomer(db, customerId, {
    documentDate: yesterday,
    dueDate: yesterday,
  });
  invoiceId = invoice.id;
  const user = await createPortalUser(db, {
    email: `payer-${randomUUID().slice(0, 8)}@customer.example`,
    memberships: [{ customerId, role: "PAYER" }],
  });
  payer = { kind: "portal", userId: user.id, memberships: [{ customerId, role: "PAYER" }] };
  // An account with autopay on and a valid card: it would be charged today.
  const card = await db.savedCard.create({
    data: {
      customerId,
      stripeCustomerId: "cus_off",
      paymentMethodId: `pm_off_${randomUUID()}`,
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: new Date().getUTCFullYear() + 2,
      savedById: user.id,
    },
  });
  await db.autopaySetting.create({
    data: {
      customerId,
      enabled: true,
      savedCardId: card.id,
      currency: invoice.currency,
      enabledById: user.id,
      enabledAt: new Date(),
    },
  });
  configureCardPayments("switched-off");
});

afterAll(() => configureCardPayments(null));

async function refusal(run: Promise<unknown>) {
  try {
    await run;
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, reason: error.details?.reason };
  }
}

describe("card payments switched off", () => {
  it("the portal's payers cannot pay, save cards or see payment methods; another account is still NOT_FOUND", async () => {
    expect(portalCapabilities(payer, customerId)).toMatchObject({ canPay: false });
    const off = { code: "INVALID_STATE", reason: "card-payments-off" };
    expect(
      await refusal(
        startCardPayment(
          { customerId, idempotencyKey: randomUUID(), allocations: [{ invoiceId, amount: "1.00" }] },
          payer,
          { portalUrl: new URL("http://127.0.0.1:9/") },
        ),
      ),
    ).toEqual(off);
    expect(await refusal(getPaymentMethods(customerId, payer))).toEqual(off);
    expect(await refusal(getPaymentMethods(randomUUID(), payer))).toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().paymentAttempt.count({ where: { customerId } })).toBe(0);
  });

  it("the worker's autopay and sweeps do nothing and ask nobody", async () => {
    expect(await runAutopay({ customerIds: [customerId] })).toMatchObject({ accounts: 0, charged: 0 });
    expect(await getDb().autopayCharge.count({ where: { customerId } })).toBe(0);
    expect(await sweepCardPayments()).toEqual({ listed: 0, recorded: 0, settled: 0 });
    expect(await sendApprovedRefunds({ olderThanMs: 0 })).toEqual({ tried: 0, sent: 0 });
    expect(await syncPendingRefunds({ olderThanMs: 0 })).toEqual({ checked: 0, settled: 0 });
  });

  it("switched on again, the same autopay run charges (and here fails to reach Stripe)", async () => {
    configureCardPayments(null);
    try {
      expect(portalCapabilities(payer, customerId).canPay).toBe(true);
      await expect(sweepCardPayments()).rejects.toThrow();
      const run = await runAutopay({ customerIds: [customerId] });
      expect(run).toMatchObject({ accounts: 1, charged: 1 });
      expect(await getDb().autopayCharge.count({ where: { customerId } })).toBe(1);
    } finally {
      configureCardPayments("switched-off");
    }
  });
});
