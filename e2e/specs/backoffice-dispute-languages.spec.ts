import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { raiseDispute } from "../../packages/domain/src/disputes/raise-dispute.ts";
import { formatMoney } from "../../packages/domain/src/money/money.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createStaff } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { createDisputeBook } from "../support/dispute-book.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

/** A dispute on the whole of a 600.00 USD invoice, and an AR manager whose language is `locale`. */
async function disputeFor(page: Page, locale: string) {
  const book = await createDisputeBook({ company: "Globex", item: "Widget" });
  const dispute = await raiseDispute(
    {
      customerId: book.customer.id,
      invoiceId: book.invoice.id,
      scope: "WHOLE",
      reason: "PRICING",
      description: "The unit prices are above the contract.",
      channel: "EMAIL",
      idempotencyKey: randomUUID(),
    },
    { kind: "staff", userId: book.analyst.id, roles: ["DISPUTE_ANALYST"] },
  );
  const staff = await createStaff(["AR_MANAGER"]);
  await getDb().staffUser.update({ where: { email: staff.email }, data: { locale } });
  await signInToBackoffice(page, staff);
  await page.goto(`${E2E.backofficeUrl}/disputes/${dispute.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(dispute.label);
  return { ...book, dispute };
}

test.describe("a dispute in the staff user's language", () => {
  test("Portuguese: the dispute page speaks Portuguese, with amounts formatted for Brazil", async ({
    page,
  }) => {
    const { customer } = await disputeFor(page, "pt-BR");
    const amount = formatMoney(600_00n, "USD", "pt-BR");
    expect(amount).toMatch(/^US\$\s600,00$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Preço");
    await expect(page.getByText("Nova", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: customer.name }).first()).toBeVisible();
    for (const heading of [
      "O que é contestado",
      "Conversa e observações",
      "Documentos (0)",
      "Resolver",
      "Histórico",
      "Fatura",
      "Responsável e prazo",
      "Contato do cliente",
    ])
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await expect(page.getByText("5 dias úteis pela matriz")).toBeVisible();
    await expect(page.getByText(`Procedente: creditar todo o valor de ${amount}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Responder ao cliente" })).toBeVisible();
    await expect(page.getByText(amount).first()).toBeVisible();
    await expectAccessible(page, "dispute in Portuguese");
  });

  test("Portuguese: the dispute report speaks Portuguese, with amounts formatted for Brazil", async ({
    page,
  }) => {
    await disputeFor(page, "pt-BR");
    await page.getByRole("link", { name: "Relatório de contestações" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Relatório de contestações" })).toBeVisible();
    for (const label of ["Abertas de", "Até", "Agrupar por"])
      await expect(page.getByLabel(label, { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mostrar" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Baixar CSV" })).toBeVisible();
    for (const heading of ["Gráfico", "Por motivo", "Problemas recorrentes"])
      await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    const table = page.getByRole("table", { name: /^Contestações por motivo/ });
    await expect(table.getByRole("columnheader", { name: "Contestado" })).toBeVisible();
    // Other specs dispute too: the row's amount is formatted for Brazil, whatever it adds up to.
    await expect(table.getByRole("row").filter({ hasText: "Preço" })).toContainText(/US\$\s[\d.]+,\d{2}/);
    await expect(page.getByText(/contestaç(ão|ões) em USD/).first()).toBeVisible();
    await expectAccessible(page, "dispute report in Portuguese");

    // A period that is not one is refused in Portuguese.
    await page.getByLabel("Abertas de", { exact: true }).fill("2026-02-01");
    await page.getByLabel("Até", { exact: true }).fill("2026-01-01");
    await page.getByRole("button", { name: "Mostrar" }).click();
    await expect(page.getByRole("alert").first()).toContainText("A data final é anterior à data inicial.");
    await expectAccessible(page, "dispute report refusal in Portuguese");
  });

  test("Arabic: the same page right to left, in Arabic, and accessible", async ({ page }) => {
    await disputeFor(page, "ar");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { name: "موضوع الاعتراض", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "الرد على العميل" })).toBeVisible();
    await expect(page.getByText(formatMoney(600_00n, "USD", "ar")).first()).toBeVisible();
    await expectAccessible(page, "dispute in Arabic");
  });
});
