import { randomUUID } from "node:crypto";
import { getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import { startCardPayment } from "@settle/domain/payments/start-card-payment";
import {
  createPayingCustomer,
  useStripeSandbox,
} from "@settle/domain/payments/stripe-test-setup.test-support";
import { afterAll, describe, expect, it } from "vitest";
import { type StripeInboxProcessor, startStripeInboxProcessor } from "./stripe-inbox.ts";

// The portal's webhook route as deployed: it only stores the event and answers.
const stripeSandbox = useStripeSandbox({ secret: "whsec_inbox_processor_tests", webhooks: "stored" });
let processor: StripeInboxProcessor | undefined;

afterAll(async () => {
  await processor?.stop();
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
    const customer = await createPayingCustomer({ invoices: 6 });
    // Started before the first event: it learns of them from NOTIFY (its poll is far off).
    processor = await startStripeInboxProcessor({
      databaseUrl: process.env.DATABASE_URL!,
      batchSize: 4,
      pollMs: 60_000,
    });

    await stripeSandbox.control.duplicateNext(30);
    await stripeSandbox.control.holdNext();
    for (const invoice of customer.invoices) {
      const started = await startCardPayment(
        {
          customerId: customer.customerId,
          idempotencyKey: randomUUID(),
          allocations: [{ invoiceId: invoice.id, amount: "1.00" }],
        },
        customer.payer,
        { portalUrl: new URL("http://127.0.0.1:9/") },
      );
      await stripeSandbox.control.payCheckout(started.checkoutUrl!.split("/").pop()!, {
        card: "4242424242424242",
      });
    }
    await stripeSandbox.control.release("shuffle", 7);
    await stripeSandbox.control.waitForDeliveries(10_000);

    const payments = await until(
      "six payments",
      () => db.openItem.findMany({ where: { customerId: customer.customerId, kind: "PAYMENT" } }),
      (rows) => rows.length >= 6,
    );
    await until(
      "an empty inbox",
      () => db.stripeEvent.count({ where: { processedAt: null } }),
      (n) => n === 0,
    );
    expect(payments).toHaveLength(6);
    expect(payments.every((p) => p.amount === 100n && p.openAmount === 0n)).toBe(true);
    for (const invoice of customer.invoices) {
      const row = await db.openItem.findUniqueOrThrow({ where: { id: invoice.id } });
      expect(row.openAmount).toBe(invoice.amount - 100n);
    }
    expect(await findLedgerViolations(db, [customer.customerId])).toEqual([]);
    expect(
      await db.outboxEmail.count({
        where: { category: "portal.payment-receipt", toAddress: customer.email },
      }),
    ).toBe(6);

    await processor.stop();
    processor = undefined;
  });
});
