import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { PlanFrequency } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import {
  type DeclinePlanRequestInput,
  DeclinePlanRequestSchema,
  PLAN_PROPOSE_ROLES,
  parsePlanForm,
  planLabel,
} from "./plan-forms.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PlanRequestRow {
  id: string;
  label: string;
  currency: string;
  covered: bigint;
  downPayment: bigint;
  instalmentCount: number;
  frequency: PlanFrequency;
  firstDate: Date;
  /** Why the customer asks for a plan, in their words. */
  reason: string | null;
  invoiceNumbers: string[];
  createdAt: Date;
}

/** The customer's proposal, to pre-fill the offer that answers it. */
export interface PlanRequestDraft {
  id: string;
  label: string;
  invoiceIds: string[];
  downPayment: bigint;
  instalments: number;
  frequency: PlanFrequency;
  firstDate: string;
  reason: string | null;
}

const notFound = () => new DomainError("NOT_FOUND", "Payment plan request not found.");

/**
 * An account's requests for a plan waiting for an answer (REQUESTED), oldest first, for the back
 * office's plans card: the customer's proposal and reason. Staff only.
 */
export async function listPlanRequests(customerId: string, actor: Actor): Promise<PlanRequestRow[]> {
  if (actor.kind !== "staff" && actor.kind !== "system") throw notFound();
  if (!UUID_RE.test(customerId)) throw new DomainError("NOT_FOUND", "Customer not found.");
  const rows = await getDb().paymentPlan.findMany({
    where: { customerId: customerId.toLowerCase(), status: "REQUESTED" },
    orderBy: { number: "asc" },
    include: { invoices: { include: { item: { select: { number: true } } } } },
  });
  return rows.map((p) => ({
    id: p.id,
    label: planLabel(p.number),
    currency: p.currency.trim(),
    covered: p.covered,
    downPayment: p.downPayment,
    instalmentCount: p.instalmentCount,
    frequency: p.frequency,
    firstDate: p.firstDate,
    reason: p.customerMessage,
    invoiceNumbers: p.invoices.map((i) => i.item.number).sort(),
    createdAt: p.createdAt,
  }));
}

/**
 * A waiting request of the account as the offer form pre-fills it (those who may propose). Another
 * account's plan, a malformed id or a plan that is no request is NOT_FOUND; a request answered
 * already is INVALID_STATE.
 */
export async function getPlanRequestDraft(
  input: { customerId: string; requestId: string },
  actor: Actor,
): Promise<PlanRequestDraft> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  if (!UUID_RE.test(input.requestId) || !UUID_RE.test(input.customerId)) throw notFound();
  const plan = await getDb().paymentPlan.findUnique({
    where: { id: input.requestId.toLowerCase() },
    include: { invoices: { select: { itemId: true } } },
  });
  if (!plan || plan.customerId !== input.customerId.toLowerCase() || !plan.requestedByPortalUserId) {
    throw notFound();
  }
  if (plan.status !== "REQUESTED") {
    throw new DomainError("INVALID_STATE", `${planLabel(plan.number)} is not waiting for an offer.`, {
      reason: "plan-request-answered",
      plan: planLabel(plan.number),
    });
  }
  return {
    id: plan.id,
    label: planLabel(plan.number),
    invoiceIds: plan.invoices.map((i) => i.itemId),
    downPayment: plan.downPayment,
    instalments: plan.instalmentCount,
    frequency: plan.frequency,
    firstDate: isoDate(plan.firstDate),
    reason: plan.customerMessage,
  };
}

/** The request's collector task is done once the request is answered (an offer or a decline). */
export async function closeRequestTask(t: Tx, planId: string, actor: Actor, now: Date): Promise<void> {
  await t.collectorTask.updateMany({
    where: { planId, kind: "PLAN_REQUEST", status: "OPEN" },
    data: { status: "DONE", doneAt: now, doneById: actor.kind === "staff" ? actor.userId : null },
  });
}

/**
 * Staff decline a customer's request (those who may propose a plan), with a message for the
 * customer: the request becomes DECLINED, its invoices are free again and its task done. Audited;
 * declining twice changes nothing.
 */
export async function declinePlanRequest(
  rawInput: DeclinePlanRequestInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<{ id: string; label: string; replayed: boolean }> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  const input = parsePlanForm(DeclinePlanRequestSchema, rawInput, "Check the form.");
  if (!UUID_RE.test(input.planId) || !UUID_RE.test(input.customerId)) throw notFound();
  const planId = input.planId.toLowerCase();
  const now = options.now ?? new Date();
  return getDb().$transaction(async (t) => {
    await t.$queryRaw`SELECT id FROM payment_plan WHERE id = ${planId}::uuid FOR UPDATE`;
    const plan = await t.paymentPlan.findUnique({ where: { id: planId } });
    if (!plan || plan.customerId !== input.customerId.toLowerCase() || !plan.requestedByPortalUserId) {
      throw notFound();
    }
    const label = planLabel(plan.number);
    if (plan.status === "DECLINED") return { id: plan.id, label, replayed: true };
    if (plan.status !== "REQUESTED") {
      throw new DomainError("INVALID_STATE", `${label} is not waiting for an offer.`, {
        reason: "plan-request-answered",
        plan: label,
      });
    }
    await t.paymentPlan.update({
      where: { id: plan.id },
      data: { status: "DECLINED", endedAt: now, endReason: input.message },
    });
    await t.paymentPlanInvoice.updateMany({ where: { planId: plan.id }, data: { openItemKey: null } });
    await closeRequestTask(t, plan.id, actor, now);
    await appendAudit(t, actor, {
      action: "payment-plan.decline-request",
      entityType: "payment_plan",
      entityId: plan.id,
      customerId: plan.customerId,
      before: { status: plan.status },
      after: { status: "DECLINED", message: input.message },
    });
    return { id: plan.id, label, replayed: false };
  });
}
