import { expect, type Page } from "@playwright/test";
import { E2E } from "../env.ts";
import { forgetClientSignInCounts } from "./data.ts";

/** Signs a staff user in to the back office with e-mail and password, as they would. */
export async function signInToBackoffice(
  page: Page,
  who: { email: string; password: string },
): Promise<void> {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.backofficeUrl}/login`);
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
