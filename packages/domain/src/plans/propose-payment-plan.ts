import { createHash } from "node:crypto";
import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { addYears, isoDate, parseDateOnly } from "../base/dates.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import type { PaymentPlanStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "../ledger/item-kinds.ts";
import { type LockedItem, lockItems } from "../ledger/lock-items.ts";
import { parseDecimal, sumAmounts, toDecimalString } from "../money/money.ts";
import { parseAmountField } from "../money/typed-amount.ts";
import { enqueuePlanOfferEmails } from "./plan-emails.ts";
import {
  PLAN_PROPOSE_ROLES,
  type ProposePaymentPlanInput,
  ProposePaymentPlanSchema,
  parsePlanForm,
  planLabel,
} from "./plan-forms.ts";
import { getPlanPolicy } from "./plan-policy.ts";
import { planFee } from "./plan-policy-forms.ts";
import { closeRequestTask } from "./plan-requests.ts";
import { type PlanFrequency, planSchedule, type ScheduledPayment } from "./plan-schedule.ts";

export interface ProposedPlan {
  id: string;
  number: number;
  label: string;
  customerId: string;
  currency: string;
  covered: bigint;
  /** The policy's fee on what is financed, when charged (0: none). */
  fee: bigint;
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

/** The chosen invoices, locked and checked: what a plan on them covers. */
export interface PlanInvoices {
  customerId: string;
  legalEntityId: string;
  currency: string;
  chosen: LockedItem[];
  covered: bigint;
}

/** An account id and its invoice ids, lower case and unique; a malformed one is NOT_FOUND. */
export function planIds(
  customerId: string,
  invoiceIds: readonly string[],
): { customerId: string; ids: string[] } {
  const customer = customerId.toLowerCase();
  const ids = [...new Set(invoiceIds.map((id) => id.toLowerCase()))];
  if (!UUID_RE.test(customer) || ids.some((id) => !UUID_RE.test(id))) {
    throw new DomainError("NOT_FOUND", "Invoice not found.");
  }
  return { customerId: customer, ids };
}

/** The first payment's date, today or later. */
export function firstPaymentDate(text: string, today: Date): Date {
  const firstDate = parseDateOnly(text, "firstDate");
  if (firstDate < today) {
    throw refuse("The first payment cannot be in the past.", {
      field: "firstDate",
      reason: "plan-date-past",
    });
  }
  // A plan starts within a year: a later start would only keep the invoices out of collection.
  if (firstDate > addYears(today, 1)) {
    throw refuse("The first payment is at most a year from today.", {
      field: "firstDate",
      reason: "plan-date-far",
    });
  }
  return firstDate;
}

/** The plan an earlier submission of the same form made, or null (checked under the invoices' locks). */
export async function planOfForm(
  t: Tx,
  idempotencyKey: string,
  customerId: string,
): Promise<{ id: string; status: PaymentPlanStatus } | null> {
  const previous = await t.paymentPlan.findUnique({
    where: { idempotencyKey },
    select: { id: true, customerId: true, status: true },
  });
  if (previous && previous.customerId !== customerId) {
    throw new DomainError("CONFLICT", "This form was already used for another account.", {
      reason: "form-used",
    });
  }
  return previous;
}

/**
 * Checks invoices locked by lockItems for a plan: the account's own billed items, open, in one
 * currency, in no other open plan, and (for a customer's own request) overdue on `overdueBefore`.
 */
export async function checkPlanInvoices(
  t: Tx,
  customerId: string,
  ids: readonly string[],
  items: Map<string, LockedItem>,
  options: { overdueBefore?: Date; heldBy?: string } = {},
): Promise<PlanInvoices> {
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
  if (options.overdueBefore) {
    const notDue = await t.openItem.findMany({
      where: {
        id: { in: [...ids] },
        OR: [{ dueDate: null }, { dueDate: { gte: options.overdueBefore } }],
      },
      select: { number: true },
      orderBy: { number: "asc" },
    });
    if (notDue.length) {
      throw refuse("A plan covers overdue invoices only.", {
        field: "invoiceIds",
        reason: "plan-invoice-not-overdue",
        numbers: notDue.map((r) => r.number).join(", "),
      });
    }
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
    // A reschedule's invoices are still held by the plan it replaces.
    where: { openItemKey: { in: [...ids] }, ...(options.heldBy ? { planId: { not: options.heldBy } } : {}) },
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
  return {
    customerId,
    legalEntityId: chosen[0]!.legalEntityId,
    currency: currencies[0]!,
    chosen,
    covered: sumAmounts(chosen.map((i) => i.openAmount)),
  };
}

/** The down payment as typed (empty: none), less than what the plan covers. */
export function downPaymentOf(
  text: string | undefined,
  invoices: PlanInvoices,
  locale: string | undefined,
): bigint {
  const { covered, currency } = invoices;
  const downPayment = text ? parseAmountField(text, currency, "downPayment", locale) : 0n;
  if (downPayment < 0n || downPayment >= covered) {
    throw refuse("The down payment is less than what the plan covers.", {
      field: "downPayment",
      reason: "plan-down-payment",
      covered: toDecimalString(covered, currency),
      currency,
    });
  }
  return downPayment;
}

export interface PlanRecord {
  invoices: PlanInvoices;
  downPayment: bigint;
  fee: bigint;
  instalments: number;
  frequency: PlanFrequency;
  firstDate: Date;
  expiresOn: Date;
  idempotencyKey: string;
  /** PROPOSED: an offer to accept; REQUESTED: the customer's proposal, for their collector. */
  status: "PROPOSED" | "REQUESTED";
  proposedByStaffId: string | null;
  requestedByPortalUserId: string | null;
  customerMessage: string | null;
  replacesPlanId: string | null;
  /**
   * Take the invoices' keys now (default). A reschedule leaves them with the running plan it
   * replaces until the customer accepts it.
   */
  holdInvoices?: boolean;
  /** The audit event's action, e.g. "payment-plan.propose". */
  action: string;
}

/**
 * Stores a plan on checked invoices (their keys taken: one open plan per invoice) with its exact
 * schedule and the hash of its terms, audited. Shared by the back office's offer and the portal's
 * request, in the caller's transaction after it locked and checked the invoices.
 */
export async function recordPlan(
  t: Tx,
  actor: Actor,
  r: PlanRecord,
): Promise<{ id: string; number: number }> {
  const { customerId, currency, covered, chosen } = r.invoices;
  const schedule = planSchedule({
    covered,
    downPayment: r.downPayment,
    fee: r.fee,
    instalments: r.instalments,
    frequency: r.frequency,
    firstDate: r.firstDate,
  });
  const covering = chosen.map((i) => ({ itemId: i.id, amount: i.openAmount }));
  const termsHash = termsHashOf({
    customerId,
    currency,
    invoices: covering,
    fee: r.fee,
    schedule,
    expiresOn: r.expiresOn,
  });
  const plan = await t.paymentPlan.create({
    data: {
      customerId,
      legalEntityId: r.invoices.legalEntityId,
      currency,
      status: r.status,
      covered,
      downPayment: r.downPayment,
      fee: r.fee,
      instalmentCount: r.instalments,
      frequency: r.frequency,
      firstDate: r.firstDate,
      expiresOn: r.expiresOn,
      termsHash,
      proposedByStaffId: r.proposedByStaffId,
      requestedByPortalUserId: r.requestedByPortalUserId,
      customerMessage: r.customerMessage,
      replacesPlanId: r.replacesPlanId,
      idempotencyKey: r.idempotencyKey,
      invoices: {
        create: covering.map((c) => ({
          itemId: c.itemId,
          amount: c.amount,
          openItemKey: r.holdInvoices === false ? null : c.itemId,
        })),
      },
      instalments: {
        create: schedule.map((p) => ({ sequence: p.sequence, dueDate: p.dueDate, amount: p.amount })),
      },
    },
    select: { id: true, number: true },
  });
  await appendAudit(t, actor, {
    action: r.action,
    entityType: "payment_plan",
    entityId: plan.id,
    customerId,
    after: {
      number: planLabel(plan.number),
      status: r.status,
      currency,
      covered: toDecimalString(covered, currency),
      downPayment: toDecimalString(r.downPayment, currency),
      fee: toDecimalString(r.fee, currency),
      instalments: r.instalments,
      frequency: r.frequency,
      firstDate: isoDate(r.firstDate),
      expiresOn: isoDate(r.expiresOn),
      invoices: await numbersOf(t, chosen),
      termsHash,
      ...(r.customerMessage ? { message: r.customerMessage } : {}),
      ...(r.replacesPlanId ? { replaces: r.replacesPlanId } : {}),
    },
  });
  return plan;
}

/**
 * Answers a customer's request (REQUESTED) with this offer: the request becomes OFFERED and lets
 * go of its invoices, and the offer replaces it. Under the invoices' locks, then the request's.
 */
async function answerRequest(
  t: Tx,
  actor: Actor,
  requestId: string,
  customerId: string,
  now: Date,
): Promise<string> {
  if (!UUID_RE.test(requestId)) throw new DomainError("NOT_FOUND", "Payment plan request not found.");
  const id = requestId.toLowerCase();
  await t.$queryRaw`SELECT id FROM payment_plan WHERE id = ${id}::uuid FOR UPDATE`;
  const request = await t.paymentPlan.findUnique({
    where: { id },
    select: { id: true, number: true, customerId: true, status: true },
  });
  if (!request || request.customerId !== customerId) {
    throw new DomainError("NOT_FOUND", "Payment plan request not found.");
  }
  if (request.status !== "REQUESTED") {
    throw new DomainError("INVALID_STATE", `${planLabel(request.number)} is not waiting for an offer.`, {
      reason: "plan-request-answered",
      plan: planLabel(request.number),
    });
  }
  await t.paymentPlan.update({ where: { id }, data: { status: "OFFERED" } });
  await t.paymentPlanInvoice.updateMany({ where: { planId: id }, data: { openItemKey: null } });
  await closeRequestTask(t, id, actor, now);
  await appendAudit(t, actor, {
    action: "payment-plan.offer-request",
    entityType: "payment_plan",
    entityId: id,
    customerId,
    before: { status: "REQUESTED" },
    after: { status: "OFFERED" },
  });
  return id;
}

/**
 * Offers a customer a payment plan on some of their open invoices (collectors and AR managers).
 * The invoices are locked in the ledger's order and checked under the lock: the account's own
 * billed items, open, in one currency, and in no other open plan (a unique key per invoice also
 * holds against a racing proposal). With `chargeFee`, the legal entity's policy fee on what is
 * financed is added and spread over the instalments. The schedule adds up exactly to the covered
 * amount plus the fee; the first payment is today or later and the offer expires on or before it.
 * An offer made from a customer's request (`requestId`) answers it: the request becomes OFFERED
 * and the offer replaces it. Idempotent by the form's key; audited. The plan waits, PROPOSED, for
 * the customer's answer in the portal; with the portal's address, its payers and administrators
 * are e-mailed the offer in the same transaction (not on a replay).
 */
export async function proposePaymentPlan(
  rawInput: ProposePaymentPlanInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx; locale?: string; portalUrl?: string | URL } = {},
): Promise<ProposedPlan> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  const input = parsePlanForm(ProposePaymentPlanSchema, rawInput, "Check the plan.");
  const today = new Date(`${isoDate(options.now ?? new Date())}T00:00:00Z`);
  const firstDate = firstPaymentDate(input.firstDate, today);
  const expiresOn = parseDateOnly(input.expiresOn, "expiresOn");
  if (expiresOn < today || expiresOn > firstDate) {
    throw refuse("The offer must expire between today and the first payment date.", {
      field: "expiresOn",
      reason: "plan-expiry",
    });
  }
  const { customerId, ids } = planIds(input.customerId, input.invoiceIds);

