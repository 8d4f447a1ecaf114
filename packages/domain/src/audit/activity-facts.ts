import { isoDate } from "../base/dates.ts";
import { getDb } from "../db/client.ts";
import type { DisputeOutcome, PortalRole } from "../db/generated/enums.ts";
import { disputeLabel } from "../disputes/dispute-forms.ts";
import { parseDecimal } from "../money/money.ts";
import { planLabel } from "../plans/plan-forms.ts";

/**
 * What an audited change says, as facts a page turns into a sentence in its language ("Dana
 * Whitfield raised dispute D-5 on INV-102411 for $500.00"): who did it, what it was about (dispute,
 * invoice, payment, card and customer numbers or names) and the amount. One shape per action; an
 * action this module does not know, or whose subject is gone, is "other" (still a sentence).
 */
export interface ActivityActor {
  kind: "staff" | "portal" | "system";
  /** Null where the viewer may not see it (staff names on the portal) or the user is gone. */
  name: string | null;
}

export interface ActivityMoney {
  amount: bigint;
  currency: string;
}

type Facts<A extends string, F = object> = { action: A; actor: ActivityActor } & F;

type DisputeStep =
  | "dispute.message"
  | "dispute.note"
  | "dispute.attach"
  | "dispute.review"
  | "dispute.reassign"
  | "dispute.reject-resolution"
  | "dispute.withdraw"
  | "dispute.escalate";
type DisputeDecision = "dispute.propose" | "dispute.approve" | "dispute.resolve";
type ItemAction =
  | "invoice.create"
  | "debit_memo.create"
  | "fee.create"
  | "payment.record"
  | "credit_memo.record"
  | "payment.flag-for-cash-application";
type AttemptAction =
  | "card-payment.start"
  | "card-payment.processing"
  | "card-payment.failed"
  | "card-payment.canceled";
type RefundAction =
  | "refund.request"
  | "refund.refused"
  | "refund.send-failed"
  | "refund.approve"
  | "refund.reject"
  | "refund.pending"
  | "refund.succeeded"
  | "refund.failed"
  | "refund.canceled"
  | "refund.made-in-stripe"
  | "refund.reverse";
type ChargebackAction = "chargeback.open" | "chargeback.won" | "chargeback.lost";
type PortalUserAction =
  | "portal_user.invited"
  | "portal_user.invitation_revoked"
  | "portal_user.invitation_accepted"
  | "portal_user.new_invitation_requested"
  | "portal_user.created"
  | "portal_user.removed";
type PlainAction =
  | "seed.load"
  | "session.start"
  | "session.revoke"
  | "staff.locale_change"
  | "dispute-rule.create"
  | "dispute-rule.update"
  | "dispute-rule.deactivate"
  | "department.create"
  | "department.update"
  | "payment-plan-policy.update"
  | "collector-task.complete"
  | "stripe-event.dismissed"
  | "stripe-event.retried"
  | "portal.step-up";
/** A plan's terms as offered or asked for: its total (fee included) and its first payment's day. */
type PlanTermsAction = "payment-plan.propose" | "payment-plan.request" | "payment-plan.self-service";
/** A plan's step that needs nothing but the plan's label to be told. */
type PlanStep =
  | "payment-plan.offer-request"
  | "payment-plan.decline"
  | "payment-plan.request-changes"
  | "payment-plan.expire"
  | "payment-plan.activate"
  | "payment-plan.default"
  | "payment-plan.complete";
/** An instalment's number in its plan (1, 2, …); the down payment (sequence 0) is a variant. */
type PlanInstalment = { plan: string; instalment: string; amount: ActivityMoney; variant?: "down" };

