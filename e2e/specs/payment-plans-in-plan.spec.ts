import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createStaff } from "../support/data.ts";
import { acceptedPlan } from "../support/plans.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

test("a payer sees which invoices are in a plan, with the next instalment, on the invoices, an invoice and the statement", async ({
  page,
}) => {
  const { customer, plan, email, covered, loose } = await acceptedPlan();
  const planUrl = `/accounts/${customer.id}/payment-plans/${plan.id}`;
  await signInToPortal(page, email);

  await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices`);
  const coveredRow = page.getByRole("row").filter({ hasText: covered });
  await expect(coveredRow.getByRole("link", { name: `In plan ${plan.label}` })).toHaveAttribute(
    "href",
    planUrl,
  );
  await expect(coveredRow).toContainText(/Next instalment .+ on /);
  await expect(page.getByRole("row").filter({ hasText: loose })).not.toContainText("In plan");
  await expectAccessible(page, "invoices with an invoice in plan");

  // The status filter lists only the invoices in a plan.
  await page.getByLabel("Status").selectOption({ label: "In a payment plan" });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/status=in_plan/);
  await expect(page.getByRole("row").filter({ hasText: covered })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: loose })).toHaveCount(0);

  await page.getByRole("link", { name: covered, exact: true }).click();
  await expect(page.getByText("This invoice is part of a payment plan")).toBeVisible();
  await expect(page.getByRole("link", { name: `In plan ${plan.label}` })).toHaveAttribute("href", planUrl);
  await expectAccessible(page, "invoice in plan");

  await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/statement?view=open`);
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: covered })
      .getByRole("link", { name: `In plan ${plan.label}` }),
  ).toBeVisible();
  await expect(page.getByText("Of which in payment plans")).toBeVisible();
  await expectAccessible(page, "statement with an invoice in plan");
});

test("a collector sees the account's invoices in plan and how the plan is kept", async ({ page }) => {
  const { customer, plan, covered } = await acceptedPlan();
  const collector = await createStaff(["COLLECTOR"]);
  await signInToBackoffice(page, collector);

  await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  const openItems = page.getByRole("table", { name: "Open items, oldest due date first" });
  await expect(openItems.getByRole("row").filter({ hasText: covered })).toContainText(
    `In plan ${plan.label}`,
  );
  const progress = page.getByRole("progressbar", { name: `Progress of ${plan.label}` });
  await expect(progress).toHaveAttribute("aria-valuenow", "0");
  const plans = page.getByRole("table", { name: "The account's payment plans" });
  await expect(plans.getByRole("row").filter({ hasText: plan.label })).toContainText("0 of 2");
  await expectAccessible(page, "account with a plan in progress");
});
