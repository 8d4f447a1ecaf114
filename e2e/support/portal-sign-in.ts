import { expect, type Page } from "@playwright/test";
import { E2E } from "../env.ts";
import { forgetClientSignInCounts, latestSignInCode } from "./data.ts";

/** Signs a portal user in with the e-mailed code, as a customer would; ends on an account page. */
export async function signInToPortal(page: Page, email: string): Promise<void> {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.portalUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.locator('input[name="code"]').fill(await latestSignInCode(email));
  await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
  await expect(page).toHaveURL(/\/accounts\//);
}
