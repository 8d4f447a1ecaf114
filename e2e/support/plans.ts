import { randomUUID } from "node:crypto";
import { isoDate } from "../../packages/domain/src/base/dates.ts";
import { proposePaymentPlan } from "../../packages/domain/src/plans/propose-payment-plan.ts";
import { respondToPaymentPlan } from "../../packages/domain/src/plans/respond-to-payment-plan.ts";
import { createCustomerWithInvoices, createPortalUserFor } from "./data.ts";
import { getDb } from "./database.ts";

/** A customer with an accepted plan over its first invoice (the second stays out), and its payer. */
export async function acceptedPlan() {
  const db = getDb();
  const customer = await createCustomerWithInvoices();
  const covered = await db.openItem.findFirstOrThrow({
    where: { customerId: customer.id, number: customer.invoiceNumbers[0] },
  });
  const day = (days: number) => isoDate(new Date(Date.now() + days * 86_400_000));
  const plan = await proposePaymentPlan(
    {
      customerId: customer.id,
      invoiceIds: [covered.id],
      instalments: 2,
      frequency: "MONTHLY",
      firstDate: day(14),
      expiresOn: day(7),
      idempotencyKey: `e2e-plan-${randomUUID()}`,
    },
    { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] },
  );
  const { email } = await createPortalUserFor([customer], "PAYER");
  const payer = await db.portalUser.findUniqueOrThrow({ where: { email } });
  await respondToPaymentPlan(
    {
      answer: "accept",
      customerId: customer.id,
      planId: plan.id,
      name: "Pat Payable",
      confirm: "yes",
      termsHash: plan.termsHash,
      payBy: "PORTAL",
    },
    { kind: "portal", userId: payer.id, memberships: [{ customerId: customer.id, role: "PAYER" }] },
  );
  return { customer, plan, email, covered: customer.invoiceNumbers[0]!, loose: customer.invoiceNumbers[1]! };
}
