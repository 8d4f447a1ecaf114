import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { requestRefund } from "../../packages/domain/src/payments/request-refund.ts";
import { configureStripe } from "../../packages/domain/src/payments/stripe-client.ts";
import { createStaffUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { payOnStripe, reviewPayment } from "../support/card-checkout.ts";
import { createCustomerWithInvoices, createPortalUserFor, invoicesOf } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });

/** Waits for the worker to record the refund Stripe settled (the webhook goes through the inbox). */
async function recordedRefund(refundId: string) {
  for (let tries = 0; tries < 60; tries++) {
    const row = await getDb().refund.findUniqueOrThrow({
      where: { id: refundId },
      select: { refundItem: { select: { id: true, number: true } } },
    });
    if (row.refundItem) return row.refundItem;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Refund ${refundId} was not recorded.`);
}

test.describe("the Payments tab", () => {
  test("a payer downloads a card payment's receipt naming 'Visa •••• 4242'; its refund is on Payments, never in Invoices", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    const [invoice] = await invoicesOf(customer.id);
    if (!invoice) throw new Error("The customer has no invoice.");

    await signInToPortal(page, user.email);
    await reviewPayment(page, customer.id, [invoice.number]);
    await page.getByRole("button", { name: /by card$/ }).click();
    await payOnStripe(page, "4242 4242 4242 4242");
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();

    // Payments, from the account's navigation.
    await page
      .getByRole("navigation", { name: "Account sections" })
      .getByRole("link", { name: "Payments" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}/payments$`));
    await expect(page.getByRole("heading", { name: "Payments", level: 1 })).toBeVisible();
    const payment = await getDb().openItem.findFirstOrThrow({
      where: { customerId: customer.id, kind: "PAYMENT" },
      select: { number: true },
    });
    expect(payment.number).toMatch(/^RCT-\d+$/);
    const row = page.getByRole("row").filter({ hasText: payment.number });
    await expect(row).toContainText("Visa •••• 4242");
    await expect(row.getByRole("link", { name: invoice.number })).toBeVisible();
    await expectAccessible(page, "payments");

    const [receipt] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: `PDF receipt ${payment.number}` }).click(),
    ]);
    expect(receipt.suggestedFilename()).toBe(`receipt-${payment.number}.pdf`);
    const file = test.info().outputPath(receipt.suggestedFilename());
    await receipt.saveAs(file);
    const text = pdfText(file);
    expect(text).toContain("Payment receipt");
    expect(text).toContain(payment.number);
    expect(text).toContain("Visa •••• 4242");
    expect(text).toContain(invoice.number);

    // Staff refund part of it; Stripe settles it and the worker records it.
    configureStripe({ sandboxUrl: E2E.stripeUrl, webhookSecret: E2E.stripeWebhookSecret });
    const attempt = await getDb().paymentAttempt.findFirstOrThrow({
      where: { customerId: customer.id, status: "SUCCEEDED" },
      select: { id: true },
    });
    const cashApplier = await createStaffUser(getDb(), {
      email: `payments-tab-${randomUUID().slice(0, 8)}@e2e.example`,
      roles: ["CASH_APPLIER"],
      password: `pw-${randomUUID()}`,
      name: "Cal Cash",
    });
    const refund = await requestRefund(
      { attemptId: attempt.id, amount: "5.00", reason: "OVERPAYMENT", idempotencyKey: randomUUID() },
      { kind: "staff", userId: cashApplier.id, roles: ["CASH_APPLIER"] },
    );
    const refundItem = await recordedRefund(refund.id);

    await page.reload();
    const refundRow = page.getByRole("row").filter({ hasText: refundItem.number });
    await expect(refundRow).toContainText("Refund");
    await expect(refundRow).toContainText(`From payment ${payment.number}`);

    // The invoice list (and so its exports and selection) holds only what was billed.
    await page
      .getByRole("navigation", { name: "Account sections" })
      .getByRole("link", { name: "Invoices" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: invoice.number })).toBeVisible();
    await expect(page.getByText(refundItem.number)).toHaveCount(0);
    await expect(page.getByLabel(`Select ${refundItem.number}`)).toHaveCount(0);
  });
});
