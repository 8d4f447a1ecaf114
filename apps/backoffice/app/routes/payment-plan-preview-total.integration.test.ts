import { randomUUID } from "node:crypto";
import { addDays, isoDate } from "@settle/domain/base/dates";
import { getDb } from "@settle/domain/db/client";
import { applyCredit } from "@settle/domain/ledger/apply-credit";
import { toDecimalString } from "@settle/domain/money/money";
import {
  createCreditForCustomer,
  createCustomer,
  createInvoiceForCustomer,
} from "@settle/domain/seed/factories";
import { outcome } from "@settle/web/route-test.test-support";
import { describe, expect, it } from "vitest";
import { backofficeCaller, signedInStaff } from "../route-test.test-support.ts";
import { action } from "./payment-plan-new.tsx";

const day = (days: number) => isoDate(addDays(new Date(), days));

describe("the schedule a collector previewed", () => {
  it("is offered as previewed, and refused in words when a payment changed the invoices meanwhile", async () => {
    const db = getDb();
    const customerId = (await createCustomer(db, { name: `Preview ${randomUUID().slice(0, 6)}` })).id;
    const invoice = await createInvoiceForCustomer(db, customerId);
    const call = backofficeCaller(() => ({ customerId }));
    const cookie = await signedInStaff(["COLLECTOR"]);
    const post = (previewTotal: string) =>
      outcome<{ reply: { error?: Record<string, string[] | null> } }>(
        action(
          call(`/customers/${customerId}/payment-plans/new`, {
            cookie,
            form: [
              ["customerId", customerId],
              ["invoiceIds", invoice.id],
              ["downPayment", ""],
              ["instalments", "3"],
              ["frequency", "MONTHLY"],
              ["firstDate", day(30)],
              ["expiresOn", day(7)],
              ["idempotencyKey", `payment-plan-${randomUUID()}`],
              ["previewTotal", previewTotal],
            ],
          }),
        ),
      );
    const previewed = toDecimalString(invoice.amount, invoice.currency);
    // A payment arrives while the collector looks at the preview.
    const payment = await createCreditForCustomer(db, customerId, { amount: 100n });
    await applyCredit(
      { creditItemId: payment.id, debitItemId: invoice.id, amount: 100n },
      { kind: "staff", userId: randomUUID(), roles: ["CASH_APPLIER"] },
    );
    const refused = await post(previewed);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.data?.reply.error)).toContain(
      `the invoices' open amounts changed since the preview (now ${toDecimalString(invoice.amount - 100n, invoice.currency)}`,
    );
    expect(await db.paymentPlan.count({ where: { customerId } })).toBe(0);

    const offered = await post(toDecimalString(invoice.amount - 100n, invoice.currency));
    expect(offered.status).toBe(302);
    expect(await db.paymentPlan.count({ where: { customerId, status: "PROPOSED" } })).toBe(1);
  });
});
