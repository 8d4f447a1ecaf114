import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import type { StaffRole } from "../../packages/domain/src/db/generated/enums.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createStaff } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { createRaisedDispute } from "../support/dispute-book.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

/** A staff member of these roles whose chosen language is `locale`, signed in. */
async function staffIn(page: Page, locale: string, roles: StaffRole[] = ["AR_MANAGER"]) {
  const staff = await createStaff(roles);
  await getDb().staffUser.update({ where: { email: staff.email }, data: { locale } });
  await signInToBackoffice(page, staff);
}

test.describe("names, countries and addresses inside Arabic pages", () => {
  test("the account of 'Maggio & Kovacek Corp.' keeps the name isolated and names its country in Arabic", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const name = "Maggio & Kovacek Corp.";
    const address = ["Rua Augusta, 1500 – Consolação", "01304-001 São Paulo – SP", "Brasil"];
    await getDb().customer.update({
      where: { id: customer.id },
      data: { name, country: "BR", billingAddress: address },
    });
    await staffIn(page, "ar", ["COLLECTOR"]);
    await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // The name is its own isolate: its full stop stays after "Corp", not before "Maggio".
    await expect(page.getByRole("heading", { level: 1 }).locator("bdi")).toHaveText(name);
    const details = page.locator("#details");
    await expect(details.getByText("البرازيل", { exact: true })).toBeVisible();
    await expect(details.locator("address bdi")).toHaveText(address);
    await expectAccessible(page, "account in Arabic");
  });
});

test.describe("department names in the reader's language", () => {
  test.use({ locale: "pt-BR" });

  test("an AR manager gives the department a Portuguese name; a Portuguese manager and customer see it", async ({
    page,
    browser,
  }) => {
    const raised = await createRaisedDispute({ company: "Initech", item: "Stapler" });
    const portuguese = `Mesa de preços ${randomUUID().slice(0, 6)}`;

    await staffIn(page, "pt-BR");
    await page.goto(`${E2E.backofficeUrl}/settings/dispute-matrix`);
    await page.getByRole("link", { name: `Editar o departamento ${raised.department}` }).click();
    // The edit form replaces the new-department form once the navigation has loaded: fill that one.
    await expect(page).toHaveURL(/[?&]department=/);
    await page.getByLabel("Nome em Português (Brasil) (opcional)").fill(portuguese);
    await page.getByRole("button", { name: "Salvar departamento" }).click();
    await expect(page.getByText("Departamento salvo.")).toBeVisible();
    await expectAccessible(page, "dispute matrix departments (pt-BR)");

    await page.goto(`${E2E.backofficeUrl}/disputes/${raised.dispute.id}`);
    await expect(page.getByRole("heading", { name: "Responsável e prazo" })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: portuguese })).toBeVisible();

    const customerPage = await (await browser.newContext({ locale: "pt-BR" })).newPage();
    await getDb().portalUser.update({ where: { email: raised.email }, data: { locale: "pt-BR" } });
    await signInToPortal(customerPage, raised.email);
    await customerPage.goto(`${E2E.portalUrl}/accounts/${raised.customer.id}/disputes/${raised.dispute.id}`);
    await expect(customerPage.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(customerPage.getByText(portuguese, { exact: true })).toBeVisible();
    await expect(customerPage.getByText(raised.department, { exact: true })).toHaveCount(0);
  });
});
