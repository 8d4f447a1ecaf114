import { expect, test } from "@playwright/test";
import PgBoss from "pg-boss";
import { isoDate } from "../../packages/domain/src/base/dates.ts";
import { minBig, toDecimalString } from "../../packages/domain/src/money/money.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import {
  createCustomerWithInvoices,
  createPortalUserFor,
  createStaff,
  invoicesOf,
  latestSignInCode,
} from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToPortal } from "../support/portal-sign-in.ts";
import { saveTestCard } from "../support/saved-card.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

/** Asks the running worker for a run of the plan job now (its schedule runs it hourly). */
async function runPlanJobInWorker() {
  const boss = new PgBoss({
    connectionString: E2E.databaseUrl,
    schema: "pgboss",
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    await boss.send("payment-plans.run", {});
  } finally {
    await boss.stop({ graceful: false });
  }
}

test("a collector's three-instalment plan on two invoices, accepted with autopay, is charged by the worker", async ({
  page,
  browser,
}) => {
  const collector = await createStaff(["COLLECTOR"]);
  const customer = await createCustomerWithInvoices();
  const [first, second] = (await invoicesOf(customer.id)).slice(0, 2) as [
    { id: string; number: string; openAmount: bigint },
    { id: string; number: string; openAmount: bigint },
  ];
  const payer = await createPortalUserFor([customer], "PAYER");
  const today = isoDate(new Date());

  // The payer has a card saved on the account.
  await signInToPortal(page, payer.email);
  const signInCode = await latestSignInCode(payer.email);
  await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/payment-methods`);
  await saveTestCard(page, customer.id, payer.email, signInCode);

  // The collector offers three monthly instalments from today on the two older invoices.
  const staff = await browser.newContext();
  const office = await staff.newPage();
  await signInToBackoffice(office, collector);
  await office.goto(`${E2E.backofficeUrl}/customers/${customer.id}/payment-plans/new`);
  const choice = office.getByRole("group", { name: "Invoices the plan covers" });
  await choice.getByRole("checkbox", { name: new RegExp(first.number) }).check();
  await choice.getByRole("checkbox", { name: new RegExp(second.number) }).check();
  await office.getByLabel("Number of instalments").fill("3");
  await office.getByLabel("How often").selectOption("MONTHLY");
  await office.getByLabel("First payment date").fill(today);
  await office.getByLabel("Offer expires on").fill(today);
  await office.getByRole("button", { name: "Offer the plan" }).click();
  await expect(office).toHaveURL(new RegExp(`/customers/${customer.id}\\?proposed=`));
  const plan = await getDb().paymentPlan.findFirstOrThrow({
    where: { customerId: customer.id },
    include: { instalments: { orderBy: { sequence: "asc" } } },
  });
  const label = `PP-${plan.number}`;

  // The payer gets the offer by e-mail, and its link opens the offer.
  const mail = await getDb().outboxEmail.findFirstOrThrow({
    where: { toAddress: payer.email, category: "portal.plan-offer" },
  });
  const link = new RegExp(`${E2E.portalUrl}/accounts/${customer.id}/payment-plans/${plan.id}`).exec(
    mail.textBody,
  );
  expect(link).not.toBeNull();
  await page.goto(link![0]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(label);
  await page.getByRole("radio", { name: /Automatically with the saved card/ }).check();
  await page.getByLabel("Your full name").fill("Pat Payable");
  await page.getByRole("checkbox", { name: /I agree to pay/ }).check();
  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("You accepted the payment plan.")).toBeVisible();

  // The worker charges the first instalment to the card through Stripe.
  await runPlanJobInWorker();
  await expect
    .poll(
      async () =>
        (
          await getDb().paymentPlanInstalment.findMany({
            where: { planId: plan.id },
            orderBy: { sequence: "asc" },
          })
        ).map((i) => i.status),
      { timeout: 20_000 },
    )
    .toEqual(["PAID", "DUE", "DUE"]);
  const instalment = plan.instalments[0]!.amount;
  const [older, newer] = (await invoicesOf(customer.id)).slice(0, 2);
  // Oldest first: the first invoice takes what it can, the second the rest.
  const toOlder = minBig(instalment, first.openAmount);
  expect(older!.openAmount).toBe(first.openAmount - toOlder);
  expect(newer!.openAmount).toBe(second.openAmount - (instalment - toOlder));

  // The portal shows it: the plan one of three paid, the invoices in the plan.
  await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/payment-plans/${plan.id}`);
  await expect(page.getByText("1 of 3 paid")).toBeVisible();
  await expectAccessible(page, "running payment plan");
  await page.goto(`${E2E.portalUrl}/accounts/${customer.id}/invoices`);
  await expect(page.getByRole("row").filter({ hasText: second.number })).toContainText(`In plan ${label}`);
  // The back office account shows the plan's adherence.
  await office.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  await expect(office.getByRole("table", { name: "The account's payment plans" })).toContainText("1 of 3");
  await staff.close();
});

