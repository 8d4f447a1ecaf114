import { type Actor, requireStaff } from "../actor.ts";
import { type ActivityFacts, AUDIT_ROW_SELECT, withActivityFacts } from "../audit/activity-facts.ts";
import { getDb } from "../db/client.ts";
import type {
  AutopayChargeStatus,
  CollectorTaskKind,
  PaymentPlanStatus,
  PlanFrequency,
  PlanInstalmentStatus,
  PlanPayBy,
} from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { paymentPlanCan } from "./plan-can.ts";
import { CANCELLABLE_PLAN_STATUSES } from "./plan-cancel-form.ts";
import { planLabel } from "./plan-forms.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Most audit events the page shows (newest first). */
export const PLAN_TRAIL_SHOWN = 200;

type Named = { id: string; name: string } | null;

export interface StaffPaymentPlan {
  id: string;
  label: string;
  status: PaymentPlanStatus;
  customer: { id: string; name: string; accountNumber: string };
  currency: string;
  terms: {
    covered: bigint;
    fee: bigint;
    downPayment: bigint;
    /** What the customer pays in all: the covered invoices plus the fee. */
    total: bigint;
    instalmentCount: number;
    frequency: PlanFrequency;
    firstDate: Date;
    expiresOn: Date;
    payBy: PlanPayBy | null;
    proposedBy: Named;
    requestedBy: Named;
    createdAt: Date;
    /** The customer's words with a request, a decline or a request for other terms. */
    customerMessage: string | null;
  };
  /** The plan this one replaces (a reschedule), and the plans that replace this one. */
  replaces: { id: string; label: string } | null;
  replacedBy: { id: string; label: string; status: PaymentPlanStatus }[];
  /** The items it covers: the amount when offered, open now, and whether the plan still holds it. */
  invoices: { id: string; number: string; amount: bigint; openAmount: bigint; held: boolean }[];
  /** The acceptance as evidence, once accepted. */
  acceptance: {
    name: string | null;
    portalUser: { id: string; name: string; email: string } | null;
    at: Date | null;
    client: string | null;
    userAgent: string | null;
    termsHash: string;
    acceptedTermsHash: string | null;
    /** The hash accepted is the offer's own. */
    hashMatches: boolean;
  } | null;
  /** The offer's hash (what an acceptance must present). */
  termsHash: string;
  schedule: {
    id: string;
    sequence: number;
    downPayment: boolean;
    dueDate: Date;
    amount: bigint;
    paidAmount: bigint;
    status: PlanInstalmentStatus;
    paidOn: Date | null;
    missedOn: Date | null;
    remindedOn: Date | null;
    brokenOn: Date | null;
  }[];
  misses: number;
  activatedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  /** The card autopay charges, when the customer chose autopay. */
  card: { brand: string; last4: string; expMonth: number; expYear: number; removed: boolean } | null;
  /** Autopay charges of the plan's instalments, newest first. */
  charges: {
    id: string;
    runDate: Date;
    sequence: number;
    attempt: number;
    amount: bigint;
    status: AutopayChargeStatus;
    failureCode: string | null;
    failureMessage: string | null;
  }[];
  /** Collector tasks of the plan still open. */
  openTasks: { id: string; kind: CollectorTaskKind; dueOn: Date; assignee: Named; sequence: number | null }[];
  /** The plan's audit trail, newest first. */
  trail: { id: string; at: Date; action: string; facts: ActivityFacts; after: unknown }[];
  can: { cancel: boolean; reschedule: boolean };
}

const notFound = () => new DomainError("NOT_FOUND", "Payment plan not found.");

/**
 * One payment plan as the back office's plan page shows it: terms, acceptance evidence, schedule
 * with the missed-instalment steps, the autopay card and charges, open collector tasks and the
 * audit trail, with whether the actor may cancel it. Staff only; another account's plan or a
 * malformed id is NOT_FOUND.
 */
