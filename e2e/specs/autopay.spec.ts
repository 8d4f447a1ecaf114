import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createPortalUserFor, latestSignInCode } from "../support/data.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { saveTestCard } from "../support/saved-card.ts";

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

    // Adding a card first asks for a fresh code, then Stripe's page takes the card.
    await saveTestCard(page, customer.id, user.email, signInCode);
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
