import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { raiseDispute } from "../../packages/domain/src/disputes/raise-dispute.ts";
import { createInvoiceForCustomer } from "../../packages/domain/src/seed/factories.ts";
import { StripeSandboxControl } from "../../packages/stripe-sandbox/src/control-client.ts";
import { E2E } from "../env.ts";
import { createPortalUserFor, faker } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { createDisputeBook } from "../support/dispute-book.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

// Pages read the ledger as it is when the request arrives (ADR 021). Whoever commits a change
// (the worker, the back office, someone in psql), the very next request of any session, on
// either of the two portal processes, shows it: each check below opens a page once, after the
// change has committed, and never waits for it to change.

const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
const day = (date: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(date);

/** Opens a page of a portal process and expects it to answer 200. */
async function open(page: Page, portalUrl: string, path: string) {
  const response = await page.goto(`${portalUrl}${path}`);
  expect(response?.status(), path).toBe(200);
}

test.describe("freshness", () => {
  test("a change committed by the worker, the back office or SQL shows on the next request of any session in either portal process", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const db = getDb();
    const book = await createDisputeBook({ company: "Fresh", item: "Valve" });
    const { customer, invoice } = book;
    const toPay = await createInvoiceForCustomer(
      db,
      customer.id,
      { lines: [{ description: "Pump", quantityMilli: 1000n, unitPrice: 250_00n, taxRateBp: 0 }] },
      faker,
    );
    const payer = await createPortalUserFor([customer], "PAYER");
    const invoicePage = `/accounts/${customer.id}/invoices/${invoice.id}`;
    const paidPage = `/accounts/${customer.id}/invoices/${toPay.id}`;

    // Two sessions: the payer's on the first portal process, the viewer's on the second.
    const payerPage = await (await browser.newContext()).newPage();
    const viewerPage = await (await browser.newContext()).newPage();
    await signInToPortal(payerPage, payer.email);
    await signInToPortal(viewerPage, book.email);
    await open(viewerPage, E2E.secondPortalUrl, invoicePage);
    await expect(viewerPage.locator('[data-summary="open"]')).toContainText(usd(600_00));

    // 1. A dispute resolved in the back office: 300.00 credited on the invoice.
    const raised = await raiseDispute(
      {
        customerId: customer.id,
        invoiceId: invoice.id,
        scope: "LINES",
        lines: [{ lineNo: 3 }],
        reason: "PRICING",
        description: "Valve 3 was quoted at a lower price.",
        channel: "EMAIL",
        idempotencyKey: randomUUID(),
      },
      { kind: "staff", userId: book.analyst.id, roles: ["DISPUTE_ANALYST"] },
    );
    const office = await (await browser.newContext()).newPage();
    await signInToBackoffice(office, book.analyst);
    await office.goto(`${E2E.backofficeUrl}/disputes/${raised.id}`);
    await office.getByLabel(/Valid: credit the whole/).check();
    await office.getByLabel("Root cause").selectOption("PRICING_ERROR");
    await office.getByLabel("Explanation to the customer").fill("The quoted price applies.");
    await office.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(office.getByText(/Resolved\. Credit memo CM-D-\d+ issued and applied/)).toBeVisible();
    for (const [page, portalUrl] of [
      [viewerPage, E2E.secondPortalUrl],
      [payerPage, E2E.portalUrl],
    ] as const) {
      await open(page, portalUrl, invoicePage);
      await expect(page.locator('[data-summary="open"]')).toContainText(usd(300_00));
    }

    // 2. A card payment recorded by the worker: paid on Stripe's side without coming back to the
    // portal, so only the webhook inbox (processed by the worker) can record it.
    await open(payerPage, E2E.portalUrl, `/accounts/${customer.id}/invoices`);
    await payerPage.getByLabel(`Select ${toPay.number}`).check();
    await payerPage.getByRole("button", { name: "Pay selected" }).click();
    await payerPage.getByRole("button", { name: `Pay ${usd(250_00)} by card` }).click();
    await expect(payerPage).toHaveURL(new RegExp(`^${E2E.stripeUrl}/c/pay/cs_`));
    const sessionId = /\/c\/pay\/(cs_[A-Za-z0-9_]+)/.exec(payerPage.url())?.[1] ?? "";
    const paid = await new StripeSandboxControl(E2E.stripeUrl).payCheckout(sessionId, {
      card: "4242424242424242",
      email: "ap@e2e.example",
      name: "Pat Payable",
    });
    expect(paid.outcome).toBe("completed");
    await expect
      .poll(
        async () =>
          (await db.openItem.findUniqueOrThrow({ where: { id: toPay.id }, select: { openAmount: true } }))
            .openAmount,
        { timeout: 30_000 },
      )
      .toBe(0n);
    await open(viewerPage, E2E.secondPortalUrl, paidPage);
    await expect(viewerPage.locator('[data-summary="open"]')).toContainText(usd(0));
    await open(payerPage, E2E.portalUrl, `/accounts/${customer.id}/invoices`);
    await expect(payerPage.locator("tr", { hasText: toPay.number })).toContainText("Paid");

    // 3. Direct SQL: the customer renamed, the invoice's due date moved.
    const renamed = `Fresh Renamed ${randomUUID().slice(0, 8)} Ltd`;
    const due = new Date(Date.UTC(2031, 2, 14));
    await db.$executeRaw`UPDATE customer SET name = ${renamed} WHERE id = ${customer.id}::uuid`;
    await db.$executeRaw`UPDATE open_item SET due_date = ${due} WHERE id = ${invoice.id}::uuid`;
    await open(viewerPage, E2E.secondPortalUrl, invoicePage);
    await expect(viewerPage.getByText(renamed).first()).toBeVisible();
    await expect(viewerPage.getByText(day(due)).first()).toBeVisible();
    // A client navigation (the router's `.data` request) on the other process reads it too.
    await open(payerPage, E2E.portalUrl, paidPage);
    const statementData = payerPage.waitForResponse((r) => r.url().includes("/statement.data"));
    await payerPage.getByRole("link", { name: "Statement", exact: true }).click();
    expect((await statementData).status()).toBe(200);
    await expect(payerPage.getByText(renamed).first()).toBeVisible();
  });
});
