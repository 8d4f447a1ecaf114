import { expect, type Page, test } from "@playwright/test";
import { systemActor } from "../../packages/domain/src/actor.ts";
import { applyCredit } from "../../packages/domain/src/ledger/apply-credit.ts";
import { recordCredit } from "../../packages/domain/src/ledger/record-credit.ts";
import { E2E } from "../env.ts";
import { createCustomerWithInvoices, createPortalUserFor, invoicesOf } from "../support/data.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

// The production server keeps rendered portal pages (ADR 019). A repeat view comes from memory;
// a change to the account made anywhere (here: cash applied through the domain, as the back
// office or the worker would) shows on the next view; a signed-out session gets nothing.

const system = systemActor("e2e-page-cache");

/** Opens a page and says what the page cache answered for the document. */
async function open(page: Page, path: string): Promise<string | undefined> {
  const response = await page.goto(`${E2E.portalUrl}${path}`);
  expect(response?.status()).toBe(200);
  return response?.headers()["settle-page-cache"];
}

test.describe("rendered-page cache", () => {
  test("a repeat view is served from memory until the account changes, and never after sign-out", async ({
    page,
    browser,
  }) => {
    const customer = await createCustomerWithInvoices();
    const { email } = await createPortalUserFor([customer], "VIEWER");
    await signInToPortal(page, email);
    const invoices = `/accounts/${customer.id}/invoices`;
    const [oldest] = await invoicesOf(customer.id);
    if (!oldest) throw new Error("fixture has no invoices");
    const row = page.locator("tr", { hasText: oldest.number });

    await open(page, invoices);
    await expect(row).toBeVisible();
    expect(await open(page, invoices)).toBe("hit");
    await expect(row).not.toContainText("Partially paid");

    // Half the oldest invoice paid, applied by cash application outside the portal.
    const payment = await recordCredit(
      {
        customerId: customer.id,
        kind: "PAYMENT",
        number: `RCT-${oldest.number}`,
        currency: "USD",
        amount: oldest.openAmount / 2n,
        documentDate: new Date(),
        paymentMethod: "BANK_TRANSFER",
      },
      system,
    );
    await applyCredit(
      { creditItemId: payment.id, debitItemId: oldest.id, amount: oldest.openAmount / 2n },
      system,
    );
    // The database announces the change at commit; the portal drops the page on arrival.
    await expect(async () => {
      expect(await open(page, invoices)).toBe("miss");
    }).toPass({ timeout: 3_000 });
    await expect(row).toContainText("Partially paid");
    expect(await open(page, invoices)).toBe("hit");
    await expect(row).toContainText("Partially paid");

    // Signed out from another device: the cached page is not served to the old session.
    const other = await browser.newContext();
    const device = await other.newPage();
    await signInToPortal(device, email);
    await device.goto(`${E2E.portalUrl}/account/sessions`);
    await device.getByRole("button", { name: "Sign out all other devices" }).click();
    await expect(device.getByText("Signed out 1 device.")).toBeVisible();
    await expect(async () => {
      await page.goto(`${E2E.portalUrl}${invoices}`);
      await expect(page).toHaveURL(/\/login/, { timeout: 500 });
    }).toPass({ timeout: 3_000 });
    await other.close();
  });
});
