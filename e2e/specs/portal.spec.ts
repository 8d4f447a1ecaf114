import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../env.ts";
import {
  createCustomerWithInvoices,
  createPortalUserFor,
  forgetClientSignInCounts,
  latestSignInCode,
} from "../support/data.ts";

async function signIn(page: Page, email: string) {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.portalUrl}/login`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: /code/i }).click();
  await expect(page).toHaveURL(/\/login\/verify/);
  const code = await latestSignInCode(email);
  await page.getByLabel("Sign-in code").fill(code);
  await page
    .getByRole("button", { name: /sign in|verify|continue/i })
    .first()
    .click();
}

test.describe("portal", () => {
  test("sign in with the e-mailed code and land on the account home", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer]);
    await signIn(page, user.email);
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}`));
    await expect(page.getByText(customer.name).first()).toBeVisible();
    await expect(page.getByText(customer.invoiceNumbers[0]!).first()).toBeVisible();
  });

  test("a user of several accounts chooses one", async ({ page }) => {
    const a = await createCustomerWithInvoices();
    const b = await createCustomerWithInvoices();
    const user = await createPortalUserFor([a, b]);
    await signIn(page, user.email);
    await expect(page).toHaveURL(/\/select-account/);
    await page.getByRole("button", { name: new RegExp(b.name) }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${b.id}`));
    await expect(page.getByText(b.invoiceNumbers[0]!).first()).toBeVisible();
  });

  test("wrong codes are refused with attempts left, then a new code is needed", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer]);
    await page.goto(`${E2E.portalUrl}/login`);
    await page.getByLabel("E-mail address").fill(user.email);
    await page.getByRole("button", { name: /code/i }).click();
    await expect(page).toHaveURL(/\/login\/verify/);
    const code = await latestSignInCode(user.email);
    const wrong = code === "000000" ? "111111" : "000000";
    const submit = async (value: string) => {
      await page.getByLabel("Sign-in code").fill(value);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    await submit(wrong);
    await expect(page.getByText("That code isn't right. You can try 2 more times.")).toBeVisible();
    await submit(wrong);
    await expect(page.getByText(/try 1 more time/)).toBeVisible();
    await submit(wrong);
    // The code is spent: even the right one no longer signs in. (Wait for the page that says so:
    // the old page also offers a new code.)
    await expect(page).toHaveURL(/problem=too-many-attempts/);
    await expect(page.getByText(/new code/i).first()).toBeVisible();
    if (await page.getByLabel("Sign-in code").isVisible()) await submit(code);
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByText(customer.name)).toHaveCount(0);
  });

  test("a portal user of customer A gets 404 for customer B's pages", async ({ page }) => {
    const a = await createCustomerWithInvoices();
    const b = await createCustomerWithInvoices();
    const user = await createPortalUserFor([a]);
    await signIn(page, user.email);
    await expect(page).toHaveURL(new RegExp(`/accounts/${a.id}`));

    for (const path of [
      `/accounts/${b.id}`,
      "/accounts/not-a-uuid",
      "/accounts/00000000-0000-4000-8000-000000000000",
    ]) {
      const response = await page.goto(`${E2E.portalUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText(b.name)).toHaveCount(0);
      for (const number of b.invoiceNumbers) await expect(page.getByText(number)).toHaveCount(0);
    }
    // Choosing B as the active account with a valid form token is refused the same way.
    await page.goto(`${E2E.portalUrl}/accounts/${a.id}`);
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const response = await page.request.post(`${E2E.portalUrl}/select-account`, {
      form: { csrf, customerId: b.id },
    });
    expect(response.status()).toBe(404);
  });
});
