import { getDb } from "@settle/domain/db/client";
import { findLedgerViolations } from "@settle/domain/ledger/verify-ledger";
import {
  createPayingCustomer,
  payByCard,
  useStripeSandbox,
} from "@settle/domain/payments/stripe-test-setup.test-support";
import { describe, expect, it } from "vitest";
import { runCardPaymentSweep } from "./card-payment-sweep.ts";

// No webhook endpoint: only the sweep can learn about the payments.
const stripeSandbox = useStripeSandbox({ secret: "whsec_sweep_tests" });

describe("the card payment sweep", () => {
  it("records payments whose webhooks never arrived, once however often it runs", async () => {
    const db = getDb();
    const customer = await createPayingCustomer({ invoices: 1 });
    const invoice = customer.invoices[0]!;
    const attempt = await payByCard(stripeSandbox, customer, {
      allocations: [{ invoiceId: invoice.id, amount: "25.00" }],
    });
    // Paid at Stripe, unknown here until the sweep asks.
    expect(attempt.status).toBe("OPEN");

    const runs = await Promise.all([runCardPaymentSweep(), runCardPaymentSweep()]);
    expect(runs.reduce((n, r) => n + r.sweep.recorded, 0)).toBe(1);
    expect((await runCardPaymentSweep()).sweep.recorded).toBe(0);
    const payments = await db.openItem.findMany({
      where: { customerId: customer.customerId, kind: "PAYMENT" },
    });
    expect(payments.map((p) => p.amount)).toEqual([2500n]);
    const open = await db.openItem.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(open.openAmount).toBe(invoice.amount - 2500n);
    expect(await findLedgerViolations(db, [customer.customerId])).toEqual([]);
  });
});
