import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { startCardPayment } from "@settle/domain/payments/start-card-payment";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { StripeSandboxControl } from "@settle/stripe-sandbox/control-client";
import { type RunningStripeSandbox, startStripeSandbox } from "@settle/stripe-sandbox/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCardPaymentSweep } from "./card-payment-sweep.ts";

let sandbox: RunningStripeSandbox;

beforeAll(async () => {
  // No webhook endpoint: only the sweep can learn about the payments.
  sandbox = await startStripeSandbox({ port: 0, dataDir: null, log: false });
  configureStripe({ sandboxUrl: sandbox.url, webhookSecret: "whsec_sweep_tests", maxNetworkRetries: 0 });
});
afterAll(() => sandbox?.close());

describe("the card payment sweep", () => {
  it("records payments whose webhooks never arrived, once however often it runs", async () => {
    const db = getDb();
    const customer = await createCustomer(db);
    const invoice = await createInvoiceForCustomer(db, customer.id);
    const user = await createPortalUser(db, {
      email: `sweep-${randomUUID().slice(0, 8)}@customer.example`,
      memberships: [{ customerId: customer.id, role: "PAYER" }],
    });
    const started = await startCardPayment(
      {
        customerId: customer.id,
        idempotencyKey: randomUUID(),
        allocations: [{ invoiceId: invoice.id, amount: "25.00" }],
      },
      { kind: "portal", userId: user.id, memberships: [{ customerId: customer.id, role: "PAYER" }] },
      { portalUrl: new URL("http://127.0.0.1:9/") },
    );
    const control = new StripeSandboxControl(sandbox.url);
    await control.payCheckout(started.checkoutUrl!.split("/").pop()!, { card: "4242424242424242" });

    const runs = await Promise.all([runCardPaymentSweep(), runCardPaymentSweep()]);
    expect(runs.reduce((n, r) => n + r.sweep.recorded, 0)).toBe(1);
    expect((await runCardPaymentSweep()).sweep.recorded).toBe(0);
    const payments = await db.openItem.findMany({ where: { customerId: customer.id, kind: "PAYMENT" } });
    expect(payments.map((p) => p.amount)).toEqual([2500n]);
    const open = await db.openItem.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(open.openAmount).toBe(invoice.amount - 2500n);
    expect(await findLedgerViolations(db, [customer.id])).toEqual([]);
  });
});
