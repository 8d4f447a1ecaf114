import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createStaff } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { acceptedPlan } from "../support/plans.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

test("a collector opens an accepted plan from the account, reads its terms and evidence, and cancels it with a reason", async ({
  page,
}) => {
  const db = getDb();
  const { customer, plan } = await acceptedPlan();

  await signInToBackoffice(page, await createStaff(["COLLECTOR"]));
  await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  await page
    .getByRole("table", { name: "The account's payment plans" })
    .getByRole("link", { name: plan.label, exact: true })
    .click();
  await expect(page.getByRole("heading", { name: plan.label, level: 1 })).toBeVisible();
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  const schedule = page.getByRole("table", { name: "The plan's payments, down payment first" });
  await expect(schedule.getByRole("row")).toHaveCount(3);
  await expect(page.getByText("Pat Payable", { exact: true })).toBeVisible();
  await expect(page.getByText("The accepted hash is the offer's own.")).toBeVisible();
  await expect(page.getByText(plan.termsHash).first()).toBeVisible();
  await expectAccessible(page, "payment plan page");

  const cancel = page.getByRole("button", { name: "Cancel plan" });
  await expect(cancel).toBeDisabled();
  await page.getByLabel("Reason").fill("The customer paid everything by transfer.");
  await cancel.click();
  const dialog = page.getByRole("dialog", { name: `Cancel ${plan.label}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: `Cancel ${plan.label}` }).click();

  await expect(page.getByRole("status").filter({ hasText: `${plan.label} cancelled` })).toBeVisible();
  await expect(page.getByText("Reason: The customer paid everything by transfer.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel plan" })).toHaveCount(0);
  await expect(schedule.getByRole("row").filter({ hasText: "Cancelled" })).toHaveCount(2);
  await expect(
    page.getByText(`cancelled payment plan ${plan.label}: “The customer paid everything by transfer.”`),
  ).toBeVisible();
  expect((await db.paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("CANCELLED");
  await expectAccessible(page, "cancelled payment plan page");
});