/** A customer of a low risk class with overdue invoices, its first invoice, and a signed-in payer. */
async function payerWithOverdueInvoices(page: import("@playwright/test").Page) {
  const customer = await createCustomerWithInvoices();
  await getDb().customer.update({ where: { id: customer.id }, data: { riskClass: "LOW" } });
  const first = await getDb().openItem.findFirstOrThrow({
    where: { customerId: customer.id, number: customer.invoiceNumbers[0] },
  });
  const { email } = await createPortalUserFor([customer], "PAYER");
  await signInToPortal(page, email);
  return { customer, first };
}

/** From the home page's plans card to the request form; ticks the first invoice and fills the terms. */
async function askForPlan(
  page: import("@playwright/test").Page,
  customerId: string,
  invoiceNumber: string,
  terms: { downPayment: string; instalments: string },
) {
  await page.goto(`${E2E.portalUrl}/accounts/${customerId}`);
  await page.getByRole("link", { name: "Ask for a payment plan" }).click();
  await expect(page).toHaveURL(`${E2E.portalUrl}/accounts/${customerId}/payment-plans/request`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for a payment plan");
  await page.getByRole("checkbox", { name: new RegExp(invoiceNumber) }).check();
  await page.getByLabel("Down payment (optional)").fill(terms.downPayment);
  await page.getByLabel("Number of instalments").fill(terms.instalments);
  await page.getByLabel("Why do you need a plan?").fill("A large customer of ours pays late this quarter.");
  await expectAccessible(page, "payment plan request");
  await page.getByRole("button", { name: "Send the request" }).click();
}

test("a payer asks for a plan within the self-service policy and accepts the offer at once", async ({
  page,
}) => {
  const { customer, first } = await payerWithOverdueInvoices(page);
  // A fifth down (the policy asks for a tenth at least), three instalments.
  const down = toDecimalString(first.openAmount / 5n, first.currency.trim());
  await askForPlan(page, customer.id, customer.invoiceNumbers[0]!, { downPayment: down, instalments: "3" });

  await expect(page).toHaveURL(new RegExp(`/accounts/${customer.id}/payment-plans/[0-9a-f-]{36}$`));
  const plan = await getDb().paymentPlan.findFirstOrThrow({ where: { customerId: customer.id } });
  expect(plan).toMatchObject({ status: "PROPOSED", proposedByStaffId: null });
  await expect(page.getByRole("table", { name: "Payment schedule" }).getByRole("row")).toHaveCount(5);

  await page.getByLabel("Your full name").fill("Pat Payable");
  await page.getByRole("radio", { name: "Each instalment from the portal" }).check();
  await page.getByRole("checkbox", { name: /I agree to pay/ }).check();
  await page.getByRole("button", { name: "Accept and sign" }).click();
  await expect(page.getByText("You accepted the payment plan.")).toBeVisible();
  expect((await getDb().paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ACCEPTED");
});

test("a request outside the policy goes to the collector, who finds it on the account's plans card", async ({
  page,
}) => {
  const { customer, first } = await payerWithOverdueInvoices(page);
  const down = toDecimalString(first.openAmount / 5n, first.currency.trim());
  await askForPlan(page, customer.id, customer.invoiceNumbers[0]!, { downPayment: down, instalments: "12" });

  await expect(
    page.getByText("Plans of more than 6 instalments are arranged with your collector."),
  ).toBeVisible();
  await expect(page.getByText("Your collector will answer you.")).toBeVisible();
  await expectAccessible(page, "payment plan requested");
  const request = await getDb().paymentPlan.findFirstOrThrow({ where: { customerId: customer.id } });
  expect(request.status).toBe("REQUESTED");

  const collector = await createStaff(["COLLECTOR"]);
  await signInToBackoffice(page, collector);
  await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  const asked = page.getByTestId("plan-request");
  await expect(asked).toContainText("A large customer of ours pays late this quarter.");
  await asked.getByRole("link", { name: "Make an offer" }).click();
  await expect(page).toHaveURL(
    `${E2E.backofficeUrl}/customers/${customer.id}/payment-plans/new?request=${request.id}`,
  );
  await expect(page.getByTestId("plan-request")).toContainText(
    "A large customer of ours pays late this quarter.",
  );
  await expect(page.getByLabel("Number of instalments")).toHaveValue("12");
});
