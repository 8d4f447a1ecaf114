import { createHash } from "node:crypto";
import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { isoDate, parseDateOnly } from "../base/dates.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "../ledger/item-kinds.ts";
import { type LockedItem, lockItems } from "../ledger/lock-items.ts";
import { sumAmounts, toDecimalString } from "../money/money.ts";
import { parseAmountField } from "../money/typed-amount.ts";
import { enqueuePlanOfferEmails } from "./plan-emails.ts";
import {
  PLAN_PROPOSE_ROLES,
  type ProposePaymentPlanInput,
  ProposePaymentPlanSchema,
  planLabel,
} from "./plan-forms.ts";
import { type PlanFrequency, planSchedule, type ScheduledPayment } from "./plan-schedule.ts";

export interface ProposedPlan {
  id: string;
  number: number;
  label: string;
  customerId: string;
  currency: string;
  covered: bigint;
  total: bigint;
  expiresOn: Date;
  termsHash: string;
  schedule: ScheduledPayment[];
  /** True when the same form was submitted before: this is the first submission's plan. */
  replayed: boolean;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refuse = (message: string, details: Record<string, unknown>) =>
  new DomainError("VALIDATION", message, details);

/**
 * The exact terms an acceptance accepts, as one canonical text hashed with SHA-256: the account,
 * currency, the invoices with their amounts, fee, schedule and expiry. Any change to the offer is
 * a new hash, so an acceptance always names the version the customer saw.
 */
export function termsHashOf(terms: {
  customerId: string;
  currency: string;
  invoices: { itemId: string; amount: bigint }[];
  fee: bigint;
  schedule: ScheduledPayment[];
  expiresOn: Date;
}): string {
  const canonical = JSON.stringify({
    customer: terms.customerId,
    currency: terms.currency,
    invoices: [...terms.invoices]
      .sort((a, b) => a.itemId.localeCompare(b.itemId))
      .map((i) => [i.itemId, i.amount.toString()]),
    fee: terms.fee.toString(),
    schedule: terms.schedule.map((p) => [p.sequence, isoDate(p.dueDate), p.amount.toString()]),
    expiresOn: isoDate(terms.expiresOn),
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Offers a customer a payment plan on some of their open invoices (collectors and AR managers).
 * The invoices are locked in the ledger's order and checked under the lock: the account's own
 * billed items, open, in one currency, and in no other open plan (a unique key per invoice also
 * holds against a racing proposal). The schedule adds up exactly to the covered amount; the first
 * payment is today or later and the offer expires on or before it. Idempotent by the form's key;
 * audited. The plan waits, PROPOSED, for the customer's answer in the portal; with the portal's
 * address, its payers and administrators are e-mailed the offer in the same transaction (not on a
 * replay).
 */
export async function proposePaymentPlan(
  rawInput: ProposePaymentPlanInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx; locale?: string; portalUrl?: string | URL } = {},
): Promise<ProposedPlan> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  const parsed = ProposePaymentPlanSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(issue?.message ?? "Check the plan.", { field: issue?.path[0] ?? null, reason: "invalid" });
  }
  const input = parsed.data;
  const today = new Date(`${isoDate(options.now ?? new Date())}T00:00:00Z`);
  const firstDate = parseDateOnly(input.firstDate, "firstDate");
  const expiresOn = parseDateOnly(input.expiresOn, "expiresOn");
  if (firstDate < today) {
    throw refuse("The first payment cannot be in the past.", {
      field: "firstDate",
      reason: "plan-date-past",
    });
  }
  if (expiresOn < today || expiresOn > firstDate) {
    throw refuse("The offer must expire between today and the first payment date.", {
      field: "expiresOn",
      reason: "plan-expiry",
    });
  }
  const customerId = input.customerId.toLowerCase();
  const ids = [...new Set(input.invoiceIds.map((id) => id.toLowerCase()))];
  if (!UUID_RE.test(customerId) || ids.some((id) => !UUID_RE.test(id))) {
    throw new DomainError("NOT_FOUND", "Invoice not found.");
  }

  return inTransaction(options.tx, async (t) => {
    const items = await lockItems(t, ids);
    // Checked under the lock: a retry with the same key waits above, then finds the first.
    const previous = await t.paymentPlan.findUnique({
      where: { idempotencyKey: input.idempotencyKey },
      select: { id: true, customerId: true },
    });
    if (previous) {
      if (previous.customerId !== customerId) {
        throw new DomainError("CONFLICT", "This form was already used for another account.", {
          reason: "form-used",
        });
      }
      return { ...(await readProposed(t, previous.id)), replayed: true };
    }

    const invoices = ids.map((id) => items.get(id));
    if (invoices.some((i) => !i || i.customerId !== customerId || !BILLED_KINDS.includes(i.kind))) {
      throw new DomainError("NOT_FOUND", "Invoice not found.");
    }
    const chosen = invoices as LockedItem[];
    const closed = chosen.filter((i) => i.openAmount <= 0n);
    if (closed.length) {
      throw refuse("An invoice is paid already.", {
        field: "invoiceIds",
        reason: "plan-invoice-paid",
        numbers: await numbersOf(t, closed),
      });
    }
    const currencies = [...new Set(chosen.map((i) => i.currency))];
    if (currencies.length > 1) {
      throw refuse("A plan covers invoices in one currency.", {
        field: "invoiceIds",
        reason: "plan-currencies",
        currencies: currencies.join(", "),
      });
    }
    const inPlan = await t.paymentPlanInvoice.findMany({
      where: { openItemKey: { in: ids } },
      select: { item: { select: { number: true } }, plan: { select: { number: true } } },
    });
    if (inPlan.length) {
      throw new DomainError("CONFLICT", "An invoice is in another open plan.", {
        field: "invoiceIds",
        reason: "plan-invoice-in-plan",
        numbers: inPlan.map((r) => r.item.number).join(", "),
        plan: planLabel(inPlan[0]!.plan.number),
      });
    }
    const currency = currencies[0]!;
    const covered = sumAmounts(chosen.map((i) => i.openAmount));
    const downPayment = input.downPayment
      ? parseAmountField(input.downPayment, currency, "downPayment", options.locale)
      : 0n;
    if (downPayment < 0n || downPayment >= covered) {
      throw refuse("The down payment is less than what the plan covers.", {
        field: "downPayment",
        reason: "plan-down-payment",
        covered: toDecimalString(covered, currency),
        currency,
      });
    }
    const frequency: PlanFrequency = input.frequency;
    const fee = 0n;
    const schedule = planSchedule({
      covered,
      downPayment,
      fee,
      instalments: input.instalments,
      frequency,
      firstDate,
    });
    const covering = chosen.map((i) => ({ itemId: i.id, amount: i.openAmount }));
    const termsHash = termsHashOf({ customerId, currency, invoices: covering, fee, schedule, expiresOn });
    const plan = await t.paymentPlan.create({
      data: {
        customerId,
        legalEntityId: chosen[0]!.legalEntityId,
        currency,
        covered,
        downPayment,
        fee,
        instalmentCount: input.instalments,
        frequency,
        firstDate,
        expiresOn,
        termsHash,
        proposedByStaffId: actor.kind === "staff" ? actor.userId : null,
        idempotencyKey: input.idempotencyKey,
        invoices: {
          create: covering.map((c) => ({ itemId: c.itemId, amount: c.amount, openItemKey: c.itemId })),
        },
        instalments: {
          create: schedule.map((p) => ({ sequence: p.sequence, dueDate: p.dueDate, amount: p.amount })),
        },
      },
      select: { id: true, number: true },
    });
    await appendAudit(t, actor, {
      action: "payment-plan.propose",
      entityType: "payment_plan",
      entityId: plan.id,
      customerId,
      after: {
        number: planLabel(plan.number),
        currency,
        covered: toDecimalString(covered, currency),
        downPayment: toDecimalString(downPayment, currency),
        instalments: input.instalments,
        frequency,
        firstDate: isoDate(firstDate),
        expiresOn: isoDate(expiresOn),
        invoices: await numbersOf(t, chosen),
        termsHash,
      },
    });
    if (options.portalUrl) await enqueuePlanOfferEmails(t, plan.id, { portalUrl: options.portalUrl });
    return { ...(await readProposed(t, plan.id)), replayed: false };
  });
}

async function numbersOf(t: Tx, items: readonly LockedItem[]): Promise<string> {
  const rows = await t.openItem.findMany({
    where: { id: { in: items.map((i) => i.id) } },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  return rows.map((r) => r.number).join(", ");
}

async function readProposed(t: Tx, id: string): Promise<Omit<ProposedPlan, "replayed">> {
  const plan = await t.paymentPlan.findUniqueOrThrow({
    where: { id },
    include: { instalments: { orderBy: { sequence: "asc" } } },
  });
  const currency = plan.currency.trim();
  return {
    id: plan.id,
    number: plan.number,
    label: planLabel(plan.number),
    customerId: plan.customerId,
    currency,
    covered: plan.covered,
    total: plan.covered + plan.fee,
    expiresOn: plan.expiresOn,
    termsHash: plan.termsHash,
    schedule: plan.instalments.map((i) => ({ sequence: i.sequence, dueDate: i.dueDate, amount: i.amount })),
  };
}
