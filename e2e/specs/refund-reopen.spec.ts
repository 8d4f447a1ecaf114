import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formatMoney } from "../../packages/domain/src/money/money.ts";
import { createStaffUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { payOnStripe, reviewPayment } from "../support/card-checkout.ts";
import { createCustomerWithInvoices, createPortalUserFor, invoicesOf } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

const usd = (amount: bigint) => formatMoney(amount, "USD", "en-US");

test("a refund of part of a two-invoice card payment reopens only the invoice chosen", async ({
  browser,
}) => {
  const customer = await createCustomerWithInvoices();
  const payer = await createPortalUserFor([customer], "PAYER");
  const [first, second] = (await invoicesOf(customer.id)).slice(0, 2) as [
    { id: string; number: string; openAmount: bigint },
    { id: string; number: string; openAmount: bigint },
  ];

  // The payer pays both invoices in full by card on the sandbox's Checkout page.
  const portal = await (await browser.newContext()).newPage();
  await signInToPortal(portal, payer.email);
  await reviewPayment(portal, customer.id, [first.number, second.number]);
  await portal.getByRole("button", { name: /by card$/ }).click();
  await payOnStripe(portal, "4242 4242 4242 4242");
  await expect(portal.getByRole("heading", { name: "Payment received" })).toBeVisible();
  const attemptId = portal.url().split("/payments/")[1]!.split(/[?#]/)[0]!;

  // A cash applier refunds 25.00 of it and chooses the first invoice to open again.
  const cash = { email: `reopen-${randomUUID().slice(0, 8)}@e2e.example`, password: `pw-${randomUUID()}` };
  await createStaffUser(getDb(), { ...cash, roles: ["CASH_APPLIER"], name: "Cal Cash" });
  const staff = await (await browser.newContext()).newPage();
  await signInToBackoffice(staff, cash);
  await staff.goto(`${E2E.backofficeUrl}/card-payments/${attemptId}`);
  const form = staff.getByRole("form", { name: "Request a refund" });
  const choice = form.getByRole("group", { name: "Invoices to open again" });
  const firstBox = choice.getByRole("checkbox", { name: new RegExp(first.number) });
  const secondBox = choice.getByRole("checkbox", { name: new RegExp(second.number) });
  // Both invoices are listed with what the payment applied to them; the most recent is ticked.
  await expect(choice).toContainText(usd(first.openAmount));
  await expect(choice).toContainText(usd(second.openAmount));
  expect([await firstBox.isChecked(), await secondBox.isChecked()].filter(Boolean)).toHaveLength(1);
  await secondBox.uncheck();
  await firstBox.check();
  await form.getByLabel("Amount (USD)").fill("25.00");
  await form.getByLabel("Reason").selectOption("OVERPAYMENT");
  // Before it is sent, the form says what will be open again.
  const plan = form.getByTestId("refund-plan");
  await expect(plan).toContainText(`Open again: ${first.number} by ${usd(2500n)}`);
  await expect(plan).not.toContainText(second.number);
  await expectAccessible(staff, "refund form with invoices to reopen");
  await form.getByRole("button", { name: "Request refund" }).click();
  await expect(staff.getByText("Refund requested.")).toBeVisible();
  await expect(staff.getByText(`Open again: ${first.number} by ${usd(2500n)}`).first()).toBeVisible();
  // The refund's row keeps saying it.
  const refunds = staff.getByRole("table", { name: "Refund requests on this payment" });
  await expect(refunds).toContainText(`Open again: ${first.number} by ${usd(2500n)}`);

  // The sandbox settles the refund; the portal shows only the chosen invoice open, by 25.00.
  await expect(async () => {
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${first.id}`);
    await expect(portal.locator('[data-summary="open"]')).toContainText(usd(2500n), { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${second.id}`);
  await expect(portal.locator('[data-summary="open"]')).toContainText(usd(0n));

  // The back office's account says the same.
  await staff.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  const openItems = staff.getByRole("table", { name: "Open items, oldest due date first" });
  await expect(openItems.getByRole("row").filter({ hasText: first.number })).toContainText(usd(2500n));
  await expect(openItems.getByRole("row").filter({ hasText: second.number })).toHaveCount(0);
});
