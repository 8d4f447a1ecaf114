import { expect, type Page, test } from "@playwright/test";
import { ledgerToday } from "../../packages/domain/src/customers/account-balances.ts";
import { addBusinessDays } from "../../packages/domain/src/disputes/business-days.ts";
import { resolveDispute } from "../../packages/domain/src/disputes/resolve-dispute.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { getDb } from "../support/database.ts";
import { createDisputeBook, DISPUTE_PDF } from "../support/dispute-book.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

/** The portal user disputes lines 1 and 2 with a PDF; returns the dispute's id from the URL. */
async function disputeTwoLines(page: Page, customerId: string, invoiceId: string): Promise<string> {
  await page.goto(`${E2E.portalUrl}/accounts/${customerId}/invoices/${invoiceId}`);
  await page.getByRole("link", { name: "Dispute this invoice" }).click();
  await expect(page.getByRole("heading", { name: /Dispute invoice/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Some lines").check();
  await page.getByRole("checkbox", { name: /Widget 1/ }).check();
  await page.getByRole("checkbox", { name: /Widget 2/ }).check();
  await page.getByLabel("Reason", { exact: true }).selectOption("PRICING");
  await page.getByLabel("What is wrong?").fill("Widgets 1 and 2 are above the contract price.");
  await page.getByLabel("Documents (optional)").setInputFiles({
    name: "contract.pdf",
    mimeType: "application/pdf",
    buffer: DISPUTE_PDF,
  });
  await page.getByRole("button", { name: "Send the dispute" }).click();
  await expect(page).toHaveURL(/\/disputes\/[0-9a-f-]{36}\?raised=1$/);
  await expect(page.getByText("Your dispute was sent.")).toBeVisible();
  await expectAccessible(page);
  return /\/disputes\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
}

test.describe("invoice disputes", () => {
  test("two lines disputed with a PDF, assigned by the matrix, resolved valid: credit memo and a lower open amount", async ({
    page,
  }) => {
    const { customer, invoice, analyst, email } = await createDisputeBook({
      company: "Initech",
      item: "Widget",
    });
    await signInToPortal(page, email);
    const disputeId = await disputeTwoLines(page, customer.id, invoice.id);
    await expect(page.getByText("Received", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download contract.pdf" })).toBeVisible();

    const dispute = await getDb().dispute.findUniqueOrThrow({ where: { id: disputeId } });
    expect(dispute.amount).toBe(300_00n);
    expect(dispute.ownerId).toBe(analyst.id);
    expect(dispute.deadline.toISOString().slice(0, 10)).toBe(
      addBusinessDays(ledgerToday(), 5, new Set()).toISOString().slice(0, 10),
    );

    // The analyst's decision (the back office's dispute pages call the same use case).
    await resolveDispute(
      {
        disputeId,
        outcome: "VALID",
        rootCause: "PRICING_ERROR",
        explanation: "The contract price applies; we credited the difference.",
      },
      { kind: "staff", userId: analyst.id, roles: ["DISPUTE_ANALYST"] },
    );

    await page.reload();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
    await expect(page.getByText(/Credit memo CM-D-\d+: \$300\.00, of which \$300\.00 applied/)).toBeVisible();
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${invoice.id}`);
    await expect(page.locator('[data-summary="open"]')).toContainText("$300.00");
    await expect(page.getByText("This invoice is in dispute")).toHaveCount(0);

    const mail = await getDb().outboxEmail.findFirst({
      where: { toAddress: email, category: "dispute.resolved" },
    });
    expect(mail?.subject).toBe(`Dispute D-${dispute.number} for invoice ${invoice.number} was accepted`);
  });

  test("an invalid resolution returns the invoice to collection and the customer sees why", async ({
    page,
  }) => {
    const { customer, invoice, analyst, email } = await createDisputeBook({
      company: "Initech",
      item: "Widget",
    });
    await signInToPortal(page, email);
    const disputeId = await disputeTwoLines(page, customer.id, invoice.id);
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices?status=disputed`);
    await expect(page.getByRole("link", { name: invoice.number })).toBeVisible();
    await expect(
      page.getByRole("row", { name: new RegExp(invoice.number) }).getByText("In dispute", { exact: true }),
    ).toBeVisible();

    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}`);
    await expect(page.getByText("$300.00 of what you owe is in dispute and on hold.")).toBeVisible();
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/statement?view=open`);
    await expect(page.locator("#aging")).toContainText("Of which in dispute");
    await expect(page.locator("#aging")).toContainText("$300.00");

    await resolveDispute(
      {
        disputeId,
        outcome: "INVALID",
        rootCause: "CUSTOMER_ERROR",
        explanation: "Your purchase order 4711 shows these prices.",
      },
      { kind: "staff", userId: analyst.id, roles: ["DISPUTE_ANALYST"] },
    );
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/disputes/${disputeId}`);
    await expect(page.getByText("Not accepted", { exact: true })).toBeVisible();
    await expect(page.getByText("Your purchase order 4711 shows these prices.").first()).toBeVisible();
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices?status=disputed`);
    await expect(page.getByRole("link", { name: invoice.number })).toHaveCount(0);
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${invoice.id}`);
    await expect(page.locator('[data-summary="open"]')).toContainText("$600.00");
  });
});
