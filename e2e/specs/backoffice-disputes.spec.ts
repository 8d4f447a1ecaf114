import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { ledgerToday } from "../../packages/domain/src/customers/account-balances.ts";
import { addBusinessDays } from "../../packages/domain/src/disputes/business-days.ts";
import { raiseDispute } from "../../packages/domain/src/disputes/raise-dispute.ts";
import { createInvoiceForCustomer, createStaffUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { faker, forgetClientSignInCounts, latestSignInCode } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { createDisputeBook, DISPUTE_PDF } from "../support/dispute-book.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
const day = (date: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(date);

async function portalSignIn(page: Page, email: string) {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.portalUrl}/login`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: /code/i }).click();
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel("Sign-in code").fill(await latestSignInCode(email));
  await page
    .getByRole("button", { name: /sign in|verify|continue/i })
    .first()
    .click();
  await expect(page).not.toHaveURL(/\/login/);
}

test.describe("disputes in the back office", () => {
  test("a portal user disputes two lines with a PDF; the analyst from the matrix resolves it valid; the portal shows the credit memo, the lower open amount and the e-mail went out", async ({
    browser,
  }) => {
    const { customer, invoice, department, analyst, email } = await createDisputeBook({
      company: "Umbrella",
      item: "Gadget",
    });
    const portal = await (await browser.newContext()).newPage();
    const office = await (await browser.newContext()).newPage();

    // The customer disputes lines 1 and 2 with a PDF on the portal.
    await portalSignIn(portal, email);
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${invoice.id}`);
    await portal.getByRole("link", { name: "Dispute this invoice" }).click();
    await portal.getByLabel("Some lines").check();
    await portal.getByRole("checkbox", { name: /Gadget 1/ }).check();
    await portal.getByRole("checkbox", { name: /Gadget 2/ }).check();
    await portal.getByLabel("Reason", { exact: true }).selectOption("PRICING");
    await portal.getByLabel("What is wrong?").fill("Gadgets 1 and 2 are above the contract price.");
    await portal
      .getByLabel("Documents (optional)")
      .setInputFiles({ name: "contract.pdf", mimeType: "application/pdf", buffer: DISPUTE_PDF });
    await portal.getByRole("button", { name: "Send the dispute" }).click();
    await expect(portal).toHaveURL(/\/disputes\/[0-9a-f-]{36}\?raised=1$/);
    const disputeId = /\/disputes\/([0-9a-f-]{36})/.exec(portal.url())?.[1] ?? "";
    const { number } = await getDb().dispute.findUniqueOrThrow({ where: { id: disputeId } });
    const label = `D-${number}`;
    const deadline = day(addBusinessDays(ledgerToday(), 5, new Set()));

    // The queue shows it with the owner and deadline from the matrix.
    await signInToBackoffice(office, analyst);
    await office.getByRole("link", { name: "Disputes", exact: true }).click();
    await expect(office.getByRole("heading", { level: 1, name: "Disputes" })).toBeVisible();
    await office.getByRole("searchbox").fill(customer.name);
    await office.getByRole("button", { name: "Filter" }).click();
    const row = office.getByRole("row").filter({ hasText: label });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(analyst.name);
    await expect(row).toContainText(department);
    await expect(row).toContainText(deadline);
    await expect(row).toContainText(usd(300_00));
    await expect(row).toContainText("New");
    await expectAccessible(office);

    await row.getByRole("link", { name: label }).click();
    await expect(office.getByRole("heading", { level: 1 })).toContainText(label);
    await expect(office.getByText("5 business days by the matrix")).toBeVisible();
    await expect(office.getByRole("row", { name: /Gadget 2/ })).toBeVisible();
    const download = office.waitForEvent("download");
    await office.getByRole("link", { name: "contract.pdf" }).click();
    expect((await download).suggestedFilename()).toBe("contract.pdf");

    // An internal note stays internal; a reply reaches the customer.
    await office.getByLabel("Message", { exact: true }).fill("Contract C-12 confirms 90.00 and 180.00.");
    await office.getByRole("button", { name: "Add internal note" }).click();
    await expect(office.getByText("Internal note added.")).toBeVisible();
    await expect(office.getByLabel("Message", { exact: true })).toHaveValue("");
    await expect(
      office.getByRole("listitem").filter({ hasText: "Contract C-12 confirms" }).getByText("Internal note"),
    ).toBeVisible();
    await expectAccessible(office);

    // Resolve valid: the whole disputed 300.00 is credited (below the 1,000.00 approval amount).
    await office.getByLabel(/Valid: credit the whole/).check();
    await office.getByLabel("Root cause").selectOption("PRICING_ERROR");
    await office
      .getByLabel("Explanation to the customer")
      .fill("The contract price applies; we credited 300.00.");
    await office.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(office.getByText(/Resolved\. Credit memo CM-D-\d+ issued and applied/)).toBeVisible();
    await expect(office.getByText("Resolved: valid").first()).toBeVisible();

    // The portal: accepted, the credit memo, 300.00 left open; never the internal note.
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/disputes/${disputeId}`);
    await expect(portal.getByText("Accepted", { exact: true })).toBeVisible();
    await expect(
      portal.getByText(/Credit memo CM-D-\d+: \$300\.00, of which \$300\.00 applied/),
    ).toBeVisible();
    await expect(portal.getByText("Contract C-12 confirms")).toHaveCount(0);
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${invoice.id}`);
    await expect(portal.locator('[data-summary="open"]')).toContainText(usd(300_00));

    // The customer's e-mail, as the back office's mailbox shows the outbox.
    await office.goto(`${E2E.backofficeUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(
      office.getByText(`Dispute ${label} for invoice ${invoice.number} was accepted`).first(),
    ).toBeVisible();
    const mail = await getDb().outboxEmail.findFirst({
      where: { toAddress: email, category: "dispute.resolved" },
    });
    expect(mail?.subject).toBe(`Dispute ${label} for invoice ${invoice.number} was accepted`);
  });

  test("staff log a dispute for the customer; an invalid resolution returns the invoice to collection and the customer sees why", async ({
    browser,
  }) => {
    const { customer, invoice, analyst, email } = await createDisputeBook({
      company: "Umbrella",
      item: "Gadget",
    });
    const office = await (await browser.newContext()).newPage();
    const portal = await (await browser.newContext()).newPage();

    // The analyst logs the customer's phone call from the account page's invoice.
    await signInToBackoffice(office, analyst);
    await office.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
    await office.getByRole("link", { name: `Log a dispute on ${invoice.number}` }).click();
    await expect(office.getByRole("heading", { level: 1, name: "Log a dispute" })).toBeVisible();
    await office.getByLabel("Channel").selectOption("PHONE");
    await office.getByLabel(/Contact e-mail/).fill(email);
    await office.getByLabel("Some lines", { exact: false }).check();
    await office.getByRole("checkbox", { name: /Gadget 3/ }).check();
    await office.getByLabel("Reason").selectOption("PRICING");
    await office.getByLabel("What the customer says is wrong").fill("Gadget 3 should be 250.00.");
    await office
      .getByLabel(/Documents/)
      .setInputFiles({ name: "note.pdf", mimeType: "application/pdf", buffer: DISPUTE_PDF });
    await expectAccessible(office);
    await office.getByRole("button", { name: "Log the dispute" }).click();
    await expect(office).toHaveURL(/\/disputes\/[0-9a-f-]{36}$/);
    await expect(office.getByText("Phone", { exact: false }).first()).toBeVisible();
    await expect(office.getByRole("link", { name: "note.pdf" })).toBeVisible();
    const disputeId = /\/disputes\/([0-9a-f-]{36})/.exec(office.url())?.[1] ?? "";

    // The customer sees it on the portal while it is open.
    await portalSignIn(portal, email);
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices?status=disputed`);
    await expect(portal.getByRole("link", { name: invoice.number })).toBeVisible();

    // Invalid: the invoice stands; the explanation goes to the customer.
    await office.getByLabel(/Invalid: the invoice stands/).check();
    await office.getByLabel("Root cause").selectOption("CUSTOMER_ERROR");
    await office
      .getByLabel("Explanation to the customer")
      .fill("Your purchase order 8812 lists 300.00 for gadget 3.");
    await office.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(office.getByText(/Resolved as invalid\. The invoice is back in collection/)).toBeVisible();

    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/disputes/${disputeId}`);
    await expect(portal.getByText("Not accepted", { exact: true })).toBeVisible();
    await expect(
      portal.getByText("Your purchase order 8812 lists 300.00 for gadget 3.").first(),
    ).toBeVisible();
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices?status=disputed`);
    await expect(portal.getByRole("link", { name: invoice.number })).toHaveCount(0);
    await portal.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${invoice.id}`);
    await expect(portal.locator('[data-summary="open"]')).toContainText(usd(600_00));

    // Back in collection: nothing of the invoice is held on the account page any more.
    await office.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
    await expect(office.getByRole("row", { name: new RegExp(invoice.number) })).not.toContainText(
      "in dispute",
    );
  });

  test("an AR manager routes a reason in the matrix; the report counts disputes and exports them", async ({
    page,
  }) => {
    const tag = randomUUID().slice(0, 8);
    const password = `pw-${randomUUID()}`;
    const email = `manager-${tag}@e2e.example`;
    await createStaffUser(getDb(), { email, roles: ["AR_MANAGER"], password, name: `Mo Manager ${tag}` });
    const department = await getDb().department.create({
      data: { code: `TAXD-${tag}`, name: `Tax desk ${tag}` },
    });
    // A dispute raised today, for the report.
    const disputed = await createDisputeBook({ company: "Umbrella", item: "Gadget" });
    await raiseDispute(
      {
        customerId: disputed.customer.id,
        invoiceId: disputed.invoice.id,
        scope: "WHOLE",
        reason: "PRICING",
        description: "Every price is wrong.",
        channel: "EMAIL",
        idempotencyKey: randomUUID(),
      },
      { kind: "staff", userId: disputed.analyst.id, roles: ["DISPUTE_ANALYST"] },
    );

    await signInToBackoffice(page, { email, password });
    await page.getByRole("link", { name: "Dispute matrix" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dispute matrix" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Reason").selectOption("TAX");
    await page.getByLabel("Department", { exact: true }).selectOption(department.id);
    await page.getByLabel("Deadline in business days").fill("4");
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByText("Rule added.")).toBeVisible();
    const rules = page.getByRole("table", { name: /Dispute routing rules/ });
    await expect(rules.getByRole("row").filter({ hasText: department.name })).toContainText(
      "4 business days",
    );

    await page.getByRole("link", { name: "Dispute report" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dispute report" })).toBeVisible();
    await expect(page.getByRole("table", { name: /Disputes by reason/ })).toContainText("Pricing");
    await expectAccessible(page);
    const csv = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const file = await csv;
    expect(file.suggestedFilename()).toMatch(
      /^dispute-report-reason-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });

  test("a credit above the approval amount waits for an AR manager; the analyst sees why there is no approve button", async ({
    browser,
  }) => {
    const { customer, analyst } = await createDisputeBook({ company: "Umbrella", item: "Gadget" });
    const db = getDb();
    const big = await createInvoiceForCustomer(
      db,
      customer.id,
      { lines: [{ description: "Machine", quantityMilli: 1000n, unitPrice: 2_500_00n, taxRateBp: 0 }] },
      faker,
    );
    const raised = await raiseDispute(
      {
        customerId: customer.id,
        invoiceId: big.id,
        scope: "WHOLE",
        reason: "PRICING",
        description: "Quoted at 2,000.00.",
        channel: "EMAIL",
        idempotencyKey: randomUUID(),
      },
      { kind: "staff", userId: analyst.id, roles: ["DISPUTE_ANALYST"] },
    );
    const password = `pw-${randomUUID()}`;
    const managerEmail = `approver-${randomUUID().slice(0, 8)}@e2e.example`;
    await createStaffUser(db, { email: managerEmail, roles: ["AR_MANAGER"], password, name: "Pia Approver" });

    const office = await (await browser.newContext()).newPage();
    await signInToBackoffice(office, analyst);
    await office.goto(`${E2E.backofficeUrl}/disputes/${raised.id}`);
    await office.getByLabel(/Valid: credit the whole/).check();
    await office.getByLabel("Root cause").selectOption("PRICING_ERROR");
    await office.getByLabel("Explanation to the customer").fill("We credit the whole invoice.");
    await office.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(office.getByText(/^Proposed\. The credit is above the approval amount/)).toBeVisible();
    await expect(office.getByText(`Waiting for an AR manager other than ${analyst.name}`)).toBeVisible();
    await expect(office.getByRole("button", { name: /Approve/ })).toHaveCount(0);
    await expectAccessible(office);

    const approver = await (await browser.newContext()).newPage();
    await signInToBackoffice(approver, { email: managerEmail, password });
    await approver.goto(`${E2E.backofficeUrl}/disputes?status=PENDING_APPROVAL`);
    await approver.getByRole("link", { name: raised.label }).click();
    await approver.getByRole("button", { name: "Approve and issue the credit" }).click();
    await expect(approver.getByText(/Approved\. Credit memo CM-D-\d+ issued and applied/)).toBeVisible();
    await expect(approver.getByText("Resolved: valid").first()).toBeVisible();
    await expect(approver.getByText("Pia Approver").first()).toBeVisible();
    const invoice = await db.openItem.findUniqueOrThrow({ where: { id: big.id } });
    expect(invoice.openAmount).toBe(0n);
  });
});
