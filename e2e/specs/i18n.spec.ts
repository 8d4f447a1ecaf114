import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { createCustomerWithInvoices, createPortalUserFor } from "../support/data.ts";
import { chooseLanguage } from "../support/portal-language.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

test.describe("portal languages", () => {
  test("switching to Arabic turns the page right-to-left; Portuguese formats amounts pt-BR", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer]);
    await page.goto(`${E2E.portalUrl}/login`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await signInToPortal(page, user.email);
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}`));
    await expect(page.getByRole("heading", { name: "How to pay" })).toBeVisible();

    await chooseLanguage(page, "العربية", "ar");
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}`));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { name: "طريقة الدفع" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "المستند" }).first()).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(customer.name));
    // Invoice numbers stay as they are in a right-to-left page.
    await expect(page.getByText(customer.invoiceNumbers[0]!).first()).toBeVisible();

    await chooseLanguage(page, "Português (Brasil)", "pt-BR");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { name: "Como pagar" })).toBeVisible();
    // Amounts in Brazilian style: "US$ 1.234,56" (dot for thousands, comma for cents).
    const balance = page.locator("section[aria-labelledby='summary-title'] .tabular").first();
    await expect(balance).toHaveText(/^-?US\$\s?\d{1,3}(\.\d{3})*,\d{2}$/);
    const amounts = (await page.locator("#open-items td").allTextContents()).filter((t) => t.includes("$"));
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) expect(amount).toMatch(/US\$\s?\d{1,3}(\.\d{3})*,\d{2}/);

    // The choice is saved on the user: a new browser signs in straight into Portuguese.
    await page.context().clearCookies();
    await page.goto(`${E2E.portalUrl}/login`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await signInToPortal(page, user.email);
    await expect(page.getByRole("heading", { name: "Como pagar" })).toBeVisible();
  });

  test.describe("with a Spanish browser", () => {
    test.use({ locale: "es-ES" });

    test("the sign-in pages are in Spanish before signing in", async ({ page }) => {
      await page.goto(`${E2E.portalUrl}/login`);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.getByRole("heading", { name: "Inicie sesión en su cuenta" })).toBeVisible();
      await expect(page.getByLabel("Correo electrónico")).toBeVisible();
      await expect(page).toHaveTitle(/Portal de clientes/);

      // Validation messages too, in the browser and from the server.
      await page.getByRole("button", { name: "Enviarme un código de acceso" }).click();
      await expect(page.getByText("Introduzca su dirección de correo electrónico.")).toBeVisible();

      const response = await page.goto(`${E2E.portalUrl}/no-such-page`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "No encontramos esa página" })).toBeVisible();
    });

    test("a language picked on the sign-in page wins over the browser's, and the e-mail follows it", async ({
      page,
    }) => {
      const customer = await createCustomerWithInvoices();
      const user = await createPortalUserFor([customer]);
      await page.goto(`${E2E.portalUrl}/login`);
      await chooseLanguage(page, "العربية", "ar");
      await expect(page.getByRole("heading", { name: "سجّل الدخول إلى حسابك" })).toBeVisible();
      await signInToPortal(page, user.email);
      await expect(page.getByRole("heading", { name: "طريقة الدفع" })).toBeVisible();
    });
  });
});
