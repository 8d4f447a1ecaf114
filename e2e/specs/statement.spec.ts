import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Download, expect, type Locator, type Page, test } from "@playwright/test";
import type ExcelJSModule from "exceljs";
import { systemActor } from "../../packages/domain/src/actor.ts";
import { applyCredit } from "../../packages/domain/src/ledger/apply-credit.ts";
import { createInvoice } from "../../packages/domain/src/ledger/create-invoice.ts";
import { recordCredit } from "../../packages/domain/src/ledger/record-credit.ts";
import { createCustomer, createPortalUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { faker } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { chooseLanguage } from "../support/portal-language.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

// exceljs belongs to the documents package; the test reads the export back with the same library.
const ExcelJS = createRequire(new URL("../../packages/documents/package.json", import.meta.url))(
  "exceljs",
) as typeof ExcelJSModule;

const system = systemActor("e2e-statement");
const DAY = 86_400_000;
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const day = (offset: number) => new Date(today.getTime() + offset * DAY);
const iso = (offset: number) => day(offset).toISOString().slice(0, 10);

interface Book {
  customerId: string;
  name: string;
  accountNumber: string;
  email: string;
  numbers: Record<"old" | "paidOld" | "inv1" | "memo" | "inv2" | "pay", string>;
  invoiceIds: { inv2: string };
}

/**
 * A customer with a known history: 1,000.00 invoiced and 250.00 paid before the period (opening
 * 750.00), then +432.10, −50.00, +1,234.56, −300.00 in the last 90 days (closing 2,066.66).
 */
async function createBook(): Promise<Book> {
  const db = getDb();
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const customer = await createCustomer(db, {
    name: `Statement Test ${tag} Ltd`,
    accountNumber: `ST-${tag}`,
    paymentTermsCode: "NET30",
    paymentTermsDays: 30,
    // Random ids: Playwright restarts a worker after a failure, and a fixed seed would repeat them.
    faker,
  });
  const numbers = {
    old: `INV-${tag}-OLD`,
    paidOld: `RCT-${tag}-OLD`,
    inv1: `INV-${tag}-1`,
    memo: `CM-${tag}-1`,
    inv2: `INV-${tag}-2`,
    pay: `RCT-${tag}-2`,
  };
  const invoice = async (number: string, cents: bigint, documentDate: number, dueDate: number) =>
    (
      await createInvoice(
        {
          customerId: customer.id,
          number,
          documentDate: day(documentDate),
          dueDate: day(dueDate),
          poNumber: `PO-${number}`,
          lines: [
            { description: "Consulting services", quantityMilli: 1000n, unitPrice: cents, taxRateBp: 0 },
          ],
        },
        system,
      )
    ).id;
  const credit = async (
    kind: "PAYMENT" | "CREDIT_MEMO",
    number: string,
    cents: bigint,
    documentDate: number,
  ) =>
    (
      await recordCredit(
        {
          customerId: customer.id,
          kind,
          number,
          currency: "USD",
          amount: cents,
          documentDate: day(documentDate),
          paymentMethod: kind === "PAYMENT" ? "BANK_TRANSFER" : undefined,
        },
        system,
      )
    ).id;
  const old = await invoice(numbers.old, 100_000n, -200, -170);
  await applyCredit(
    {
      creditItemId: await credit("PAYMENT", numbers.paidOld, 25_000n, -150),
      debitItemId: old,
      amount: 25_000n,
    },
    system,
  );
  const inv1 = await invoice(numbers.inv1, 43_210n, -60, -30);
  await credit("CREDIT_MEMO", numbers.memo, 5_000n, -40);
  const inv2 = await invoice(numbers.inv2, 123_456n, -10, 20);
  await applyCredit(
    { creditItemId: await credit("PAYMENT", numbers.pay, 30_000n, -5), debitItemId: inv1, amount: 30_000n },
    system,
  );

  const email = `statement-${tag.toLowerCase()}@e2e.example`;
  await createPortalUser(
    db,
    { email, name: "Sam Statement", memberships: [{ customerId: customer.id, role: "VIEWER" }] },
    faker,
  );
  return {
    customerId: customer.id,
    name: customer.name,
    accountNumber: customer.accountNumber,
    email,
    numbers,
    invoiceIds: { inv2 },
  };
}

/** "$1,234.56" or "-$50.00" (en-US) → cents. */
function cents(text: string): bigint {
  const match = /(-)?\$([\d,]+)\.(\d{2})/.exec(text.replace(/\u2212/g, "-"));
  if (!match) throw new Error(`Not an amount: "${text}"`);
  const value = BigInt(match[2]!.replaceAll(",", "")) * 100n + BigInt(match[3]!);
  return match[1] ? -value : value;
}

const summary = async (page: Page, key: string) =>
  cents((await page.locator(`[data-summary="${key}"] .tabular`).first().textContent()) ?? "");

async function amountsIn(cells: Locator): Promise<bigint[]> {
  const texts = await cells.allInnerTexts();
  return texts.filter((t) => t.includes("$")).map(cents);
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

async function saved(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

const pdfText = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });

test.describe("statement and invoices online", () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "settle-e2e-"));
  });
  test.afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("the statement adds up, and its PDF, an invoice PDF and the Excel export match the page", async ({
    page,
  }) => {
    const book = await createBook();
    await signInToPortal(page, book.email);
    await expect(page).toHaveURL(new RegExp(`/accounts/${book.customerId}`));

    await page.getByRole("link", { name: "Statement", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${book.customerId}/statement`));
    await page.getByLabel("From").fill(iso(-90));
    await page.getByLabel("To").fill(iso(0));
    await page.getByRole("button", { name: "Show statement" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${iso(-90)}`));

    // Closing = opening + the period's movements, read from the page.
    const opening = await summary(page, "opening");
    const debits = await summary(page, "debits");
    const credits = await summary(page, "credits");
    const closing = await summary(page, "closing");
    expect(closing).toBe(opening + debits - credits);
    expect([opening, debits, credits, closing]).toEqual([75_000n, 166_666n, 35_000n, 206_666n]);

    // The table agrees: its debit and credit columns add up to the movements, and it ends at
    // the closing balance.
    const lines = page.locator("#lines tbody tr:not([data-row])");
    await expect(lines).toHaveCount(4);
    expect(sum(await amountsIn(lines.locator("td:nth-child(5)")))).toBe(debits);
    expect(sum(await amountsIn(lines.locator("td:nth-child(6)")))).toBe(credits);
    const balanceRow = async (row: string) =>
      cents((await page.locator(`#lines [data-row="${row}"] td`).textContent()) ?? "");
    expect(await balanceRow("opening")).toBe(opening);
    expect(await balanceRow("closing")).toBe(closing);
    const balances = await amountsIn(lines.locator("td:nth-child(7)"));
    expect(balances.at(-1)).toBe(closing);
    await expectAccessible(page, "statement");

    // The PDF says the same.
    const [statementPdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(statementPdf.suggestedFilename()).toMatch(/^statement-.*\.pdf$/);
    const statementText = pdfText(await saved(statementPdf, dir));
    expect(statementText).toContain(book.accountNumber);
    for (const number of [book.numbers.inv1, book.numbers.memo, book.numbers.inv2, book.numbers.pay]) {
      expect(statementText).toContain(number);
    }
    expect(statementText).not.toContain(book.numbers.old);
    for (const amount of ["750.00", "432.10", "1,234.56", "2,066.66"])
      expect(statementText).toContain(amount);

    // The Excel export has typed cells: real dates and numbers a clerk can sum.
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Excel" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await saved(xlsx, dir));
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(column("Debit")).toBeGreaterThan(0);
    const rows: ExcelJSModule.Row[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    const numberOf = (row: ExcelJSModule.Row, name: string) => row.getCell(column(name)).value;
    const documents = rows.filter((row) => numberOf(row, "Document"));
    expect(documents.map((row) => numberOf(row, "Document"))).toEqual([
      book.numbers.inv1,
      book.numbers.memo,
      book.numbers.inv2,
      book.numbers.pay,
    ]);
    expect(documents[0]!.getCell(column("Date")).value).toBeInstanceOf(Date);
    const totalOf = (name: string) =>
      Math.round(documents.reduce((s, row) => s + Number(numberOf(row, name) ?? 0), 0) * 100);
    expect(BigInt(totalOf("Debit"))).toBe(debits);
    expect(BigInt(totalOf("Credit"))).toBe(credits);
    expect(numberOf(rows[0]!, "Balance")).toBe(750);
    expect(numberOf(rows.at(-1)!, "Balance")).toBe(2066.66);

    // An invoice: its page and its PDF agree.
    await page.getByRole("link", { name: book.numbers.inv2 }).click();
    await expect(page).toHaveURL(new RegExp(`/invoices/${book.invoiceIds.inv2}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(book.numbers.inv2);
    const invoiceAmount = await summary(page, "amount");
    const invoiceOpen = await summary(page, "open");
    expect([invoiceAmount, invoiceOpen]).toEqual([123_456n, 123_456n]);
    await expect(page.getByText(`PO-${book.numbers.inv2}`)).toBeVisible();
    await expectAccessible(page, "invoice");
    const [invoicePdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(invoicePdf.suggestedFilename()).toBe(`${book.numbers.inv2}.pdf`);
    const invoiceText = pdfText(await saved(invoicePdf, dir));
    expect(invoiceText).toContain(book.numbers.inv2);
    expect(invoiceText).toContain(book.name);
    expect(invoiceText).toContain(`PO-${book.numbers.inv2}`);
    expect(invoiceText).toContain("1,234.56");

    // The same statement in Arabic (right to left) and in Portuguese (amounts formatted pt-BR).
    await page.goto(`${E2E.portalUrl}/accounts/${book.customerId}/statement?from=${iso(-90)}&to=${iso(0)}`);
    await chooseLanguage(page, "العربية", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1, name: "كشف الحساب" })).toBeVisible();
    await chooseLanguage(page, "Português (Brasil)", "pt-BR");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1, name: "Extrato" })).toBeVisible();
    await expect(page.locator('[data-summary="closing"] .tabular').first()).toHaveText(/^US\$\s?2\.066,66$/);
  });

  test("the invoice list searches, filters and downloads a ZIP of the selected PDFs", async ({ page }) => {
    const book = await createBook();
    await signInToPortal(page, book.email);
    await page.goto(`${E2E.portalUrl}/accounts/${book.customerId}/invoices`);
    const rows = page.locator("#invoices tbody tr");
    await expect(rows).toHaveCount(3);
    await expectAccessible(page, "invoices");

    // Partially paid: 1,000.00 less 250.00, and 432.10 less 300.00 (both overdue as well).
    await page.getByLabel("Status").selectOption("partially_paid");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: book.numbers.inv1 })).toContainText("Partially paid");
    await expect(rows.filter({ hasText: book.numbers.old })).toContainText(/Overdue by \d+ days/);

    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/invoices$/);
    await page.getByLabel("Search", { exact: true }).fill("1234.56");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(book.numbers.inv2);

    await page.getByRole("link", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/invoices$/);
    await expect(rows).toHaveCount(3);
    await page.getByLabel(`Select ${book.numbers.inv1}`).check();
    await page.getByLabel(`Select ${book.numbers.inv2}`).check();
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download selected as ZIP" }).click(),
    ]);
    const names = execFileSync("unzip", ["-Z1", await saved(zip, dir)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .sort();
    expect(names).toEqual([`${book.numbers.inv1}.pdf`, `${book.numbers.inv2}.pdf`].sort());

    // Nothing ticked: back to the list, which says what to do.
    await page.goto(`${E2E.portalUrl}/accounts/${book.customerId}/invoices.zip`);
    await expect(page).toHaveURL(/selection=emptySelection/);
    await expect(page.getByText("Tick the invoices you want to download first.")).toBeVisible();

    // Bad filters get a message, not an error page; a page past the end says so.
    await page.goto(
      `${E2E.portalUrl}/accounts/${book.customerId}/invoices?dueFrom=${iso(0)}&dueTo=${iso(-5)}`,
    );
    await expect(page.getByText(/is after the “due to” date/)).toBeVisible();
    await page.goto(`${E2E.portalUrl}/accounts/${book.customerId}/invoices?sort=number&page=99`);
    await expect(page.getByText("There is no page 99")).toBeVisible();
    // The page links lead back to the last page, keeping the sort (page 1 has no page parameter).
    const pages = page.getByRole("navigation", { name: "Pages of invoices" });
    await expect(pages).toContainText("Page 99 of 1");
    await expect(pages.getByRole("link", { name: "Previous" })).toHaveAttribute(
      "href",
      `/accounts/${book.customerId}/invoices?sort=number`,
    );
    await expect(pages.getByText("Next")).toHaveAttribute("aria-disabled", "true");
    await page.goto(`${E2E.portalUrl}/accounts/${book.customerId}/statement?from=${iso(0)}&to=${iso(-30)}`);
    await expect(page.getByText(/is after the end date/)).toBeVisible();
  });
});