export type ActivityFacts =
  | Facts<"dispute.raise", { dispute: string; invoices: string[]; amount: ActivityMoney }>
  | Facts<
      DisputeDecision,
      {
        dispute: string;
        invoices: string[];
        outcome: DisputeOutcome;
        amount: ActivityMoney | null;
        variant?: "credit";
      }
    >
  | Facts<DisputeStep, { dispute: string; invoices: string[] }>
  | Facts<ItemAction, { item: string; amount: ActivityMoney }>
  | Facts<
      "application.apply" | "application.reverse",
      { credit: string; debit: string; amount: ActivityMoney }
    >
  | Facts<AttemptAction, { invoices: string[]; amount: ActivityMoney }>
  | Facts<"card-payment.succeed", { payment: string; amount: ActivityMoney }>
  | Facts<RefundAction | ChargebackAction, { payment: string; amount: ActivityMoney }>
  | Facts<"refund.record", { item: string; payment: string; amount: ActivityMoney }>
  | Facts<"autopay.charge", { invoices: string[]; amount: ActivityMoney }>
  | Facts<"autopay.charge-failed", { amount: ActivityMoney }>
  | Facts<"autopay.enable" | "autopay.disable" | "saved-card.setup-start", { customer: string }>
  | Facts<"saved-card.add" | "saved-card.remove", { card: string; customer: string }>
  | Facts<PortalUserAction, { email: string }>
  | Facts<"portal_user.role_changed", { email: string; role: PortalRole }>
  | Facts<"dispute-threshold.set" | "refund-threshold.set", { amount: ActivityMoney }>
  | Facts<"holiday.set" | "holiday.remove", { day: string }>
  | Facts<"session.revoke_all" | "staff.sign_in_failed", { user: string }>
  | Facts<PlanTermsAction, { plan: string; amount: ActivityMoney; day: string }>
  | Facts<PlanStep, { plan: string }>
  | Facts<"payment-plan.accept", { plan: string; variant?: "autopay" }>
  | Facts<"payment-plan.decline-request", { plan: string; message: string }>
  | Facts<
      "payment-plan.cancel",
      { plan: string; reason: string } | { plan: string; as: string; variant: "rescheduled" }
    >
  | Facts<"payment-plan.fee", { plan: string; item: string; amount: ActivityMoney }>
  | Facts<"payment-plan.instalment-paid", PlanInstalment>
  | Facts<"payment-plan.instalment-missed", PlanInstalment & { day: string }>
  | Facts<"payment-plan.instalment-broken", { plan: string; instalment: string; variant?: "down" }>
  | Facts<"payment-plan.charge", { plan: string; amount: ActivityMoney; invoices: string[] }>
  | Facts<"payment-plan.charge-failed", { plan: string; day: string } | { plan: string; variant: "last" }>
  | Facts<"payment-plan.pay", { plan: string; amount: ActivityMoney }>
  | Facts<PlainAction>
  | Facts<"other">;

/** One audit row as read from audit_event (before/after JSON: amounts as decimal strings). */
export interface AuditRow {
  action: string;
  actorType: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  customerId: string | null;
  before: unknown;
  after: unknown;
}

export const AUDIT_ROW_SELECT = {
  action: true,
  actorType: true,
  actorId: true,
  entityType: true,
  entityId: true,
  customerId: true,
  before: true,
  after: true,
} as const;

/**
 * What a customer's portal users may read of their account's trail: their disputes (never internal
 * notes, proposals or routing), their payments, autopay and cards, who has access, their payment
 * plans from offer or request to their end (instalments paid, missed, Pay now). Staff-internal
 * steps (approvals, cash application, sessions, settings; a plan's fee booking, activation, broken
 * instalment tasks and autopay charge attempts) stay in the back office.
 */
