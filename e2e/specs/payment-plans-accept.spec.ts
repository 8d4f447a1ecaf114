import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { isoDate } from "../../packages/domain/src/base/dates.ts";
import { proposePaymentPlan } from "../../packages/domain/src/plans/propose-payment-plan.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createPortalUserFor } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

test("a payer reads an offered payment plan and accepts it with their name, paying from the portal", async ({
  page,
}) => {
  const customer = await createCustomerWithInvoices();
  const invoices = await getDb().openItem.findMany({
    where: { customerId: customer.id, number: { in: customer.invoiceNumbers.slice(0, 2) } },
    select: { id: true },
  });
  const day = (days: number) => isoDate(new Date(Date.now() + days * 86_400_000));
  // The collector's offer (the back office's propose form calls the same use case).
  const plan = await proposePaymentPlan(
    {
      customerId: customer.id,
      invoiceIds: invoices.map((i) => i.id),
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: day(14),
      expiresOn: day(7),
      idempotencyKey: `e2e-plan-${randomUUID()}`,
    },
    { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] },
  );
  const { email } = await createPortalUserFor([customer], "PAYER");
  await signInToPortal(page, email);

  // The account's home shows the offer waiting for an answer, and leads to it.
  await page.goto(`${E2E.portalUrl}/accounts/${customer.id}`);
  const plans = page.getByRole("table", { name: "Your payment plans and offers" });
  await expect(plans.getByRole("row").filter({ hasText: plan.label })).toContainText("Offered");
  await plans.getByRole("link", { name: plan.label }).click();
  await expect(page).toHaveURL(`${E2E.portalUrl}/accounts/${customer.id}/payment-plans/${plan.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(plan.label);
  await expect(page.getByRole("table", { name: "Invoices in the plan" })).toContainText(
    customer.invoiceNumbers[0]!,
  );
  await expect(page.getByRole("table", { name: "Payment schedule" }).getByRole("row")).toHaveCount(4);
  // No card is saved: autopay is offered but disabled, with the way to get it.
  await expect(page.getByRole("radio", { name: /Automatically with the saved card/ })).toBeDisabled();
  await expect(page.getByText("Save a card under Payment methods to pay automatically.")).toBeVisible();
  await expectAccessible(page, "payment plan offer");

  // Signing without confirming is refused on the checkbox, nothing recorded.
  await page.getByLabel("Your full name").fill("Pat Payable");
  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("Confirm that you agree to the schedule.")).toBeVisible();

  await page.getByRole("radio", { name: "Each instalment from the portal" }).check();
  await page.getByRole("checkbox", { name: /I agree to pay/ }).check();
  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("You accepted the payment plan.")).toBeVisible();
  await expect(page.getByText(/Accepted by Pat Payable on /)).toBeVisible();
  await expect(page.getByText("You pay each instalment from the portal.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept and sign" })).toHaveCount(0);
  await expectAccessible(page, "payment plan accepted");

  const row = await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } });
  expect(row).toMatchObject({ status: "ACCEPTED", acceptedName: "Pat Payable", payBy: "PORTAL" });
});
