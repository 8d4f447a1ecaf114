import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createStripeConnection } from "../../packages/domain/src/payments/stripe-client.ts";
import { createStaffUser } from "../../packages/domain/src/seed/factories.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import {
  createCustomerWithInvoices,
  createPortalUserFor,
  forgetClientSignInCounts,
} from "../support/data.ts";
import { getDb } from "../support/database.ts";

async function staff(roles: ("CASH_APPLIER" | "AR_MANAGER")[]) {
  const email = `refunds-${randomUUID().slice(0, 8)}@e2e.example`;
  const password = `pw-${randomUUID()}`;
  await createStaffUser(getDb(), {
    email,
    roles,
    password,
    name: roles[0] === "AR_MANAGER" ? "Mia Manager" : "Cal Cash",
  });
  return { email, password };
}

async function signIn(page: Page, who: { email: string; password: string }, then: string) {
  await forgetClientSignInCounts();
  await page.goto(`${E2E.backofficeUrl}/login`);
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${E2E.backofficeUrl}${then}`);
}

/**
 * A succeeded 2,000.00 USD card payment, paid in the sandbox through the API and recorded as the
 * portal would (unapplied, so the refund needs no reversal).
 */
async function cardPayment() {
  const customer = await createCustomerWithInvoices();
  const { email } = await createPortalUserFor([customer], "PAYER");
  const { stripe } = createStripeConnection({
    sandboxUrl: E2E.stripeUrl,
    webhookSecret: E2E.stripeWebhookSecret,
  });
  const intent = await stripe.paymentIntents.create({
    amount: 200_000,
    currency: "usd",
    payment_method: "pm_card_visa",
    confirm: true,
  });
  expect(intent.status).toBe("succeeded");
  const db = getDb();
  const payer = await db.portalUser.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const row = await db.customer.findUniqueOrThrow({
    where: { id: customer.id },
    select: { legalEntityId: true },
  });
  const item = await db.openItem.create({
    data: {
      customerId: customer.id,
      legalEntityId: row.legalEntityId,
      kind: "PAYMENT",
      number: `CP-${randomUUID().slice(0, 8)}`,
      currency: "USD",
      amount: 200_000n,
      openAmount: 200_000n,
      documentDate: new Date(),
      paymentMethod: "CARD",
      stripePaymentIntentId: intent.id,
    },
  });
  const attempt = await db.paymentAttempt.create({
    data: {
      customerId: customer.id,
      currency: "USD",
      amount: 200_000n,
      status: "SUCCEEDED",
      idempotencyKey: randomUUID(),
      paymentIntentId: intent.id,
      paymentItemId: item.id,
      createdById: payer.id,
      completedAt: new Date(),
    },
  });
  return { attemptId: attempt.id, receipt: item.number };
}

test("a large refund waits for a second staff member, who approves it from the Approvals page; then Stripe refunds it", async ({
  browser,
}) => {
  const { attemptId, receipt } = await cardPayment();
  const cash = await staff(["CASH_APPLIER"]);
  const manager = await staff(["AR_MANAGER"]);
  const path = `/card-payments/${attemptId}`;

  const asker = await (await browser.newContext()).newPage();
  await signIn(asker, cash, path);
  const form = asker.getByRole("form", { name: "Request a refund" });
  await form.getByLabel("Amount (USD)").fill("1500.00");
  await form.getByLabel("Reason").selectOption("OVERPAYMENT");
  await form.getByRole("button", { name: "Request refund" }).click();
  await expect(asker.getByText("waits for a second staff member's approval")).toBeVisible();
  await expect(asker.getByText("Waiting for approval")).toBeVisible();
  // The requester cannot approve.
  await expect(asker.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // The manager finds it in the Approvals queue (linked from the navigation, with a count).
  const approver = await (await browser.newContext()).newPage();
  await signIn(approver, manager, "/");
  await approver.getByRole("link", { name: /^Approvals/ }).click();
  await expect(approver).toHaveURL(/\/approvals$/);
  const row = approver.getByRole("row").filter({ hasText: receipt });
  await expect(row).toContainText("Cal Cash");
  await expect(row).toContainText("$1,500.00");
  await expectAccessible(approver, "approvals");
  await row.getByRole("button", { name: `Approve ${receipt}` }).click();
  await expect(approver.getByText("Refund approved and sent to Stripe.")).toBeVisible();
  await expect(approver.getByRole("row").filter({ hasText: receipt })).toHaveCount(0);
  await approver.goto(`${E2E.backofficeUrl}${path}`);
  // The sandbox settles the refund a moment later and tells Settle by webhook.
  await expect(async () => {
    await approver.reload();
    await expect(approver.getByText("Refunded", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(approver.getByText("Approved by Mia Manager")).toBeVisible();
});
