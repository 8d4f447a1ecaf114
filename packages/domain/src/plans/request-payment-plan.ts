import { type Actor, portalRoleFor } from "../actor.ts";
import { addDays, addYears, daysBetween, isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { PaymentPlanStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { listInvoices } from "../invoices/list-invoices.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { raiseCollectorTask } from "../tasks/raise-collector-task.ts";
import {
  parsePlanForm,
  planLabel,
  type RequestPaymentPlanInput,
  RequestPaymentPlanSchema,
} from "./plan-forms.ts";
import { getPlanPolicy, type PlanPolicy, selfServiceBreach } from "./plan-policy.ts";
import { planFee, type SelfServiceRule } from "./plan-policy-forms.ts";
import type { PlanInvoiceOption } from "./plan-proposal-form.ts";
import {
  checkPlanInvoices,
  downPaymentOf,
  firstPaymentDate,
  planIds,
  planOfForm,
  recordPlan,
} from "./propose-payment-plan.ts";

/** The first payment's default date on the request form: a week from today. */
export const REQUEST_FIRST_PAYMENT_DAYS = 7;

export interface PlanRequestForm {
  customer: { id: string; name: string };
  currency: string;
  /** The account's own overdue invoices that no open plan or request holds, oldest due first. */
  invoices: PlanInvoiceOption[];
  defaults: { firstDate: string };
  /** What the portal offers by itself (within it the offer comes at once). */
  selfService: Pick<
    PlanPolicy,
    | "selfServiceEnabled"
    | "currency"
    | "selfServiceMaxTotal"
    | "selfServiceMaxInstalments"
    | "selfServiceMinDownBps"
    | "feeBps"
  >;
  /** Whether the actor may ask (payers and administrators; viewers read the page only). */
  can: { request: boolean };
}

/**
 * What the portal's "ask for a payment plan" page offers: the account's overdue invoices free to
 * put on a plan, the default first date and the self-service limits. Members of the account read
 * it; anyone else gets NOT_FOUND.
 */
export async function getPlanRequestForm(
  customerId: string,
  actor: Actor,
  options: { now?: Date; locale?: string } = {},
): Promise<PlanRequestForm> {
  const role = actor.kind === "portal" ? portalRoleFor(actor, customerId.toLowerCase()) : undefined;
  if (!role) throw new DomainError("NOT_FOUND", "Customer not found.");
  const list = await listInvoices(
    { customerId, status: "overdue", sort: "due", dir: "asc", consolidated: false },
    actor,
    { now: options.now, all: true, locale: options.locale },
  );
  const held = await getDb().paymentPlanInvoice.findMany({
    where: { openItemKey: { in: list.rows.map((r) => r.id) } },
    select: { itemId: true },
  });
  const taken = new Set(held.map((r) => r.itemId));
  const { legalEntityId } = await getDb().customer.findUniqueOrThrow({
    where: { id: list.customer.id },
    select: { legalEntityId: true },
  });
  const policy = await getPlanPolicy(legalEntityId);
  const today = new Date(`${isoDate(options.now ?? new Date())}T00:00:00Z`);
  return {
    customer: { id: list.customer.id, name: list.customer.name },
    currency: list.customer.currency,
    invoices: list.rows
      .filter((r) => r.openAmount > 0n && !taken.has(r.id))
      .map((r) => ({ id: r.id, number: r.number, dueDate: r.dueDate, openAmount: r.openAmount })),
    defaults: { firstDate: isoDate(addDays(today, REQUEST_FIRST_PAYMENT_DAYS)) },
    selfService: {
      selfServiceEnabled: policy.selfServiceEnabled,
      currency: policy.currency,
      selfServiceMaxTotal: policy.selfServiceMaxTotal,
      selfServiceMaxInstalments: policy.selfServiceMaxInstalments,
      selfServiceMinDownBps: policy.selfServiceMinDownBps,
      feeBps: policy.feeBps,
    },
    can: { request: role === "PAYER" || role === "ADMIN" },
  };
}

/** How long a self-service offer stands for the payer to accept it (never past the first payment). */
export const SELF_SERVICE_OFFER_DAYS = 3;

export interface PlanRequestOutcome {
  id: string;
  label: string;
  /** PROPOSED: offered at once, to accept on its page; REQUESTED: sent to the account's collector. */
  status: Extract<PaymentPlanStatus, "PROPOSED" | "REQUESTED">;
  /** The self-service rule the request broke (null within the policy, or on a replay). */
  rule: SelfServiceRule | null;
  /** The policy's limits, for words about the rule. */
  limits: Pick<
    PlanPolicy,
    "currency" | "selfServiceMaxTotal" | "selfServiceMaxInstalments" | "selfServiceMinDownBps"
  >;
  /** True when the same form was submitted before: this is the first submission's plan. */
  replayed: boolean;
}

/** Whether a plan of the customer's defaulted in the twelve months up to today. */
async function defaultedRecently(t: Tx, customerId: string, today: Date): Promise<boolean> {
  const since = addYears(today, -1);
  const count = await t.paymentPlan.count({
    where: {
      customerId,
      status: "DEFAULTED",
      OR: [{ endedAt: { gte: since } }, { endedAt: null, updatedAt: { gte: since } }],
    },
  });
  return count > 0;
}

/**
 * A customer asks for a payment plan from the portal (its payers and administrators; viewers are
 * refused, anyone else gets NOT_FOUND): overdue invoices of one currency, a down payment, the
 * instalments, their frequency, the first date, and why. The invoices are locked and checked as
 * for a staff offer (open, overdue, one currency, in no other open plan; the first date not in the
 * past); idempotent by the form's key. Within the legal entity's self-service policy the offer is
 * made at once (PROPOSED, with the policy's fee, standing a few days) for the payer to accept on
 * its page. Outside it, the request waits, REQUESTED, holding its invoices, for the account's
 * collector, who gets a PLAN_REQUEST task; the answer names the rule it broke.
 */
export async function requestPaymentPlan(
  rawInput: RequestPaymentPlanInput,
  actor: Actor,
  options: { now?: Date; locale?: string } = {},
): Promise<PlanRequestOutcome> {
  const input = parsePlanForm(RequestPaymentPlanSchema, rawInput, "Check the plan.");
  const { customerId, ids } = planIds(input.customerId, input.invoiceIds);
  const role = actor.kind === "portal" ? portalRoleFor(actor, customerId) : undefined;
  if (actor.kind !== "portal" || !role) throw new DomainError("NOT_FOUND", "Customer not found.");
  if (role === "VIEWER") {
    throw new DomainError("FORBIDDEN", "Only payers and administrators of this account can ask for a plan.", {
      reason: "payers-only",
    });
  }
  const now = options.now ?? new Date();
  const today = new Date(`${isoDate(now)}T00:00:00Z`);
  const firstDate = firstPaymentDate(input.firstDate, today);

  return getDb().$transaction(async (t) => {
    const items = await lockItems(t, ids);
    const previous = await planOfForm(t, input.idempotencyKey, customerId);
    const customer = await t.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { legalEntityId: true, riskClass: true },
    });
    const policy = await getPlanPolicy(customer.legalEntityId, t);
    const limits = {
      currency: policy.currency,
      selfServiceMaxTotal: policy.selfServiceMaxTotal,
      selfServiceMaxInstalments: policy.selfServiceMaxInstalments,
      selfServiceMinDownBps: policy.selfServiceMinDownBps,
    };
    if (previous) {
      const plan = await t.paymentPlan.findUniqueOrThrow({
        where: { id: previous.id },
        select: { number: true },
      });
      const status =
        previous.status === "REQUESTED" || previous.status === "OFFERED" ? "REQUESTED" : "PROPOSED";
      return { id: previous.id, label: planLabel(plan.number), status, rule: null, limits, replayed: true };
    }
    const invoices = await checkPlanInvoices(t, customerId, ids, items, { overdueBefore: today });
    const downPayment = downPaymentOf(input.downPayment, invoices, options.locale);
    const fee = planFee(invoices.covered - downPayment, policy.feeBps);
    const rule = selfServiceBreach(policy, {
      currency: invoices.currency,
      covered: invoices.covered,
      downPayment,
      total: invoices.covered + fee,
      instalments: input.instalments,
      firstDateDays: daysBetween(today, firstDate),
      riskClass: customer.riskClass,
      defaultedRecently: await defaultedRecently(t, customerId, today),
    });
    const offerEnd = new Date(
      Math.min(addDays(today, SELF_SERVICE_OFFER_DAYS).getTime(), firstDate.getTime()),
    );
    const plan = await recordPlan(t, actor, {
      invoices,
      downPayment,
      // A request outside the policy carries no fee: the collector's offer sets it.
      fee: rule ? 0n : fee,
      instalments: input.instalments,
      frequency: input.frequency,
      firstDate,
      expiresOn: rule ? firstDate : offerEnd,
      idempotencyKey: input.idempotencyKey,
      status: rule ? "REQUESTED" : "PROPOSED",
      proposedByStaffId: null,
      requestedByPortalUserId: actor.userId,
      customerMessage: input.reason,
      replacesPlanId: null,
      action: rule ? "payment-plan.request" : "payment-plan.self-service",
    });
    if (rule)
      await raiseCollectorTask(t, { kind: "PLAN_REQUEST", customerId, planId: plan.id, dueOn: today });
    return {
      id: plan.id,
      label: planLabel(plan.number),
      status: rule ? "REQUESTED" : "PROPOSED",
      rule,
      limits,
      replayed: false,
    };
  });
}