export async function getPlanForStaff(
  input: { customerId: string; planId: string },
  actor: Actor,
): Promise<StaffPaymentPlan> {
  if (actor.kind === "portal") throw notFound();
  requireStaff(actor);
  if (!UUID_RE.test(input.customerId) || !UUID_RE.test(input.planId)) throw notFound();
  const db = getDb();
  const plan = await db.paymentPlan.findUnique({
    where: { id: input.planId.toLowerCase() },
    include: {
      customer: { select: { id: true, name: true, accountNumber: true } },
      invoices: { include: { item: { select: { number: true, openAmount: true } } } },
      instalments: { orderBy: { sequence: "asc" } },
      savedCard: { select: { brand: true, last4: true, expMonth: true, expYear: true, removedAt: true } },
      charges: {
        orderBy: [{ runDate: "desc" }, { attempt: "desc" }],
        include: {
          instalment: { select: { sequence: true } },
          paymentAttempt: { select: { amount: true } },
        },
      },
      tasks: {
        where: { status: "OPEN" },
        orderBy: { dueOn: "asc" },
        include: {
          assignee: { select: { id: true, name: true } },
          instalment: { select: { sequence: true } },
        },
      },
    },
  });
  if (!plan || plan.customerId !== input.customerId.toLowerCase()) throw notFound();

  const portalIds = [plan.requestedByPortalUserId, plan.acceptedByPortalUserId].filter(
    (id): id is string => !!id,
  );
  const [staff, portalUsers, replaces, replacedBy, events] = await Promise.all([
    plan.proposedByStaffId
      ? db.staffUser.findUnique({ where: { id: plan.proposedByStaffId }, select: { id: true, name: true } })
      : null,
    portalIds.length
      ? db.portalUser.findMany({
          where: { id: { in: portalIds } },
          select: { id: true, name: true, email: true },
        })
      : [],
    plan.replacesPlanId
      ? db.paymentPlan.findUnique({ where: { id: plan.replacesPlanId }, select: { id: true, number: true } })
      : null,
    db.paymentPlan.findMany({
      where: { replacesPlanId: plan.id },
      orderBy: { number: "asc" },
      select: { id: true, number: true, status: true },
    }),
    db.auditEvent.findMany({
      where: { entityType: "payment_plan", entityId: plan.id },
      orderBy: { id: "desc" },
      take: PLAN_TRAIL_SHOWN,
      select: { id: true, at: true, ...AUDIT_ROW_SELECT },
    }),
  ]);
  const portalUser = (id: string | null) => portalUsers.find((u) => u.id === id) ?? null;
  const requester = portalUser(plan.requestedByPortalUserId);
  const trail = await withActivityFacts(events, "staff");
  const accepted = plan.acceptedTermsHash !== null || plan.acceptedName !== null;

  return {
    id: plan.id,
    label: planLabel(plan.number),
    status: plan.status,
    customer: plan.customer,
    currency: plan.currency.trim(),
    terms: {
      covered: plan.covered,
      fee: plan.fee,
      downPayment: plan.downPayment,
      total: plan.covered + plan.fee,
      instalmentCount: plan.instalmentCount,
      frequency: plan.frequency,
      firstDate: plan.firstDate,
      expiresOn: plan.expiresOn,
      payBy: plan.payBy,
      proposedBy: staff,
      requestedBy: requester ? { id: requester.id, name: requester.name } : null,
      createdAt: plan.createdAt,
      customerMessage: plan.customerMessage,
    },
    replaces: replaces ? { id: replaces.id, label: planLabel(replaces.number) } : null,
    replacedBy: replacedBy.map((p) => ({ id: p.id, label: planLabel(p.number), status: p.status })),
    invoices: plan.invoices
      .map((i) => ({
        id: i.itemId,
        number: i.item.number,
        amount: i.amount,
        openAmount: i.item.openAmount,
        held: i.openItemKey !== null,
      }))
      .sort((a, b) => a.number.localeCompare(b.number)),
    acceptance: accepted
      ? {
          name: plan.acceptedName,
          portalUser: portalUser(plan.acceptedByPortalUserId),
          at: plan.respondedAt,
          client: plan.acceptedClient,
          userAgent: plan.acceptedUserAgent,
          termsHash: plan.termsHash,
          acceptedTermsHash: plan.acceptedTermsHash,
          hashMatches: plan.acceptedTermsHash === plan.termsHash,
        }
      : null,
    termsHash: plan.termsHash,
    schedule: plan.instalments.map((i) => ({
      id: i.id,
      sequence: i.sequence,
      downPayment: i.sequence === 0 && plan.downPayment > 0n,
      dueDate: i.dueDate,
      amount: i.amount,
      paidAmount: i.paidAmount,
      status: i.status,
      paidOn: i.paidOn,
      missedOn: i.missedOn,
      remindedOn: i.remindedOn,
      brokenOn: i.brokenOn,
    })),
    misses: plan.misses,
    activatedAt: plan.activatedAt,
    endedAt: plan.endedAt,
    endReason: plan.endReason,
    card: plan.savedCard
      ? {
          brand: plan.savedCard.brand,
          last4: plan.savedCard.last4,
          expMonth: plan.savedCard.expMonth,
          expYear: plan.savedCard.expYear,
          removed: plan.savedCard.removedAt !== null,
        }
      : null,
    charges: plan.charges.map((c) => ({
      id: c.id,
      runDate: c.runDate,
      sequence: c.instalment.sequence,
      attempt: c.attempt,
      amount: c.paymentAttempt.amount,
      status: c.status,
      failureCode: c.failureCode,
      failureMessage: c.failureMessage,
    })),
    openTasks: plan.tasks.map((task) => ({
      id: task.id,
      kind: task.kind,
      dueOn: task.dueOn,
      assignee: task.assignee,
      sequence: task.instalment?.sequence ?? null,
    })),
    trail: trail.map((e) => ({
      id: String(e.id),
      at: e.at,
      action: e.action,
      facts: e.facts,
      after: e.after,
    })),
    can: {
      cancel: paymentPlanCan(actor).propose && CANCELLABLE_PLAN_STATUSES.includes(plan.status),
      reschedule: paymentPlanCan(actor).propose && (plan.status === "ACCEPTED" || plan.status === "ACTIVE"),
    },
  };
}