export const CUSTOMER_ACTIONS = [
  "dispute.raise",
  "dispute.message",
  "dispute.attach",
  "dispute.review",
  "dispute.resolve",
  "dispute.withdraw",
  "card-payment.start",
  "card-payment.processing",
  "card-payment.failed",
  "card-payment.canceled",
  "card-payment.succeed",
  "refund.succeeded",
  "autopay.enable",
  "autopay.disable",
  "autopay.charge",
  "autopay.charge-failed",
  "saved-card.add",
  "saved-card.remove",
  "portal_user.invited",
  "portal_user.invitation_revoked",
  "portal_user.invitation_accepted",
  "portal_user.removed",
  "portal_user.role_changed",
  "payment-plan.propose",
  "payment-plan.request",
  "payment-plan.self-service",
  "payment-plan.offer-request",
  "payment-plan.decline-request",
  "payment-plan.accept",
  "payment-plan.decline",
  "payment-plan.request-changes",
  "payment-plan.expire",
  "payment-plan.instalment-paid",
  "payment-plan.instalment-missed",
  "payment-plan.default",
  "payment-plan.complete",
  "payment-plan.cancel",
  "payment-plan.pay",
];

/** A CUSTOMER_ACTIONS row the customer sees: messages and documents only when shared with them. */
export function customerSees(row: { action: string; after: unknown }): boolean {
  if (!CUSTOMER_ACTIONS.includes(row.action)) return false;
  const visibility = obj(row.after).visibility;
  return visibility === undefined || visibility === "CUSTOMER";
}

/** Who reads the sentences: the portal never names staff. */
export type ActivityViewer = "staff" | "portal";

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});
const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const minor = (value: unknown): bigint | null => {
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  return typeof value === "string" && /^-?\d{1,20}$/.test(value) ? BigInt(value) : null;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: unknown): string | null =>
  typeof value === "string" && UUID.test(value) ? value : null;

const DISPUTE_STEPS = new Set<string>([
  "dispute.message",
  "dispute.note",
  "dispute.attach",
  "dispute.review",
  "dispute.reassign",
  "dispute.reject-resolution",
  "dispute.withdraw",
  "dispute.escalate",
]);
const ITEM_ACTIONS = new Set<string>([
  "invoice.create",
  "debit_memo.create",
  "fee.create",
  "payment.record",
  "credit_memo.record",
  "payment.flag-for-cash-application",
]);
const ATTEMPT_ACTIONS = new Set<string>([
  "card-payment.start",
  "card-payment.processing",
  "card-payment.failed",
  "card-payment.canceled",
]);
const PAYMENT_ACTIONS = new Set<string>([
  "refund.request",
  "refund.refused",
  "refund.send-failed",
  "refund.approve",
  "refund.reject",
  "refund.pending",
  "refund.succeeded",
  "refund.failed",
  "refund.canceled",
  "refund.made-in-stripe",
  "refund.reverse",
  "chargeback.open",
  "chargeback.won",
  "chargeback.lost",
]);
const PORTAL_USER_ACTIONS = new Set<string>([
  "portal_user.invited",
  "portal_user.invitation_revoked",
  "portal_user.invitation_accepted",
  "portal_user.new_invitation_requested",
  "portal_user.created",
  "portal_user.removed",
]);
const PLAIN_ACTIONS = new Set<string>([
  "seed.load",
  "session.start",
  "session.revoke",
  "staff.locale_change",
  "dispute-rule.create",
  "dispute-rule.update",
  "dispute-rule.deactivate",
  "department.create",
  "department.update",
  "payment-plan-policy.update",
  "collector-task.complete",
  "stripe-event.dismissed",
  "stripe-event.retried",
  "portal.step-up",
]);
const PLAN_TERMS = new Set<string>([
  "payment-plan.propose",
  "payment-plan.request",
  "payment-plan.self-service",
]);
const PLAN_STEPS = new Set<string>([
  "payment-plan.offer-request",
  "payment-plan.decline",
  "payment-plan.request-changes",
  "payment-plan.expire",
  "payment-plan.activate",
  "payment-plan.default",
  "payment-plan.complete",
]);
const OUTCOMES = new Set<string>(["VALID", "PARTIAL", "INVALID"]);
const ROLES = new Set<string>(["VIEWER", "PAYER", "ADMIN"]);

