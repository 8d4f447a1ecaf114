import { type Actor, requireStaffRole } from "../actor.ts";
import { addDays, isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { listInvoices } from "../invoices/list-invoices.ts";
import { PLAN_PROPOSE_ROLES, planLabel } from "./plan-forms.ts";
import { getPlanPolicy } from "./plan-policy.ts";
import { RUNNING_PLAN_STATUSES } from "./plan-progress.ts";
import { getPlanRequestDraft, type PlanRequestDraft } from "./plan-requests.ts";

/** How long an offer stands by default: a week, and never past the first payment. */
export const DEFAULT_OFFER_DAYS = 7;
/** The first payment's default date: two weeks from today. */
export const DEFAULT_FIRST_PAYMENT_DAYS = 14;

export interface PlanInvoiceOption {
  id: string;
  number: string;
  dueDate: Date | null;
  openAmount: bigint;
}

export interface PlanProposalForm {
  customer: { id: string; name: string; accountNumber: string };
  currency: string;
  /** The account's own open billed invoices that no open plan covers yet, oldest due first. */
  invoices: PlanInvoiceOption[];
  defaults: { firstDate: string; expiresOn: string };
  /** The legal entity's plan fee in basis points (0: none to charge). */
  feeBps: number;
  /** The customer's request this offer answers, to pre-fill the form with (null: none). */
  request: PlanRequestDraft | null;
  /** The running plan a new schedule replaces once accepted (null: none): its invoices only. */
  reschedules: { id: string; label: string; invoiceIds: string[] } | null;
}

/**
 * What the back office's "propose a payment plan" form offers: the account's open invoices (its
 * own, not its child accounts'), the currency, default dates and the entity's plan fee. Answering
 * a customer's request (`requestId`), the request's proposal and its invoices (which it holds)
 * come with it. Only those who may propose a plan (collectors, AR managers, admins) see it; an
 * unknown or malformed account or request is NOT_FOUND.
 */
export async function getPlanProposalForm(
  customerId: string,
  actor: Actor,
  options: { now?: Date; locale?: string; requestId?: string | null; reschedulesId?: string | null } = {},
): Promise<PlanProposalForm> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  const request = options.requestId
    ? await getPlanRequestDraft({ customerId, requestId: options.requestId }, actor)
    : null;
  const reschedules = options.reschedulesId
    ? await runningPlanDraft(customerId, options.reschedulesId)
    : null;
  const list = await listInvoices(
    { customerId, status: "open", sort: "due", dir: "asc", consolidated: false },
    actor,
    { now: options.now, all: true, locale: options.locale },
  );
  const ids = list.rows.map((r) => r.id);
  const inPlan = await getDb().paymentPlanInvoice.findMany({
    where: { openItemKey: { in: ids } },
    select: { itemId: true },
  });
  const own = request?.invoiceIds ?? reschedules?.invoiceIds ?? [];
  const covered = new Set(inPlan.map((r) => r.itemId).filter((id) => !own.includes(id)));
  const { legalEntityId } = await getDb().customer.findUniqueOrThrow({
    where: { id: list.customer.id },
    select: { legalEntityId: true },
  });
  const policy = await getPlanPolicy(legalEntityId);
  const today = new Date(`${isoDate(options.now ?? new Date())}T00:00:00Z`);
  const firstDate = addDays(today, DEFAULT_FIRST_PAYMENT_DAYS);
  const expiresOn = addDays(today, Math.min(DEFAULT_OFFER_DAYS, DEFAULT_FIRST_PAYMENT_DAYS));
  return {
    customer: {
      id: list.customer.id,
      name: list.customer.name,
      accountNumber: list.customer.accountNumber,
    },
    currency: list.customer.currency,
    invoices: list.rows
      .filter((r) => r.openAmount > 0n && !covered.has(r.id))
      // A new schedule covers the plan's own invoices only.
      .filter((r) => !reschedules || reschedules.invoiceIds.includes(r.id))
      .map((r) => ({ id: r.id, number: r.number, dueDate: r.dueDate, openAmount: r.openAmount })),
    defaults: { firstDate: isoDate(firstDate), expiresOn: isoDate(expiresOn) },
    feeBps: policy.feeBps,
    request,
    reschedules,
  };
}

/** A running plan of the account to draw a new schedule for: its label and the invoices it holds. */
async function runningPlanDraft(customerId: string, planId: string) {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const plan = UUID.test(planId)
    ? await getDb().paymentPlan.findUnique({
        where: { id: planId.toLowerCase() },
        select: {
          id: true,
          number: true,
          status: true,
          customerId: true,
          invoices: { select: { openItemKey: true } },
        },
      })
    : null;
  if (!plan || plan.customerId !== customerId.toLowerCase()) {
    throw new DomainError("NOT_FOUND", "Payment plan not found.");
  }
  if (!(RUNNING_PLAN_STATUSES as readonly string[]).includes(plan.status)) {
    throw new DomainError("INVALID_STATE", `${planLabel(plan.number)} is not running.`, {
      reason: "plan-not-running",
      plan: planLabel(plan.number),
    });
  }
  return {
    id: plan.id,
    label: planLabel(plan.number),
    invoiceIds: plan.invoices.flatMap((i) => (i.openItemKey ? [i.openItemKey] : [])),
  };
}
