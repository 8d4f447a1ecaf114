import { expect, test } from "@playwright/test";
import { E2E } from "../env.ts";
import { createCustomerWithInvoices, createStaff } from "../support/data.ts";

test.describe("back office", () => {
  test("staff sign in, search a customer and open the account page", async ({ page }) => {
    const staff = await createStaff(["COLLECTOR"]);
    const customer = await createCustomerWithInvoices();

    await page.goto(`${E2E.backofficeUrl}/customers`);
    // Not signed in: sent to the sign-in page, and back afterwards.
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("E-mail").fill(staff.email);
    await page.getByLabel("Password").fill(staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers/);

    await page
      .getByRole("searchbox")
      .or(page.getByPlaceholder("Search by name or account number"))
      .first()
      .fill(customer.accountNumber);
    await page.keyboard.press("Enter");
    const row = page.getByRole("row").filter({ hasText: customer.accountNumber });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: customer.name }).click();

    await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(customer.name);
    for (const number of customer.invoiceNumbers) await expect(page.getByText(number).first()).toBeVisible();
    await expect(page.getByText(/overdue/i).first()).toBeVisible();
  });

  test("each role sees the pages it can use and starts its day on its work", async ({ page }) => {
    const signIn = async (roles: Parameters<typeof createStaff>[0]) => {
      const staff = await createStaff(roles);
      await page.context().clearCookies();
      await page.goto(`${E2E.backofficeUrl}/login`);
      await page.getByLabel("E-mail").fill(staff.email);
      await page.getByLabel("Password").fill(staff.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).not.toHaveURL(/\/login/);
    };
    const nav = page.getByRole("navigation");

    // A collector: the overview, no approvals queue, no settings they cannot change.
    await signIn(["COLLECTOR"]);
    await expect(page).toHaveURL(`${E2E.backofficeUrl}/`);
    await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Refund approval" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Dispute matrix" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: /^Approvals/ })).toHaveCount(0);
    for (const path of ["/settings/refund-approval", "/settings/dispute-matrix"]) {
      const response = await page.goto(`${E2E.backofficeUrl}${path}`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    }

    // An AR manager lands on the approvals queue and has both settings pages.
    await signIn(["AR_MANAGER"]);
    await expect(page).toHaveURL(`${E2E.backofficeUrl}/approvals`);
    await expect(nav.getByRole("link", { name: "Refund approval" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Dispute matrix" })).toBeVisible();

    // A dispute analyst lands on the disputes queue.
    await signIn(["DISPUTE_ANALYST"]);
    await expect(page).toHaveURL(`${E2E.backofficeUrl}/disputes`);
  });

  test("a wrong password and an unknown e-mail get the same message", async ({ page }) => {
    const staff = await createStaff();
    const messages: string[] = [];
    for (const [email, password] of [
      [staff.email, "not-the-password"],
      ["nobody@e2e.example", "whatever-password"],
    ] as const) {
      await page.goto(`${E2E.backofficeUrl}/login`);
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.getByRole("alert");
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages[0]).toBe(messages[1]);
    await expect(page).toHaveURL(/\/login/);
  });

  test("unknown and malformed customer ids are 404 pages", async ({ page }) => {
    const staff = await createStaff();
    await page.goto(`${E2E.backofficeUrl}/login`);
    await page.getByLabel("E-mail").fill(staff.email);
    await page.getByLabel("Password").fill(staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1%27%20OR%201=1"]) {
      const response = await page.goto(`${E2E.backofficeUrl}/customers/${id}`);
      expect(response?.status()).toBe(404);
    }
  });

  test("a form posted without its CSRF token is refused", async ({ page }) => {
    const staff = await createStaff();
    const response = await page.request.post(`${E2E.backofficeUrl}/login`, {
      form: { email: staff.email, password: staff.password },
    });
    expect(response.status()).toBe(403);
  });
});
