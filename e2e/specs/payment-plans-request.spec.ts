import { expect, test } from "@playwright/test";
import { toDecimalString } from "../../packages/domain/src/money/money.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createPortalUserFor, createStaff } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

/** A customer of a low risk class with overdue invoices, its first invoice, and a signed-in payer. */
async function payerWithOverdueInvoices(page: import("@playwright/test").Page) {
  const customer = await createCustomerWithInvoices();
  await getDb().customer.update({ where: { id: customer.id }, data: { riskClass: "LOW" } });
  const first = await getDb().openItem.findFirstOrThrow({
    where: { customerId: customer.id, number: customer.invoiceNumbers[0] },
  });
  const { email } = await createPortalUserFor([customer], "PAYER");
  await signInToPortal(page, email);
  return { customer, first };
}

/** From the home page's plans card to the request form; ticks the first invoice and fills the terms. */
async function askForPlan(
  page: import("@playwright/test").Page,
  customerId: string,
  invoiceNumber: string,
  terms: { downPayment: string; instalments: string },
) {
  await page.goto(`${E2E.portalUrl}/accounts/${customerId}`);
  await page.getByRole("link", { name: "Ask for a payment plan" }).click();
  await expect(page).toHaveURL(`${E2E.portalUrl}/accounts/${customerId}/payment-plans/request`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for a payment plan");
  await page.getByRole("checkbox", { name: new RegExp(invoiceNumber) }).check();
  await page.getByLabel("Down payment (optional)").fill(terms.downPayment);
  await page.getByLabel("Number of instalments").fill(terms.instalments);
  await page.getByLabel("Why do you need a plan?").fill("A large customer of ours pays late this quarter.");
  await expectAccessible(page, "payment plan request");
  await page.getByRole("button", { name: "Send the request" }).click();
}

test("a payer asks for a plan within the self-service policy and accepts the offer at once", async ({
  page,
}) => {
  const { customer, first } = await payerWithOverdueInvoices(page);
  // A fifth down (the policy asks for a tenth at least), three instalments.
  const down = toDecimalString(first.openAmount / 5n, first.currency.trim());
  await askForPlan(page, customer.id, customer.invoiceNumbers[0]!, { downPayment: down, instalments: "3" });

  await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}/payment-plans/[0-9a-f-]{36}$`));
  const plan = await getDb().paymentPlan.findFirstOrThrow({ where: { customerId: customer.id } });
  expect(plan).toMatchObject({ status: "PROPOSED", proposedByStaffId: null });
  await expect(page.getByRole("table", { name: "Payment schedule" }).getByRole("row")).toHaveCount(5);

  await page.getByLabel("Your full name").fill("Pat Payable");
  await page.getByRole("radio", { name: "Each instalment from the portal" }).check();
  await page.getByRole("checkbox", { name: /I agree to pay/ }).check();
  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("You accepted the payment plan.")).toBeVisible();
  expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ACCEPTED");
});

test("a request outside the policy goes to the collector, who finds it on the account's plans card", async ({
  page,
}) => {
  const { customer, first } = await payerWithOverdueInvoices(page);
  const down = toDecimalString(first.openAmount / 5n, first.currency.trim());
  await askForPlan(page, customer.id, customer.invoiceNumbers[0]!, { downPayment: down, instalments: "12" });

  await expect(
    page.getByText("Plans of more than 6 instalments are arranged with your collector."),
  ).toBeVisible();
  await expect(page.getByText("Your collector will answer you.")).toBeVisible();
  await expectAccessible(page, "payment plan requested");
  const request = await getDb().paymentPlan.findFirstOrThrow({ where: { customerId: customer.id } });
  expect(request.status).toBe("REQUESTED");

  const collector = await createStaff(["COLLECTOR"]);
  await signInToBackoffice(page, collector);
  await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  const asked = page.getByTestId("plan-request");
  await expect(asked).toContainText("A large customer of ours pays late this quarter.");
  await asked.getByRole("link", { name: "Make an offer" }).click();
  await expect(page).toHaveURL(
    `${E2E.backofficeUrl}/customers/${customer.id}/payment-plans/new?request=${request.id}`,
  );
  await expect(page.getByTestId("plan-request")).toContainText(
    "A large customer of ours pays late this quarter.",
  );
  await expect(page.getByLabel("Number of instalments")).toHaveValue("12");
});
