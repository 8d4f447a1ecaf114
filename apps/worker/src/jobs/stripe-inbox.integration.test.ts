import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { startCardPayment } from "@settle/domain/payments/start-card-payment";
import { configureStripe } from "@settle/domain/payments/stripe-client";
import {
  startTestWebhookReceiver,
  type TestWebhookReceiver,
} from "@settle/domain/payments/webhook-receiver.test-support";
import { createCustomer, createInvoiceForCustomer, createPortalUser } from "@settle/domain/seed/factories";
import { StripeSandboxControl } from "@settle/stripe-sandbox/control-client";
import { type RunningStripeSandbox, startStripeSandbox } from "@settle/stripe-sandbox/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeInboxProcessor, startStripeInboxProcessor } from "./stripe-inbox.ts";

const SECRET = "whsec_inbox_processor_tests";
let sandbox: RunningStripeSandbox;
let control: StripeSandboxControl;
let receiver: TestWebhookReceiver;
let processor: StripeInboxProcessor | undefined;

beforeAll(async () => {
  // The portal's webhook route as deployed: it only stores the event and answers.
  receiver = await startTestWebhookReceiver({ drain: false });
  const url = receiver.url;
  sandbox = await startStripeSandbox({
    port: 0,
    dataDir: null,
    log: false,
    webhooks: [{ url, secret: SECRET }],
    retry: { initialMs: 20, factor: 2, maxDelayMs: 200, maxAttempts: 6 },
  });
  control = new StripeSandboxControl(sandbox.url);
  configureStripe({ sandboxUrl: sandbox.url, webhookSecret: SECRET, maxNetworkRetries: 0 });
});

afterAll(async () => {
  await processor?.stop();
  await sandbox?.close();
  await receiver?.close();
});

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the Stripe inbox processor", () => {
  it("records payments as their events arrive, once each, with duplicated and shuffled deliveries", async () => {
    const db = getDb();
    const customer = await createCustomer(db);
    const invoices = await Promise.all(
      Array.from({ length: 6 }, () => createInvoiceForCustomer(db, customer.id)),
    );
    const membership = { customerId: customer.id, role: "PAYER" as const };
    const user = await createPortalUser(db, {
      email: `inbox-${randomUUID().slice(0, 8)}@customer.example`,
      memberships: [membership],
    });
    // Started before the first event: it learns of them from NOTIFY (its poll is far off).
    processor = await startStripeInboxProcessor({
      databaseUrl: process.env.DATABASE_URL!,
      batchSize: 4,
      pollMs: 60_000,
    });

    await control.duplicateNext(30);
    await control.holdNext();
    for (const invoice of invoices) {
      const started = await startCardPayment(
        {
          customerId: customer.id,
          idempotencyKey: randomUUID(),
          allocations: [{ invoiceId: invoice.id, amount: "1.00" }],
        },
        { kind: "portal", userId: user.id, memberships: [membership] },
        { portalUrl: new URL("http://127.0.0.1:9/") },
      );
      await control.payCheckout(started.checkoutUrl!.split("/").pop()!, { card: "4242424242424242" });
    }
    await control.release("shuffle", 7);
    await control.waitForDeliveries(10_000);

    const payments = await until(
      "six payments",
      () => db.openItem.findMany({ where: { customerId: customer.id, kind: "PAYMENT" } }),
      (rows) => rows.length >= 6,
    );
    await until(
      "an empty inbox",
      () => db.stripeEvent.count({ where: { processedAt: null } }),
      (n) => n === 0,
    );
    expect(payments).toHaveLength(6);
    expect(payments.every((p) => p.amount === 100n && p.openAmount === 0n)).toBe(true);
    for (const invoice of invoices) {
      const row = await db.openItem.findUniqueOrThrow({ where: { id: invoice.id } });
      expect(row.openAmount).toBe(invoice.amount - 100n);
    }
    expect(await findLedgerViolations(db, [customer.id])).toEqual([]);
    expect(
      await db.outboxEmail.count({ where: { category: "portal.payment-receipt", toAddress: user.email } }),
    ).toBe(6);

    await processor.stop();
    processor = undefined;
  });
});
