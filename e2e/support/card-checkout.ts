import { expect, type Page } from "@playwright/test";
import { E2E } from "../env.ts";

/** Ticks invoices on the list and opens the review page. */
export async function reviewPayment(page: Page, customerId: string, numbers: string[]) {
  await page.goto(`${E2E.portalUrl}/accounts/${customerId}/invoices`);
  for (const number of numbers) await page.getByLabel(`Select ${number}`).check();
  await page.getByRole("button", { name: "Pay selected" }).click();
  await expect(page.getByRole("heading", { name: "Review payment" })).toBeVisible();
}

/** Stripe's hosted page (the local sandbox in tests). */
export async function payOnStripe(page: Page, card: string) {
  await expect(page).toHaveURL(new RegExp(`^${E2E.stripeUrl}/c/pay/cs_`));
  const email = page.getByLabel("Email");
  if (!(await email.inputValue())) await email.fill("ap@e2e.example");
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry date").fill("12 / 34");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByLabel("Name on card").fill("Pat Payable");
  await page.getByRole("button", { name: /^Pay / }).click();
}
