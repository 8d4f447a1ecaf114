import { expect, type Page } from "@playwright/test";
import { E2E } from "../env.ts";
import { forgetClientSignInCounts } from "./data.ts";

/**
 * Signs a staff user in to the back office with e-mail and password, as they would. The fields are
 * found by name: the sign-in page speaks the browser's language.
 */
export async function signInToBackoffice(
  page: Page,
  who: { email: string; password: string },
): Promise<void> {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.backofficeUrl}/login`);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login/);
}
