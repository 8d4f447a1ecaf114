import { expect, type Page, test } from "@playwright/test";
import { formatMoney } from "../../packages/domain/src/money/money.ts";
import { createStaffUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { type CustomerFixture, createCustomerWithInvoices, faker, invoicesOf } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

/** A collector whose own language (staff_user.locale) is `locale`. */
async function staffSpeaking(locale: string) {
  const email = `staff-${locale.toLowerCase()}-${faker.string.alphanumeric(8)}@e2e.example`;
  const password = `pw-${faker.string.alphanumeric(24)}`;
  const user = await createStaffUser(getDb(), { email, password, roles: ["COLLECTOR"] }, faker);
  await getDb().staffUser.update({ where: { id: user.id }, data: { locale } });
  return { email, password };
}

/** The account's balance (its open invoices) as the back office shows it in `locale`. */
async function balanceIn(customer: CustomerFixture, locale: string): Promise<string> {
  const invoices = await invoicesOf(customer.id);
  const { currency } = await getDb().openItem.findFirstOrThrow({
    where: { customerId: customer.id },
    select: { currency: true },
  });
  const open = invoices.reduce((sum, invoice) => sum + invoice.openAmount, 0n);
  return formatMoney(open, currency.trim(), locale);
}

/** Finds the customer on the list with the list's own search, in the page's words. */
async function searchCustomers(page: Page, customer: CustomerFixture, submit: string) {
  await page.getByRole("searchbox").fill(customer.name);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: customer.accountNumber })).toHaveCount(1);
}

test.describe("the back office in the staff user's language", () => {
  test("Portuguese: the customer list and an account speak Portuguese, with amounts formatted for Brazil", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const balance = await balanceIn(customer, "pt-BR");
    expect(balance).toMatch(/^US\$\s\d{1,3}(\.\d{3})*,\d{2}$/);
    await signInToBackoffice(page, await staffSpeaking("pt-BR"));

    await page.goto(`${E2E.backofficeUrl}/customers`);
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page).toHaveTitle("Clientes · Back office do Settle");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clientes");
    await expect(page.getByRole("columnheader", { name: "Saldo" })).toBeVisible();
    await searchCustomers(page, customer, "Pesquisar");
    const row = page.getByRole("row").filter({ hasText: customer.accountNumber });
    await expect(row).toContainText(balance);
    await expectAccessible(page, "customers in Portuguese");

    await row.getByRole("link", { name: customer.name }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.name);
    await expect(page.getByRole("link", { name: "Clientes" }).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Saldos" })).toContainText(balance);
    for (const heading of ["Dados da conta", "Contatos", "Itens em aberto (3)", "Acesso ao portal"])
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Atividade recente" })).toBeVisible();
    const items = page.getByRole("table", {
      name: "Itens em aberto, do vencimento mais antigo ao mais recente",
    });
    await expect(items.getByRole("columnheader", { name: "Valor em aberto" })).toBeVisible();
    await expect(items.getByRole("row").filter({ hasText: customer.invoiceNumbers[0] })).toContainText(
      "Fatura",
    );
    await expect(page.getByRole("button", { name: "Enviar convite" })).toBeVisible();
    await expectAccessible(page, "customer account in Portuguese");
  });

  test("Arabic: the same pages right to left, in Arabic, and accessible", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    await signInToBackoffice(page, await staffSpeaking("ar"));

    await page.goto(`${E2E.backofficeUrl}/customers`);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("العملاء");
    await searchCustomers(page, customer, "بحث");
    const row = page.getByRole("row").filter({ hasText: customer.accountNumber });
    await expect(row).toContainText(await balanceIn(customer, "ar"));
    await expectAccessible(page, "customers in Arabic");

    await row.getByRole("link", { name: customer.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.name);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    for (const heading of ["تفاصيل الحساب", "جهات الاتصال", /^البنود المفتوحة \(/, "الوصول إلى البوابة"])
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "النشاط الأخير" })).toBeVisible();
    await expect(page.getByRole("button", { name: "إرسال الدعوة" })).toBeVisible();
    await expectAccessible(page, "customer account in Arabic");
  });
});