  return inTransaction(options.tx, async (t) => {
    const items = await lockItems(t, ids);
    // Checked under the lock: a retry with the same key waits above, then finds the first.
    const previous = await planOfForm(t, input.idempotencyKey, customerId);
    if (previous) return { ...(await readProposed(t, previous.id)), replayed: true };
    if (input.reschedules && input.requestId) {
      throw refuse("An offer either answers a request or reschedules a plan, not both.", {
        field: "reschedules",
        reason: "plan-request-and-reschedule",
      });
    }
    const rescheduled = input.reschedules
      ? await runningPlanToReschedule(t, input.reschedules, customerId, ids)
      : null;
    const replacesPlanId = input.requestId
      ? await answerRequest(t, actor, input.requestId, customerId, options.now ?? new Date())
      : rescheduled;
    const invoices = await checkPlanInvoices(
      t,
      customerId,
      ids,
      items,
      rescheduled ? { heldBy: rescheduled } : {},
    );
    const downPayment = downPaymentOf(input.downPayment, invoices, options.locale);
    const policy = input.chargeFee ? await getPlanPolicy(invoices.legalEntityId, t) : null;
    const fee = policy ? planFee(invoices.covered - downPayment, policy.feeBps) : 0n;
    assertPreviewTotal(input.previewTotal, invoices.covered + fee, invoices.currency);
    const plan = await recordPlan(t, actor, {
      invoices,
      downPayment,
      fee,
      instalments: input.instalments,
      frequency: input.frequency,
      firstDate,
      expiresOn,
      idempotencyKey: input.idempotencyKey,
      status: "PROPOSED",
      proposedByStaffId: actor.kind === "staff" ? actor.userId : null,
      requestedByPortalUserId: null,
      customerMessage: null,
      replacesPlanId,
      holdInvoices: !rescheduled,
      action: "payment-plan.propose",
    });
    if (options.portalUrl) await enqueuePlanOfferEmails(t, plan.id, { portalUrl: options.portalUrl });
    return { ...(await readProposed(t, plan.id)), replayed: false };
  });
}

