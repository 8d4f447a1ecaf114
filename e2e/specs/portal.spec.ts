import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import {
  createCustomerWithInvoices,
  createPortalUserFor,
  forgetClientSignInCounts,
  latestSignInCode,
} from "../support/data.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

test.describe("portal", () => {
  test("sign in with the e-mailed code and land on the account home", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer]);
    await signInToPortal(page, user.email);
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}`));
    await expect(page.getByText(customer.name).first()).toBeVisible();
    await expect(page.getByText(customer.invoiceNumbers[0]!).first()).toBeVisible();
  });

  test("a user of several accounts chooses one", async ({ page }) => {
    const a = await createCustomerWithInvoices();
    const b = await createCustomerWithInvoices();
    const user = await createPortalUserFor([a, b]);
    await signInToPortal(page, user.email, /\/select-account/);
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
    await expect(page.getByLabel("Sign-in code")).toHaveCount(0);
    // Posting the right code anyway, as a script would, is refused: no session, back to a new code.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const spent = await page.request.post(`${E2E.portalUrl}/login/verify`, {
      form: { csrf, code },
      maxRedirects: 0,
    });
    expect(spent.status()).toBe(302);
    expect(spent.headers().location).toMatch(/^\/login\/verify\?problem=no-pending-code/);
    expect(
      (await page.request.get(`${E2E.portalUrl}/accounts/${customer.id}`, { maxRedirects: 0 })).status(),
    ).toBe(302);
  });

  test("a code signs in only the address it was sent to", async ({ page, browser }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer]);
    const other = await createPortalUserFor([await createCustomerWithInvoices()]);
    await forgetClientSignInCounts();
    await page.goto(`${E2E.portalUrl}/login`);
    await page.getByLabel("E-mail address").fill(user.email);
    await page.getByRole("button", { name: /code/i }).click();
    await expect(page).toHaveURL(/\/login\/verify/);
    // Another visitor asks for a code for another address, in a browser of their own.
    const elsewhere = await browser.newContext();
    const otherPage = await elsewhere.newPage();
    await otherPage.goto(`${E2E.portalUrl}/login`);
    await otherPage.getByLabel("E-mail address").fill(other.email);
    await otherPage.getByRole("button", { name: /code/i }).click();
    await expect(otherPage).toHaveURL(/\/login\/verify/);
    await elsewhere.close();

    // Their valid code, typed here, is a wrong code for this address: refused, nobody signed in.
    await page.getByLabel("Sign-in code").fill(await latestSignInCode(other.email));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That code isn't right. You can try 2 more times.")).toBeVisible();
    await expect(page).toHaveURL(/\/login\/verify/);
    // This address's own code still works afterwards.
    await page.getByLabel("Sign-in code").fill(await latestSignInCode(user.email));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}`));
  });

  test("a portal user of customer A gets 404 for customer B's pages", async ({ page }) => {
    const a = await createCustomerWithInvoices();
    const b = await createCustomerWithInvoices();
    const user = await createPortalUserFor([a]);
    await signInToPortal(page, user.email);
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
