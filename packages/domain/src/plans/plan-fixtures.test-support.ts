import { randomUUID } from "node:crypto";
import type { PortalActor, StaffActor } from "../actor.ts";
import { getDb } from "../db/client.ts";
import type { PaymentPlanStatus } from "../db/generated/enums.ts";
import { portalUser } from "../disputes/dispute-fixtures.test-support.ts";
import type { CreatedItem } from "../ledger/create-invoice.ts";
import { createInvoiceForCustomer } from "../seed/factories.ts";
import { proposePaymentPlan } from "./propose-payment-plan.ts";
import { respondToPaymentPlan } from "./respond-to-payment-plan.ts";

/** Test helpers for plans over invoices (not used by production code). */

export const planCollector: StaffActor = { kind: "staff", userId: randomUUID(), roles: ["COLLECTOR"] };

/** The day plans are offered and answered on; the schedule starts on 2027-05-15, monthly. */
export const PLAN_DAY = new Date("2027-05-03T09:00:00Z");

/**
 * A plan over `invoices` new invoices of the customer, offered by the collector (three monthly
 * instalments, an optional down payment) and, unless `answer` is "none", answered by a payer
 * through the portal's use case. `status` then moves it on directly (ACTIVE, or an ended status),
 * as the plan job will; an ended plan releases its invoices as the use cases do.
 */
export async function planOverInvoices(
  customerId: string,
  options: {
    invoices?: number;
    downPayment?: string;
    answer?: "accept" | "decline" | "none";
    status?: PaymentPlanStatus;
  } = {},
): Promise<{ plan: { id: string; label: string }; invoices: CreatedItem[] }> {
  const invoices: CreatedItem[] = [];
  for (let n = 0; n < (options.invoices ?? 1); n++)
    invoices.push(await createInvoiceForCustomer(getDb(), customerId));
  const plan = await proposePaymentPlan(
    {
      customerId,
      invoiceIds: invoices.map((i) => i.id),
      ...(options.downPayment ? { downPayment: options.downPayment } : {}),
      instalments: 3,
      frequency: "MONTHLY",
      firstDate: "2027-05-15",
      expiresOn: "2027-05-10",
      idempotencyKey: `plan-${randomUUID()}`,
    },
    planCollector,
    { now: PLAN_DAY },
  );
  const answer = options.answer ?? "accept";
  if (answer === "accept") await acceptOffer(customerId, plan, { now: PLAN_DAY });
  if (answer === "decline") {
    await respondToPaymentPlan(
      { answer, customerId, planId: plan.id },
      await portalUser(customerId, "PAYER"),
      { now: PLAN_DAY },
    );
  }
  if (options.status) {
    const open = ["PROPOSED", "ACCEPTED", "ACTIVE"].includes(options.status);
    await getDb().$transaction([
      getDb().paymentPlan.update({ where: { id: plan.id }, data: { status: options.status } }),
      ...(open
        ? []
        : [
            getDb().paymentPlanInvoice.updateMany({
              where: { planId: plan.id },
              data: { openItemKey: null },
            }),
          ]),
    ]);
  }
  return { plan: { id: plan.id, label: plan.label }, invoices };
}

/** Marks the plan's instalment `sequence` as the plan job would: paid (in part) or missed. */
export async function setInstalment(
  planId: string,
  sequence: number,
  data: { paidAmount?: bigint; status?: "DUE" | "PAID" | "MISSED"; missedOn?: Date },
) {
  const db = getDb();
  const instalment = await db.paymentPlanInstalment.findUniqueOrThrow({
    where: { planId_sequence: { planId, sequence } },
  });
  const paidAmount = data.status === "PAID" ? instalment.amount : (data.paidAmount ?? instalment.paidAmount);
  return db.paymentPlanInstalment.update({
    where: { id: instalment.id },
    data: { ...data, paidAmount },
  });
}

/**
 * A payer of the account (a new one unless given) accepts the offer as the portal does: their
 * typed name, the confirmation, the terms' hash the page showed, and how they will pay.
 */
export async function acceptOffer(
  customerId: string,
  offer: { id: string; termsHash: string },
  options: { payBy?: "PORTAL" | "AUTOPAY"; now?: Date; payer?: PortalActor } = {},
) {
  return respondToPaymentPlan(
    {
      answer: "accept",
      customerId,
      planId: offer.id,
      name: "Pat Payable",
      confirm: "yes",
      termsHash: offer.termsHash,
      payBy: options.payBy ?? "PORTAL",
    },
    options.payer ?? (await portalUser(customerId, "PAYER")),
    options.now ? { now: options.now } : {},
  );
}
