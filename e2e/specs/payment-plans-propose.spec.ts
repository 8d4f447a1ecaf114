import { expect, test } from "@playwright/test";
import { isoDate } from "../../packages/domain/src/base/dates.ts";
import { formatMoney } from "../../packages/domain/src/money/money.ts";
import { planSchedule } from "../../packages/domain/src/plans/plan-schedule.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createStaff, invoicesOf } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

const usd = (amount: bigint) => formatMoney(amount, "USD", "en-US");

test("a collector offers a three-instalment monthly plan on two invoices from the account page", async ({
  page,
}) => {
  const collector = await createStaff(["COLLECTOR"]);
  const customer = await createCustomerWithInvoices();
  const [first, second] = (await invoicesOf(customer.id)).slice(0, 2) as [
    { id: string; number: string; openAmount: bigint },
    { id: string; number: string; openAmount: bigint },
  ];
  const covered = first.openAmount + second.openAmount;

  await signInToBackoffice(page, collector);
  await page.goto(`${E2E.backofficeUrl}/customers/${customer.id}`);
  const plans = page.getByRole("table", { name: "The account's payment plans" });
  await expect(page.getByText("No payment plans")).toBeVisible();
  await page.getByRole("link", { name: "Propose a payment plan" }).click();
  await expect(page.getByRole("heading", { name: "Propose a payment plan", level: 1 })).toBeVisible();

  const choice = page.getByRole("group", { name: "Invoices the plan covers" });
  await choice.getByRole("checkbox", { name: new RegExp(first.number) }).check();
  await choice.getByRole("checkbox", { name: new RegExp(second.number) }).check();
  await page.getByLabel("Number of instalments").fill("3");
  await page.getByLabel("How often").selectOption("MONTHLY");
  const firstDate = await page.getByLabel("First payment date").inputValue();

  // The preview is the domain's schedule: three monthly amounts that add up to the two invoices.
  const expected = planSchedule({
    covered,
    downPayment: 0n,
    fee: 0n,
    instalments: 3,
    frequency: "MONTHLY",
    firstDate: new Date(`${firstDate}T00:00:00Z`),
  });
  const preview = page.getByTestId("plan-preview");
  const rows = preview.getByRole("table", { name: "The payments the customer would make" }).getByRole("row");
  await expect(rows).toHaveCount(4);
  for (const [i, payment] of expected.entries()) {
    await expect(rows.nth(i + 1)).toContainText(`Instalment ${i + 1}`);
    await expect(rows.nth(i + 1)).toContainText(usd(payment.amount));
  }
  expect(expected.reduce((sum, p) => sum + p.amount, 0n)).toBe(covered);
  await expect(preview).toContainText(`Total${usd(covered)}`);
  await expectAccessible(page, "propose a payment plan");

  await page.getByRole("button", { name: "Offer the plan" }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}\\?proposed=`));
  const plan = await getDb().paymentPlan.findFirstOrThrow({
    where: { customerId: customer.id },
    include: { instalments: { orderBy: { sequence: "asc" } } },
  });
  expect(plan.instalments.map((i) => [isoDate(i.dueDate), i.amount])).toEqual(
    expected.map((p) => [isoDate(p.dueDate), p.amount]),
  );
  await expect(page.getByRole("status")).toContainText(`PP-${plan.number} offered to the customer`);
  const row = plans.getByRole("row", { name: new RegExp(`PP-${plan.number}`) });
  await expect(row).toContainText("Proposed");
  await expect(row).toContainText(usd(covered));
  await expect(row).toContainText("0 of 3");
  await expectAccessible(page, "account with a proposed payment plan");
});
