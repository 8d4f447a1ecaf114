import { expect, type Page, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import {
  createCustomerWithInvoices,
  createPortalUserFor,
  forgetClientSignInCounts,
  latestSignInCode,
} from "../support/data.ts";

/** Opens every disclosure menu on the page, so their panels are checked too. */
async function openMenus(page: Page) {
  for (const summary of await page.locator("details > summary").all()) {
    if (!(await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open))) {
      await summary.evaluate((el) => {
        (el.parentElement as HTMLDetailsElement).open = true;
      });
    }
  }
}

for (const language of [
  { lang: "en", name: "English" },
  { lang: "ar", name: "العربية" },
]) {
  test(`portal pages have no serious accessibility problems (${language.lang})`, async ({ page }) => {
    const a = await createCustomerWithInvoices();
    const b = await createCustomerWithInvoices();
    const user = await createPortalUserFor([a, b]);

    await forgetClientSignInCounts();
    await page.goto(`${E2E.portalUrl}/login`);
    if (language.lang !== "en") {
      await page.locator("summary").filter({ hasText: "Language: English" }).click();
      await page.getByRole("button", { name: language.name, exact: true }).click();
    }
    await expect(page.locator("html")).toHaveAttribute("lang", language.lang);
    await expectAccessible(page, "sign-in");

    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('button[type="submit"]').last().click();
    await expect(page).toHaveURL(/\/login\/verify/);
    await expectAccessible(page, "enter code");
    // A wrong code shows the field's error.
    const code = await latestSignInCode(user.email);
    await page.locator('input[name="code"]').fill(code === "000000" ? "111111" : "000000");
    await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
    await expect(page.locator('input[name="code"][aria-invalid="true"]')).toBeVisible();
    await expectAccessible(page, "enter code, wrong code");

    await page.locator('input[name="code"]').fill(code);
    await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
    await expect(page).toHaveURL(/\/select-account/);
    await expectAccessible(page, "account chooser");

    await page.goto(`${E2E.portalUrl}/accounts/${a.id}`);
    await expect(page.getByText(a.invoiceNumbers[0]!).first()).toBeVisible();
    await expectAccessible(page, "account home");
    await openMenus(page);
    await expectAccessible(page, "account home with menus open");

    await page.goto(`${E2E.portalUrl}/accounts/${a.id}/payments`);
    await expect(page.locator("#payments")).toBeVisible();
    await expectAccessible(page, "payments (none yet)");

    await page.goto(`${E2E.portalUrl}/account/sessions`);
    await expectAccessible(page, "signed-in devices");

    const notFound = await page.goto(`${E2E.portalUrl}/accounts/${crypto.randomUUID()}`);
    expect(notFound?.status()).toBe(404);
    await expectAccessible(page, "unknown account (404)");

    const missing = await page.goto(`${E2E.portalUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await expectAccessible(page, "unknown page (404)");
  });
}

test("the signed-in pages work from the keyboard", async ({ page }) => {
  const a = await createCustomerWithInvoices();
  const b = await createCustomerWithInvoices();
  const user = await createPortalUserFor([a, b]);
  await forgetClientSignInCounts();
  await page.goto(`${E2E.portalUrl}/login`);

  // The skip link comes first and moves focus past the header.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await page.getByLabel("E-mail address").fill(user.email);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel("Sign-in code").fill(await latestSignInCode(user.email));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/select-account/);

  // Open an account with the keyboard alone.
  const open = page.getByRole("button", { name: new RegExp(`Open account ${b.name}`) });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${b.id}`));

  // The profile menu opens with Enter, its entries are reachable with Tab, Escape closes it.
  const profile = page.locator("summary").filter({ hasText: "Your profile: Pat Payable" });
  await profile.focus();
  await page.keyboard.press("Enter");
  const devices = page.getByRole("link", { name: "Signed-in devices" });
  await expect(devices).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(devices).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(devices).toBeHidden();
  await expect(profile).toBeFocused();

  // The language menu the same way.
  await page.locator("summary").filter({ hasText: "Language: English" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Español" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveURL(new RegExp(`/accounts/${b.id}`));
});
