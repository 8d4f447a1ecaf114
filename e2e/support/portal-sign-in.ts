import { expect, type Page } from "@playwright/test";
import { E2E } from "../env.ts";
import { forgetClientSignInCounts, latestSignInCode } from "./data.ts";

/**
 * Signs a portal user in with the e-mailed code, as a customer would, and waits for the page it
 * lands on (an account page unless told otherwise; null: the code is sent, nothing awaited).
 */
export async function signInToPortal(
  page: Page,
  email: string,
  landing: RegExp | null = /\/accounts\//,
): Promise<void> {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.portalUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.locator('input[name="code"]').fill(await latestSignInCode(email));
  await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
  if (landing) await expect(page).toHaveURL(landing);
}
