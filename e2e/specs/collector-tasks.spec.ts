import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { isoDate } from "../../packages/domain/src/base/dates.ts";
import { proposePaymentPlan } from "../../packages/domain/src/plans/propose-payment-plan.ts";
import { raiseCollectorTask } from "../../packages/domain/src/tasks/raise-collector-task.ts";
import { E2E } from "../env.ts";
import { expectAccessible } from "../support/accessibility.ts";
import { createCustomerWithInvoices, createStaff } from "../support/data.ts";
import { getDb } from "../support/database.ts";
import { signInToBackoffice } from "../support/staff-sign-in.ts";

test("a collector finds a plan task on the home page, follows it to the account and marks it done", async ({
  page,
}) => {
  const db = getDb();
  const collector = await createStaff(["COLLECTOR"]);
  const { id: collectorId } = await db.staffUser.findUniqueOrThrow({ where: { email: collector.email } });
  const customer = await createCustomerWithInvoices();
  await db.customer.update({ where: { id: customer.id }, data: { collectorId } });
  const invoice = await db.openItem.findFirstOrThrow({
    where: { customerId: customer.id, number: customer.invoiceNumbers[0] },
  });
  const day = (days: number) => isoDate(new Date(Date.now() + days * 86_400_000));
  const plan = await proposePaymentPlan(
    {
      customerId: customer.id,
      invoiceIds: [invoice.id],
      instalments: 2,
      frequency: "MONTHLY",
      firstDate: day(14),
      expiresOn: day(7),
      idempotencyKey: `e2e-plan-${randomUUID()}`,
    },
    { kind: "staff", userId: collectorId, roles: ["COLLECTOR"] },
  );
  await db.$transaction((tx) =>
    raiseCollectorTask(tx, {
      kind: "PLAN_DEFAULTED",
      customerId: customer.id,
      planId: plan.id,
      dueOn: new Date(),
    }),
  );

  await signInToBackoffice(page, collector);
  await page.goto(`${E2E.backofficeUrl}/`);
  const tasks = page.getByRole("table", { name: "Your open tasks, the latest due first" });
  const row = tasks.getByRole("row", { name: /Plan defaulted/ });
  await expect(row).toContainText(customer.name);
  await expect(row.getByRole("link", { name: plan.label })).toHaveAttribute(
    "href",
    `/customers/${customer.id}#payment-plans`,
  );
  await expectAccessible(page, "home with a task");

  await row.getByRole("link", { name: customer.name }).click();
  await expect(page).toHaveURL(`${E2E.backofficeUrl}/customers/${customer.id}`);
  await page.goBack();

  await tasks.getByRole("button", { name: new RegExp(`Done.*${customer.name}`) }).click();
  await expect(page.getByRole("status")).toContainText("Task done.");
  await expect(page.getByText("No open tasks")).toBeVisible();
  await expectAccessible(page, "home without tasks");
});
