import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createStaffUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { forgetClientSignInCounts } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

// Forms post to the server and come back with each error on its field (Conform's reply through
// the one form pipeline), also without JavaScript: these contexts have it switched off, so
// every check below is the server's answer, not the browser's own validation.

test.describe("forms", () => {
  test("the back office puts the server's refusal on the field it is about, keeping what was typed", async ({
    browser,
  }) => {
    const password = `pw-${randomUUID()}`;
    const email = `forms-manager-${randomUUID().slice(0, 8)}@e2e.example`;
    await createStaffUser(getDb(), { email, roles: ["AR_MANAGER"], password, name: "Fran Forms" });
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInToBackoffice(page, { email, password });
    await page.goto(`${E2E.backofficeUrl}/settings/refund-approval`);
    // A currency no other spec's refunds depend on (refunds.spec.ts relies on the seeded USD amount).
    await page.getByLabel("Currency").fill("chf");
    await page.getByLabel("Approval needed above").fill("12,5.0");
    await page.getByRole("button", { name: "Save" }).click();

    const amount = page.getByLabel("Approval needed above");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveValue("12,5.0");
    await expect(amount).toHaveAccessibleDescription(/Enter an amount in CHF, like 1,000\.00\./);
    await expect(page.getByLabel("Currency")).not.toHaveAttribute("aria-invalid", "true");

    await amount.fill("2500");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText(
      "Saved: CHF refunds above the amount now need approval.",
    );
    await expect(page.getByRole("row", { name: /CHF/ })).toContainText("CHF 2,500.00");
  });

  test("the portal puts the server's refusal on the field it is about, in the page's language", async ({
    browser,
  }) => {
    await forgetClientSignInCounts();
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "es-ES" });
    const page = await context.newPage();
    await page.goto(`${E2E.portalUrl}/login`);
    // A valid address to the browser's eyes ("a@b"), not to the server's.
    const email = page.locator('input[name="email"]');
    await email.fill("pat@payables");
    await page.locator('button[type="submit"]').last().click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveValue("pat@payables");
    await expect(email).toHaveAccessibleDescription(/correo/i);
  });
});
