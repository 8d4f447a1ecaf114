import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createPortalUserFor, latestSignInCode } from "../support/data.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

test.describe("saved cards and autopay", () => {
  test("a payer confirms with an e-mailed code, saves the 4242 card on Stripe's page and turns autopay on", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    await signInToPortal(page, user.email);
    const signInCode = await latestSignInCode(user.email);

    await page.getByRole("link", { name: "Payment methods" }).click();
    await expect(page.getByRole("heading", { name: "Payment methods" })).toBeVisible();
    await expect(page.getByText("No cards are saved for this account.")).toBeVisible();
    await expectAccessible(page, "payment methods, no card");

    // Adding a card first asks for a fresh code.
    await page.getByRole("button", { name: "Add a card" }).click();
    await expect(page.getByText("Confirm it is you first")).toBeVisible();
    await page.getByRole("button", { name: "E-mail me a code" }).click();
    await expect(page.getByText("We e-mailed you a six-digit code")).toBeVisible();
    let code = await latestSignInCode(user.email);
    for (let i = 0; code === signInCode && i < 50; i++) {
      await page.waitForTimeout(100);
      code = await latestSignInCode(user.email);
    }
    await page.getByLabel("Code from the e-mail").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(
      page.getByText(/Confirmed: you can change payment methods for 10 more minutes/),
    ).toBeVisible();

    await page.getByRole("button", { name: "Add a card" }).click();
    await expect(page).toHaveURL(new RegExp(`^${E2E.stripeUrl}/c/pay/cs_`));
    await expect(page.getByRole("heading", { name: "Save a card" })).toBeVisible();
    const email = page.getByLabel("Email");
    if (!(await email.inputValue())) await email.fill(user.email);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry date").fill("12 / 34");
    await page.getByLabel("Security code (CVC)").fill("123");
    await page.getByLabel("Name on card").fill("Pat Payable");
    await page.getByRole("button", { name: "Save card" }).click();

    await expect(page).toHaveURL(`${E2E.portalUrl}/accounts/${customer.id}/payment-methods?done=added`);
    await expect(page.getByText("The card is saved.")).toBeVisible();
    await expect(page.getByText("•••• 4242", { exact: true })).toBeVisible();
    await expect(page.getByText("expires 12/2034")).toBeVisible();
    await expectAccessible(page, "payment methods with a card");

    await page.getByRole("radio", { name: /Days before the due date/ }).check();
    await page.getByRole("spinbutton", { name: "Days before the due date (0 to 15)" }).fill("3");
    await page.getByRole("button", { name: "Turn on autopay" }).click();
    await expect(page.getByText("Autopay is on.")).toBeVisible();
    await expect(page.getByText("USD invoices are charged 3 days before their due date.")).toBeVisible();

    await page.getByRole("button", { name: "Turn off autopay" }).click();
    await expect(page.getByText("Autopay is off.", { exact: true })).toBeVisible();
  });

  test("a viewer has no payment methods link and is refused the page", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "VIEWER");
    await signInToPortal(page, user.email);
    await expect(page.getByRole("link", { name: "Payment methods" })).toHaveCount(0);
    const response = await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/payment-methods`);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByText("Only payers and administrators of this account can manage its payment methods."),
    ).toBeVisible();
  });
});
