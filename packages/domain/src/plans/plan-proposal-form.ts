import { type Actor, requireStaffRole } from "../actor.ts";
import { addDays, isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import { listInvoices } from "../invoices/list-invoices.ts";
import { PLAN_PROPOSE_ROLES } from "./plan-forms.ts";
import { getPlanPolicy } from "./plan-policy.ts";
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
  options: { now?: Date; locale?: string; requestId?: string | null } = {},
): Promise<PlanProposalForm> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  const request = options.requestId
    ? await getPlanRequestDraft({ customerId, requestId: options.requestId }, actor)
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
  const covered = new Set(inPlan.map((r) => r.itemId).filter((id) => !request?.invoiceIds.includes(id)));
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
      .map((r) => ({ id: r.id, number: r.number, dueDate: r.dueDate, openAmount: r.openAmount })),
    defaults: { firstDate: isoDate(firstDate), expiresOn: isoDate(expiresOn) },
    feeBps: policy.feeBps,
    request,
  };
}
