import { z } from "zod";
import type { PortalActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { typedAmountText } from "../money/typed-amount.ts";
import {
  type StartCardPaymentOptions,
  type StartedCardPayment,
  startCardPayment,
} from "../payments/start-card-payment.ts";
import { requirePortalCapability } from "../portal-access/capabilities.ts";
import { allocateOldestFirst, amountDueNow } from "./instalment-due.ts";
import { parsePlanForm, planLabel } from "./plan-forms.ts";
import { RUNNING_PLAN_STATUSES } from "./plan-progress.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Pay now" on a running plan's portal page: the plan (from the page's address) and the key that
 * comes with the page, so pressing it twice is one payment. Ids stay plain strings: a malformed
 * one is NOT_FOUND like an unknown one.
 */
export const StartInstalmentPaymentSchema = z.object({
  customerId: z.string().trim().max(100),
  planId: z.string().trim().max(100),
  idempotencyKey: z.uuid({ error: "The payment form is not valid; reload the page." }),
});
export type StartInstalmentPaymentInput = z.input<typeof StartInstalmentPaymentSchema>;

export interface StartedInstalmentPayment extends StartedCardPayment {
  planId: string;
  label: string;
}

const notFound = () => new DomainError("NOT_FOUND", "Payment plan not found.");

/**
 * A payer or administrator pays what a running plan (ACCEPTED or ACTIVE) asks for now: what is
 * still owed of every instalment due today or earlier, or the next instalment when none is due
 * yet (amountDueNow). The amount is laid over the plan's covered items oldest first, each up to
 * its open amount, and paid by card through the portal's own card payment (startCardPayment:
 * Stripe Checkout, one attempt per form key); once Stripe confirms it, recordCardPayment applies it
 * and the plan's instalments are marked paid like after any payment.
 *
 * The same form again (its key already started a payment) replays that payment with its amounts,
 * whatever has been paid since, so it never becomes a second charge. Another account's plan, an
 * unknown or malformed id is NOT_FOUND; a viewer is FORBIDDEN ("payers-only"); a plan that is
 * not running ("plan-not-running") or owes nothing ("nothing-due") is INVALID_STATE.
 */
export async function startInstalmentPayment(
  rawInput: StartInstalmentPaymentInput,
  actor: PortalActor,
  options: StartCardPaymentOptions & { now?: Date },
): Promise<StartedInstalmentPayment> {
  const input = parsePlanForm(StartInstalmentPaymentSchema, rawInput, "The payment form is not valid.");
  assertReadableCustomerId(actor, input.customerId);
  if (!UUID_RE.test(input.planId)) throw notFound();
  const customerId = input.customerId.toLowerCase();
  const db = getDb();
  const plan = await db.paymentPlan.findUnique({
    where: { id: input.planId.toLowerCase() },
    include: {
      instalments: { orderBy: { sequence: "asc" } },
      invoices: {
        select: { item: { select: { id: true, openAmount: true, dueDate: true, documentDate: true } } },
      },
    },
  });
  if (!plan || plan.customerId !== customerId) throw notFound();
  requirePortalCapability(actor, customerId, "canPay");
  const label = planLabel(plan.number);
  const currency = plan.currency.trim();

  const earlier = await db.paymentAttempt.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { allocations: { select: { itemId: true, amount: true } } },
  });
  let allocations: { itemId: string; amount: bigint }[];
  if (earlier) {
    allocations = earlier.allocations;
  } else {
    if (!(RUNNING_PLAN_STATUSES as readonly string[]).includes(plan.status)) {
      throw new DomainError("INVALID_STATE", `Payment plan ${label} is not running.`, {
        reason: "plan-not-running",
        plan: label,
      });
    }
    // The plan's card is being charged right now: paying as well would take the money twice.
    const charging = await getDb().planCharge.count({
      where: { planId: plan.id, status: { in: ["PENDING", "PROCESSING"] } },
    });
    if (charging > 0) {
      throw new DomainError("INVALID_STATE", `The card of payment plan ${label} is being charged.`, {
        reason: "plan-charge-in-progress",
        plan: label,
      });
    }
    const due = amountDueNow(plan.instalments, options.now ?? new Date());
    allocations = allocateOldestFirst(
      plan.invoices.map((i) => i.item),
      due,
    );
    if (allocations.length === 0) {
      throw new DomainError("INVALID_STATE", `Nothing is due on payment plan ${label}.`, {
        reason: "nothing-due",
        plan: label,
      });
    }
  }

  const locale = options.locale ?? "en";
  const started = await startCardPayment(
    {
      customerId,
      idempotencyKey: input.idempotencyKey,
      allocations: allocations.map((a) => ({
        invoiceId: a.itemId,
        amount: typedAmountText(a.amount, currency, locale),
      })),
    },
    actor,
    options,
  );
  if (!started.replayed) {
    await appendAudit(db, actor, {
      action: "payment-plan.pay",
      entityType: "payment_plan",
      entityId: plan.id,
      customerId,
      after: { plan: label, attemptId: started.attemptId, amount: started.amount, currency, allocations },
    });
  }
  return { ...started, planId: plan.id, label };
}
