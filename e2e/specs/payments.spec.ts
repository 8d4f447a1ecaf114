import { expect, test } from "@playwright/test";
import { formatMoney, toDecimalString } from "../../packages/domain/src/money/money.ts";
import { typedAmountText } from "../../packages/domain/src/money/typed-amount.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { payOnStripe, reviewPayment } from "../support/card-checkout.ts";
import { createCustomerWithInvoices, createPortalUserFor, invoicesOf } from "../support/data.ts";
import { chooseLanguage } from "../support/portal-language.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";

test.describe("card payments", () => {
  test("a payer pays two invoices, one partially, and both show the right open amounts", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    const [first, second] = (await invoicesOf(customer.id)).slice(0, 2) as [
      { id: string; number: string; openAmount: bigint },
      { id: string; number: string; openAmount: bigint },
    ];
    const partial = second.openAmount - 1000n;
    const usd = (amount: bigint) => formatMoney(amount, "USD", "en-US");

    await signInToPortal(page, user.email);
    await reviewPayment(page, customer.id, [first.number, second.number]);
    await expect(page.getByTestId("payment-total")).toHaveText(usd(first.openAmount + second.openAmount));
    await page.getByLabel(`Amount to pay for ${second.number} in USD`).fill(toDecimalString(partial, "USD"));
    await expect(page.getByTestId("payment-total")).toHaveText(usd(first.openAmount + partial));
    await expectAccessible(page, "review payment");
    await page.getByRole("button", { name: `Pay ${usd(first.openAmount + partial)} by card` }).click();

    await payOnStripe(page, "4242 4242 4242 4242");
    await expect(page).toHaveURL(new RegExp(`${E2E.portalUrl}/accounts/${customer.id}/payments/`));
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
    await expect(page.locator(`tr[data-invoice="${first.number}"] [data-open]`)).toHaveText(usd(0n));
    await expect(page.locator(`tr[data-invoice="${second.number}"] [data-open]`)).toHaveText(usd(1000n));
    await expectAccessible(page, "payment received");

    // The invoices themselves say the same.
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${first.id}`);
    await expect(page.locator('[data-summary="open"]')).toContainText(usd(0n));
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${second.id}`);
    await expect(page.locator('[data-summary="open"]')).toContainText(usd(1000n));

    // The statement shows the payment at once.
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/statement`);
    // Numbered like every other receipt (ADR 026).
    await expect(page.getByText(/RCT-\d+/).first()).toBeVisible();
  });

  test("a declined card leaves the invoices open and says why", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    const [invoice] = (await invoicesOf(customer.id)) as [{ id: string; number: string; openAmount: bigint }];
    const usd = (amount: bigint) => formatMoney(amount, "USD", "en-US");

    await signInToPortal(page, user.email);
    await reviewPayment(page, customer.id, [invoice.number]);
    await page.getByRole("button", { name: /by card$/ }).click();
    await payOnStripe(page, "4000 0000 0000 0002");
    // Stripe's page says so and lets the payer try another card; they go back instead.
    await expect(page.getByRole("alert")).toContainText(/declined/i);
    await page.getByRole("link", { name: /Back to/ }).click();

    await expect(page.getByRole("heading", { name: "Payment cancelled" })).toBeVisible();
    await expect(page.getByTestId("failure-reason")).toHaveText(
      "Your last card try failed: your bank declined the card.",
    );
    await expect(page.locator(`tr[data-invoice="${invoice.number}"] [data-open]`)).toHaveText(
      usd(invoice.openAmount),
    );
    await expectAccessible(page, "payment cancelled");
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices/${invoice.id}`);
    await expect(page.locator('[data-summary="open"]')).toContainText(usd(invoice.openAmount));
  });

  test("the review page reads right to left in Arabic and refuses a tampered amount in Arabic", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    const [invoice] = (await invoicesOf(customer.id)) as [{ id: string; number: string; openAmount: bigint }];
    await signInToPortal(page, user.email);
    await chooseLanguage(page, "العربية", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/pay?id=${invoice.id}`);
    await expect(page.getByRole("heading", { name: "مراجعة الدفعة" })).toBeVisible();
    await expectAccessible(page, "review payment (ar)");
    await page.locator('input[name="amount"]').fill(toDecimalString(invoice.openAmount + 1n, "USD"));
    await page.getByRole("button", { name: /بالبطاقة/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: invoice.number })).toContainText(
      "أكبر من مبلغها المستحق",
    );
    await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}/pay`));
  });

  test("a Portuguese payer types amounts the Brazilian way, and another form is refused with the one expected", async ({
    page,
  }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    const [invoice] = (await invoicesOf(customer.id)) as [{ id: string; number: string; openAmount: bigint }];
    await signInToPortal(page, user.email);
    await chooseLanguage(page, "Português (Brasil)", "pt-BR");
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/pay?id=${invoice.id}`);
    const amount = page.locator('input[name="amount"]');
    // Filled in as Brazilians write it.
    await expect(amount).toHaveValue(typedAmountText(invoice.openAmount, "USD", "pt-BR"));
    await expect(amount).toHaveValue(/^[\d.]+,\d\d$/);

    await amount.fill("12.50");
    await page.getByRole("button", { name: /com cartão/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: invoice.number })).toContainText("1.000,00");

    const left = invoice.openAmount / 2n;
    const partial = invoice.openAmount - left;
    await page.locator('input[name="amount"]').fill(typedAmountText(partial, "USD", "pt-BR"));
    await page.getByRole("button", { name: /com cartão/ }).click();
    await payOnStripe(page, "4242 4242 4242 4242");
    await expect(page.locator(`tr[data-invoice="${invoice.number}"] [data-open]`)).toHaveText(
      formatMoney(left, "USD", "pt-BR"),
    );
  });

  test("viewers see no Pay button", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "VIEWER");
    await signInToPortal(page, user.email);
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices`);
    await expect(page.getByRole("button", { name: "Download selected as ZIP" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Pay selected" })).toHaveCount(0);
  });
});

test.describe("card payments without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Pay form and Stripe's page work as plain HTML forms", async ({ page }) => {
    const customer = await createCustomerWithInvoices();
    const user = await createPortalUserFor([customer], "PAYER");
    const [invoice] = (await invoicesOf(customer.id)) as [{ id: string; number: string; openAmount: bigint }];
    await signInToPortal(page, user.email);
    await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/pay?id=${invoice.id}`);
    await page.locator('input[name="amount"]').fill("10.00");
    await page.getByRole("button", { name: /by card$/ }).click();
    await payOnStripe(page, "4242 4242 4242 4242");
    await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
    await expect(page.locator(`tr[data-invoice="${invoice.number}"] [data-open]`)).toHaveText(
      formatMoney(invoice.openAmount - 1000n, "USD", "en-US"),
    );
  });
});
