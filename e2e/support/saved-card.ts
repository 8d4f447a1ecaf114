import { expect, type Page } from "@playwright/test";
import { E2E } from "../env.ts";
import { latestSignInCode } from "./data.ts";

/**
 * On the account's Payment methods page: asks for an e-mailed code, confirms it, then saves the
 * 4242 test card on the Stripe sandbox's setup page, as a payer does. Ends back on the page with
 * the card saved. `signInCode` is the code the user signed in with (the next one is different).
 */
export async function saveTestCard(page: Page, customerId: string, email: string, signInCode: string) {
  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page.getByText("Confirm it is you first")).toBeVisible();
  await page.getByRole("button", { name: "E-mail me a code" }).click();
  await expect(page.getByText("We e-mailed you a six-digit code")).toBeVisible();
  let code = await latestSignInCode(email);
  for (let i = 0; code === signInCode && i < 50; i++) {
    await page.waitForTimeout(100);
    code = await latestSignInCode(email);
  }
  await page.getByLabel("Code from the e-mail").fill(code);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText(/Confirmed: you can change payment methods for 10 more minutes/)).toBeVisible();

  await page.getByRole("button", { name: "Add a card" }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.stripeUrl}/c/pay/cs_`));
  await expect(page.getByRole("heading", { name: "Save a card" })).toBeVisible();
  const emailField = page.getByLabel("Email");
  if (!(await emailField.inputValue())) await emailField.fill(email);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry date").fill("12 / 34");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByLabel("Name on card").fill("Pat Payable");
  await page.getByRole("button", { name: "Save card" }).click();
  await expect(page).toHaveURL(`${E2E.portalUrl}/accounts/${customerId}/payment-methods?done=added`);
  await expect(page.getByText("The card is saved.")).toBeVisible();
}