/**
 * The schedule the collector saw must be the one offered: the preview's total (covered + fee)
 * against the invoices' open amounts under the lock. A payment or credit in between changes it.
 */
function assertPreviewTotal(previewTotal: string | undefined, total: bigint, currency: string): void {
  if (!previewTotal) return;
  let seen: bigint | null;
  try {
    seen = parseDecimal(previewTotal, currency);
  } catch {
    seen = null;
  }
  if (seen === total) return;
  throw new DomainError("CONFLICT", "The schedule no longer adds up: the invoices' open amounts changed.", {
    field: "invoiceIds",
    reason: "plan-total-changed",
    total: toDecimalString(total, currency),
    currency,
  });
}

/**
 * The running plan (accepted or active) of this account that an offer reschedules, locked after
 * the invoices: the new terms may cover only invoices that plan still holds. The plan keeps
 * running, and its invoices, until the customer accepts the new terms (then it ends, CANCELLED,
 * with everything paid on it still applied).
 */
async function runningPlanToReschedule(
  t: Tx,
  planId: string,
  customerId: string,
  ids: readonly string[],
): Promise<string> {
  if (!UUID_RE.test(planId)) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  const id = planId.toLowerCase();
  await t.$queryRaw`SELECT id FROM payment_plan WHERE id = ${id}::uuid FOR UPDATE`;
  const plan = await t.paymentPlan.findUnique({
    where: { id },
    select: { customerId: true, number: true, status: true, invoices: { select: { openItemKey: true } } },
  });
  if (!plan || plan.customerId !== customerId) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  const label = planLabel(plan.number);
  if (plan.status !== "ACCEPTED" && plan.status !== "ACTIVE") {
    throw new DomainError("INVALID_STATE", `${label} is not running: make a new offer instead.`, {
      reason: "plan-not-running",
      plan: label,
    });
  }
  const held = new Set(plan.invoices.map((i) => i.openItemKey));
  if (ids.some((itemId) => !held.has(itemId))) {
    throw refuse(`A new schedule for ${label} covers its own open invoices only.`, {
      field: "invoiceIds",
      reason: "plan-reschedule-invoices",
      plan: label,
    });
  }
  return id;
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
    fee: plan.fee,
    total: plan.covered + plan.fee,
    expiresOn: plan.expiresOn,
    termsHash: plan.termsHash,
    schedule: plan.instalments.map((i) => ({ sequence: i.sequence, dueDate: i.dueDate, amount: i.amount })),
  };
}