/** The ids a row points at, by table, to read them all in one query per table. */
interface Wanted {
  staff: Set<string>;
  portal: Set<string>;
  disputes: Set<string>;
  items: Set<string>;
  attempts: Set<string>;
  refunds: Set<string>;
  chargebacks: Set<string>;
  charges: Set<string>;
  applications: Set<string>;
  customers: Set<string>;
  plans: Set<string>;
}

function want(row: AuditRow, w: Wanted): void {
  const after = obj(row.after);
  const add = (set: Set<string>, value: unknown) => {
    const id = uuid(value);
    if (id) set.add(id.toLowerCase());
  };
  if (row.actorType === "staff") add(w.staff, row.actorId);
  if (row.actorType === "portal") add(w.portal, row.actorId);
  if (row.entityType === "staff_user") add(w.staff, row.entityId);
  if (row.entityType === "dispute") add(w.disputes, row.entityId);
  if (row.entityType === "open_item") add(w.items, row.entityId);
  if (row.entityType === "payment_attempt") add(w.attempts, row.entityId);
  if (row.entityType === "refund") add(w.refunds, row.entityId);
  if (row.entityType === "chargeback") add(w.chargebacks, row.entityId);
  if (row.entityType === "autopay_charge") add(w.charges, row.entityId);
  if (row.entityType === "application") add(w.applications, row.entityId);
  if (row.entityType === "payment_plan") add(w.plans, row.entityId);
  add(w.customers, row.customerId);
  add(w.refunds, after.refundId);
  add(w.items, after.paymentItemId);
  add(w.items, after.creditItemId);
  add(w.items, after.debitItemId);
  if (Array.isArray(after.invoices)) for (const id of after.invoices) add(w.items, id);
}

const among = (ids: string[]) => ({ id: { in: ids } });
const NUMBER = { select: { number: true } } as const;
const SUM = { id: true, amount: true, currency: true } as const;

