import { expect, type Page, test } from "@playwright/test";
import { formatMoney } from "../../packages/domain/src/money/money.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createStaff } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { createRaisedDispute } from "../support/dispute-book.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

const raisedDispute = () => createRaisedDispute({ company: "Initech", item: "Stapler" });

async function staffIn(page: Page, locale: string) {
  const staff = await createStaff(["AR_MANAGER"]);
  await getDb().staffUser.update({ where: { email: staff.email }, data: { locale } });
  await signInToBackoffice(page, staff);
}

test.describe("activity as sentences", () => {
  test("English: the account's activity and the dispute's history say who raised what, on which invoice, for how much", async ({
    page,
  }) => {
    const { customer, invoice, analyst, dispute } = await raisedDispute();
    await staffIn(page, "en");
    const sentence = `${analyst.name} raised dispute ${dispute.label} on ${invoice.number} for $600.00`;

    await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
    const activity = page.locator("#activity");
    await expect(activity.getByText(sentence, { exact: true })).toBeVisible();
    await expect(activity.getByText("Dispute raised", { exact: true })).toHaveCount(0);

    await page.goto(`${E2E.backofficeUrl}/disputes/${dispute.id}`);
    const history = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "History", exact: true }) });
    await expect(history.getByText(sentence, { exact: true })).toBeVisible();
    await expectAccessible(page, "dispute history as sentences");
  });

  test("Portuguese: the same events in Portuguese, amounts formatted for Brazil", async ({ page }) => {
    const { customer, invoice, analyst, dispute } = await raisedDispute();
    await staffIn(page, "pt-BR");
    const amount = formatMoney(600_00n, "USD", "pt-BR");
    const sentence = `${analyst.name} abriu a contestação ${dispute.label} sobre ${invoice.number} no valor de ${amount}`;

    await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
    await expect(page.locator("#activity").getByText(sentence, { exact: true })).toBeVisible();

    await page.goto(`${E2E.backofficeUrl}/disputes/${dispute.id}`);
    await expect(page.getByText(sentence, { exact: true })).toBeVisible();
  });

  test("the portal: the customer reads the dispute's history and the account's activity without staff names", async ({
    page,
  }) => {
    const { customer, invoice, analyst, dispute, email } = await raisedDispute();
    await signInToPortal(page, email);
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/disputes/${dispute.id}`);
    await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
    await expect(
      page.getByText(`Our team raised dispute ${dispute.label} on ${invoice.number} for $600.00`, {
        exact: true,
      }),
    ).toBeVisible();
    await expect(page.getByText(analyst.name)).toHaveCount(0);
    await expectAccessible(page, "portal dispute history");

    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}`);
    await expect(
      page
        .locator("#activity")
        .getByText(`Our team raised dispute ${dispute.label} on ${invoice.number} for $600.00`),
    ).toBeVisible();
    await expect(page.getByText(analyst.name)).toHaveCount(0);
  });
});
