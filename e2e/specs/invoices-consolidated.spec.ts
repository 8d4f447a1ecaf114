import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { createCustomer, createInvoiceForCustomer } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import {
  type CustomerFixture,
  createCustomerWithInvoices,
  createPortalUserFor,
  faker,
} from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

interface Family {
  parent: CustomerFixture;
  child: { id: string; accountNumber: string; name: string; invoiceNumber: string; invoiceId: string };
}

/** A parent account with three invoices and a child account (its subsidiary) with one. */
async function createFamily(): Promise<Family> {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const parent = await createCustomerWithInvoices(`Parent ${tag} Holding`);
  const db = getDb();
  const { legalEntityId } = await db.customer.findUniqueOrThrow({ where: { id: parent.id } });
  const child = await createCustomer(db, {
    name: `Child ${tag} Logistics`,
    accountNumber: `E2E-C-${tag}`,
    legalEntityId,
    parentId: parent.id,
    faker,
  });
  const invoice = await createInvoiceForCustomer(
    db,
    child.id,
    { number: `INV-C-${tag}`, documentDate: new Date("2026-04-01T00:00:00Z") },
    faker,
  );
  return {
    parent,
    child: {
      id: child.id,
      accountNumber: child.accountNumber,
      name: child.name,
      invoiceNumber: invoice.number,
      invoiceId: invoice.id,
    },
  };
}

const invoicesTable = (page: Page) => page.getByRole("table", { name: /^Invoices, debit memos and fees/ });
const rowOf = (page: Page, number: string) =>
  invoicesTable(page).getByRole("row").filter({ hasText: number });

test.describe("Invoice Online for a parent account", () => {
  test("a parent's payer sees the child's invoices with their account, switches them off, exports and opens one, and cannot pay it with the parent's", async ({
    page,
  }) => {
    const { parent, child } = await createFamily();
    const user = await createPortalUserFor([parent], "PAYER");
    await signInToPortal(page, user.email);
    await page.goto(`${E2E.portalUrl}/accounts/${parent.id}/invoices`);

    // Consolidated by default: every account's invoices, each row naming its account.
    const everything = page.getByRole("checkbox", { name: "All accounts (consolidated)" });
    await expect(everything).toBeChecked();
    await expect(invoicesTable(page).getByRole("columnheader", { name: "Account" })).toBeVisible();
    await expect(rowOf(page, child.invoiceNumber)).toContainText(child.accountNumber);
    await expect(rowOf(page, child.invoiceNumber)).toContainText(child.name);
    await expect(rowOf(page, parent.invoiceNumbers[0]!)).toContainText(parent.accountNumber);
    await expect(page.getByText(/^4 documents/)).toBeVisible();
    await expectAccessible(page, "consolidated invoices");

    // The export follows the list: an Account column.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.split(/\r?\n/)[0]).toMatch(/,Account,Account name$/);
    expect(csv).toContain(`${child.accountNumber},${child.name}`);

    // Sorting keeps the switch.
    await invoicesTable(page)
      .getByRole("link", { name: /^Number/ })
      .click();
    await expect(page).toHaveURL(/sort=number/);
    await expect(rowOf(page, child.invoiceNumber)).toBeVisible();

    // Paying the child's invoice together with the parent's is refused, naming whose it is.
    await rowOf(page, child.invoiceNumber).getByRole("checkbox").check();
    await rowOf(page, parent.invoiceNumbers[0]!).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Pay selected" }).click();
    await expect(page.getByText("This payment cannot be made")).toBeVisible();
    await expect(
      page.getByText(`Invoice ${child.invoiceNumber} belongs to account ${child.accountNumber}`),
    ).toBeVisible();
    await expectAccessible(page, "pay refused");

    // The parent's own invoices only.
    await page.goto(`${E2E.portalUrl}/accounts/${parent.id}/invoices`);
    await everything.uncheck();
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/consolidated=0/);
    await expect(page.getByText(/^3 documents/)).toBeVisible();
    await expect(rowOf(page, child.invoiceNumber)).toHaveCount(0);
    await expect(invoicesTable(page).getByRole("columnheader", { name: "Account" })).toHaveCount(0);
    await expect(everything).not.toBeChecked();
    await expectAccessible(page, "own invoices");

    // Nothing in the family matches: the empty state, and back to everything.
    await page.goto(`${E2E.portalUrl}/accounts/${parent.id}/invoices?q=no-such-invoice`);
    await expect(page.getByText("No invoices match")).toBeVisible();
    await expectAccessible(page, "no matches");

    // The child's invoice opens through the parent.
    await page.goto(`${E2E.portalUrl}/accounts/${parent.id}/invoices`);
    await rowOf(page, child.invoiceNumber).getByRole("link", { name: child.invoiceNumber }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${parent.id}/invoices/${child.invoiceId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(child.invoiceNumber);
    // Read here, paid and disputed by the child account's users.
    await expect(page.getByRole("link", { name: "Download PDF" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Pay this invoice" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Dispute this invoice" })).toHaveCount(0);
    await expectAccessible(page, "child's invoice through the parent");
  });

  test("a child account's user sees neither the parent's invoices nor the parent's list", async ({
    page,
  }) => {
    const { parent, child } = await createFamily();
    const user = await createPortalUserFor([{ id: child.id }], "PAYER");
    const parentInvoice = await getDb().openItem.findFirstOrThrow({
      where: { customerId: parent.id, number: parent.invoiceNumbers[0]! },
      select: { id: true },
    });
    await signInToPortal(page, user.email);

    await page.goto(`${E2E.portalUrl}/accounts/${child.id}/invoices`);
    await expect(rowOf(page, child.invoiceNumber)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "All accounts (consolidated)" })).toHaveCount(0);
    await expect(invoicesTable(page).getByRole("columnheader", { name: "Account" })).toHaveCount(0);
    await expect(rowOf(page, parent.invoiceNumbers[0]!)).toHaveCount(0);

    for (const path of [
      `/accounts/${parent.id}/invoices`,
      `/accounts/${child.id}/invoices/${parentInvoice.id}`,
      `/accounts/${child.id}/invoices/${parentInvoice.id}/pdf`,
    ]) {
      const response = await page.request.get(`${E2E.portalUrl}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text()).not.toContain(parent.invoiceNumbers[0]!);
    }
  });
});