async function readWanted(w: Wanted) {
  const db = getDb();
  const ids = (set: Set<string>) => [...set];
  const when = <T>(set: Set<string>, read: (ids: string[]) => Promise<T[]>): Promise<T[]> =>
    set.size ? read(ids(set)) : Promise.resolve([]);
  const [
    staff,
    portal,
    disputes,
    items,
    attempts,
    refunds,
    chargebacks,
    charges,
    applications,
    customers,
    plans,
  ] = await Promise.all([
    when(w.staff, (id) => db.staffUser.findMany({ where: among(id), select: { id: true, name: true } })),
    when(w.portal, (id) => db.portalUser.findMany({ where: among(id), select: { id: true, name: true } })),
    when(w.disputes, (id) =>
      db.dispute.findMany({
        where: among(id),
        select: {
          id: true,
          number: true,
          amount: true,
          currency: true,
          invoice: NUMBER,
        },
      }),
    ),
    when(w.items, (id) =>
      db.openItem.findMany({
        where: among(id),
        select: { id: true, number: true, amount: true, currency: true },
      }),
    ),
    when(w.attempts, (id) =>
      db.paymentAttempt.findMany({
        where: among(id),
        select: {
          ...SUM,
          paymentItem: NUMBER,
          allocations: { select: { item: NUMBER } },
        },
      }),
    ),
    when(w.refunds, (id) =>
      db.refund.findMany({
        where: among(id),
        select: { ...SUM, paymentItem: NUMBER },
      }),
    ),
    when(w.chargebacks, (id) =>
      db.chargeback.findMany({
        where: among(id),
        select: { ...SUM, paymentItem: NUMBER },
      }),
    ),
    when(w.charges, (id) =>
      db.autopayCharge.findMany({
        where: among(id),
        select: { id: true, paymentAttempt: { select: { amount: true, currency: true } } },
      }),
    ),
    when(w.applications, (id) =>
      db.application.findMany({
        where: among(id),
        select: {
          ...SUM,
          creditItem: NUMBER,
          debitItem: NUMBER,
        },
      }),
    ),
    when(w.customers, (id) => db.customer.findMany({ where: among(id), select: { id: true, name: true } })),
    when(w.plans, (id) =>
      db.paymentPlan.findMany({
        where: among(id),
        select: { id: true, number: true, currency: true, covered: true, fee: true, firstDate: true },
      }),
    ),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    staff: byId(staff),
    portal: byId(portal),
    disputes: byId(disputes),
    items: byId(items),
    attempts: byId(attempts),
    refunds: byId(refunds),
    chargebacks: byId(chargebacks),
    charges: byId(charges),
    applications: byId(applications),
    customers: byId(customers),
    plans: byId(plans),
  };
}

type Read = Awaited<ReturnType<typeof readWanted>>;

const money = (amount: bigint, currency: string): ActivityMoney => ({ amount, currency: currency.trim() });

function actorOf(row: AuditRow, read: Read, viewer: ActivityViewer): ActivityActor {
  const id = row.actorId?.toLowerCase() ?? "";
  if (row.actorType === "portal") return { kind: "portal", name: read.portal.get(id)?.name ?? null };
  if (viewer === "portal") return { kind: "staff", name: null };
  if (row.actorType === "staff") return { kind: "staff", name: read.staff.get(id)?.name ?? null };
  return { kind: "system", name: null };
}

/** The facts of one row, or null when its subject cannot be read (then it is "other"). */
function factsOf(row: AuditRow, read: Read, actor: ActivityActor): ActivityFacts | null {
  const { action } = row;
  const before = obj(row.before);
  const after = obj(row.after);
  const entity = row.entityId.toLowerCase();
  const item = (id: unknown) => read.items.get(uuid(id)?.toLowerCase() ?? "");
  const customer = read.customers.get(row.customerId?.toLowerCase() ?? "")?.name ?? null;

  if (action.startsWith("dispute.")) {
    const d = read.disputes.get(entity);
    if (!d) return null;
    const base = { actor, dispute: disputeLabel(d.number), invoices: [d.invoice.number] };
    if (action === "dispute.raise") return { ...base, action, amount: money(d.amount, d.currency) };
    if (action === "dispute.propose" || action === "dispute.approve" || action === "dispute.resolve") {
      const outcome = str(after.outcome);
      if (!outcome || !OUTCOMES.has(outcome)) return null;
      const credit = minor(after.creditAmount);
      return {
        ...base,
        action,
        outcome: outcome as DisputeOutcome,
        amount: credit ? money(credit, d.currency) : null,
        ...(credit ? { variant: "credit" as const } : {}),
      };
    }
    if (DISPUTE_STEPS.has(action)) return { ...base, action: action as DisputeStep };
    return null;
  }
  if (ITEM_ACTIONS.has(action)) {
    const i = read.items.get(entity);
    return i
      ? { action: action as ItemAction, actor, item: i.number, amount: money(i.amount, i.currency) }
      : null;
  }
  if (action === "application.apply" || action === "application.reverse") {
    const a = read.applications.get(entity);
    return a
      ? {
          action,
          actor,
          credit: a.creditItem.number,
          debit: a.debitItem.number,
          amount: money(a.amount, a.currency),
        }
      : null;
  }
  if (ATTEMPT_ACTIONS.has(action) || action === "card-payment.succeed") {
    const p = read.attempts.get(entity);
    if (!p) return null;
    const amount = money(p.amount, p.currency);
    if (action === "card-payment.succeed") {
      return p.paymentItem ? { action, actor, payment: p.paymentItem.number, amount } : null;
    }
    return {
      action: action as AttemptAction,
      actor,
      invoices: p.allocations.map((a) => a.item.number),
      amount,
    };
  }
  if (PAYMENT_ACTIONS.has(action) || action === "refund.record") {
    const subject =
      row.entityType === "chargeback"
        ? read.chargebacks.get(entity)
        : (read.refunds.get(entity) ?? read.refunds.get(uuid(after.refundId)?.toLowerCase() ?? ""));
    if (!subject) return null;
    const amount = money(subject.amount, subject.currency);
    if (action === "refund.record") {
      const i = read.items.get(entity);
      return i ? { action, actor, item: i.number, payment: subject.paymentItem.number, amount } : null;
    }
    return {
      action: action as RefundAction | ChargebackAction,
      actor,
      payment: subject.paymentItem.number,
      amount,
    };
  }
  if (action === "autopay.charge") {
    const amount = minor(after.amount);
    const currency = str(after.currency);
    if (amount === null || !currency) return null;
    const invoices = Array.isArray(after.invoices) ? after.invoices.map((id) => item(id)?.number) : [];
    return {
      action,
      actor,
      invoices: invoices.filter((n): n is string => !!n),
      amount: money(amount, currency),
    };
  }
  if (action === "autopay.charge-failed") {
    const c = read.charges.get(entity);
    return c ? { action, actor, amount: money(c.paymentAttempt.amount, c.paymentAttempt.currency) } : null;
  }
  if (action === "autopay.enable" || action === "autopay.disable" || action === "saved-card.setup-start") {
    return customer ? { action, actor, customer } : null;
  }
  if (action === "saved-card.add" || action === "saved-card.remove") {
    const card = action === "saved-card.add" ? after : before;
    const brand = str(card.brand);
    const last4 = str(card.last4);
    if (!customer || !brand || !last4) return null;
    return {
      action,
      actor,
      customer,
      card: `${brand.charAt(0).toUpperCase()}${brand.slice(1)} •••• ${last4}`,
    };
  }
  if (PORTAL_USER_ACTIONS.has(action) || action === "portal_user.role_changed") {
    const email = str(after.email) ?? str(before.email);
    if (!email) return null;
    if (action !== "portal_user.role_changed") return { action: action as PortalUserAction, actor, email };
    const role = str(after.role);
    return role && ROLES.has(role) ? { action, actor, email, role: role as PortalRole } : null;
  }
  if (action === "dispute-threshold.set" || action === "refund-threshold.set") {
    const currency = row.entityId;
    const decimal = str(after.amount);
    if (!decimal || !/^[A-Z]{3}$/.test(currency)) return null;
    try {
      return { action, actor, amount: money(parseDecimal(decimal, currency), currency) };
    } catch {
      return null;
    }
  }
  if (action === "holiday.set" || action === "holiday.remove") {
    const day = /(\d{4}-\d{2}-\d{2})$/.exec(row.entityId)?.[1];
    return day ? { action, actor, day } : null;
  }
  if (action === "session.revoke_all" || action === "staff.sign_in_failed") {
    const user = read.staff.get(entity)?.name;
    return user ? { action, actor, user } : null;
  }
  if (action.startsWith("payment-plan.")) return planFactsOf(row, read, actor);
  if (PLAIN_ACTIONS.has(action)) return { action: action as PlainAction, actor };
  return null;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
/** An instalment's sequence as its number in the plan; 0, the down payment, is a variant. */
function instalmentOf(value: unknown): { instalment: string; variant?: "down" } | null {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) return null;
  return value === 0 ? { instalment: "0", variant: "down" } : { instalment: String(value) };
}

/**
 * A payment plan's event: its label (PP-1001) from the plan the row is about, or from the payload
 * where the row is about something else (the fee's item); amounts in the plan's currency.
 */
function planFactsOf(row: AuditRow, read: Read, actor: ActivityActor): ActivityFacts | null {
  const { action } = row;
  const after = obj(row.after);
  const p = read.plans.get(row.entityId.toLowerCase());
  if (action === "payment-plan.fee") {
    const i = read.items.get(row.entityId.toLowerCase());
    const plan = str(after.plan);
    return i && plan ? { action, actor, plan, item: i.number, amount: money(i.amount, i.currency) } : null;
  }
  if (!p) return null;
  const plan = planLabel(p.number);
  const inPlan = (amount: bigint) => money(amount, p.currency);
  if (PLAN_TERMS.has(action)) {
    const day = isoDate(p.firstDate);
    return { action: action as PlanTermsAction, actor, plan, amount: inPlan(p.covered + p.fee), day };
  }
  if (PLAN_STEPS.has(action)) return { action: action as PlanStep, actor, plan };
  if (action === "payment-plan.accept") {
    return { action, actor, plan, ...(after.payBy === "AUTOPAY" ? { variant: "autopay" as const } : {}) };
  }
  if (action === "payment-plan.cancel" && str(after.rescheduledAs)) {
    return { action, actor, plan, as: str(after.rescheduledAs)!, variant: "rescheduled" as const };
  }
  if (action === "payment-plan.decline-request" || action === "payment-plan.cancel") {
    const text = str(action === "payment-plan.cancel" ? after.reason : after.message);
    if (!text) return null;
    return action === "payment-plan.cancel"
      ? { action, actor, plan, reason: text }
      : { action, actor, plan, message: text };
  }
  if (action === "payment-plan.instalment-paid" || action === "payment-plan.instalment-missed") {
    const which = instalmentOf(after.sequence);
    const amount = minor(action === "payment-plan.instalment-paid" ? after.paidAmount : after.owed);
    if (!which || amount === null) return null;
    if (action === "payment-plan.instalment-paid")
      return { action, actor, plan, ...which, amount: inPlan(amount) };
    const day = str(after.dueDate);
    return day && DAY.test(day)
      ? { action, actor, plan, ...which, amount: inPlan(amount), day: day.slice(0, 10) }
      : null;
  }
  if (action === "payment-plan.instalment-broken") {
    const which = instalmentOf(after.sequence);
    return which ? { action, actor, plan, ...which } : null;
  }
  if (action === "payment-plan.charge" || action === "payment-plan.pay") {
    const amount = minor(after.amount);
    if (amount === null) return null;
    if (action === "payment-plan.pay") return { action, actor, plan, amount: inPlan(amount) };
    const invoices = Array.isArray(after.invoices)
      ? after.invoices.map((id) => read.items.get(uuid(id)?.toLowerCase() ?? "")?.number)
      : [];
    return {
      action,
      actor,
      plan,
      amount: inPlan(amount),
      invoices: invoices.filter((n): n is string => !!n),
    };
  }
  if (action === "payment-plan.charge-failed") {
    if (after.last === true) return { action, actor, plan, variant: "last" };
    const retry = str(after.nextRetryAt);
    return retry && DAY.test(retry) ? { action, actor, plan, day: retry.slice(0, 10) } : null;
  }
  return null;
}

/**
 * The rows with their facts, in their order, read in one query per kind of subject (users,
 * disputes, items, card payments, refunds, chargebacks, autopay charges, applications,
 * customers, payment plans) whatever the number of rows.
 */
export async function withActivityFacts<T extends AuditRow>(
  rows: readonly T[],
  viewer: ActivityViewer,
): Promise<(T & { facts: ActivityFacts })[]> {
  if (rows.length === 0) return [];
  const wanted: Wanted = {
    staff: new Set(),
    portal: new Set(),
    disputes: new Set(),
    items: new Set(),
    attempts: new Set(),
    refunds: new Set(),
    chargebacks: new Set(),
    charges: new Set(),
    applications: new Set(),
    customers: new Set(),
    plans: new Set(),
  };
  for (const row of rows) want(row, wanted);
  const read = await readWanted(wanted);
  return rows.map((row) => {
    const actor = actorOf(row, read, viewer);
    return { ...row, facts: factsOf(row, read, actor) ?? { action: "other", actor } };
  });
}
