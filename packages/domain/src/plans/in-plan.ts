import { getDb, type Tx } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import type { PaymentPlanStatus, PlanInstalmentStatus } from "../db/generated/enums.ts";
import { planLabel } from "./plan-forms.ts";
import { RUNNING_PLAN_STATUSES } from "./plan-progress.ts";

/**
 * The "in plan" read model (ADR 030): which open items an open payment plan covers. An item is in
 * plan while it belongs to a plan that was accepted and not ended (ACCEPTED or ACTIVE): the items
 * the plan lists in `payment_plan_invoice` (its invoices; a fee item once listed there too). A proposal does not count yet; a completed,
 * defaulted, cancelled, declined or expired plan no longer does (a defaulted plan's invoices go
 * back to normal dunning). This is the one place the portal, the back office and the dunning and
 * aging code read it from.
 */
export const IN_PLAN_STATUSES = RUNNING_PLAN_STATUSES satisfies readonly PaymentPlanStatus[];
export type InPlanStatus = (typeof IN_PLAN_STATUSES)[number];

/** Instalments still to be paid: the next one is the first of these by sequence. */
const UNPAID_INSTALMENTS = ["DUE", "MISSED"] as const satisfies readonly PlanInstalmentStatus[];

/**
 * SQL: "the open item `itemId` (a column reference such as `i.id`) is in an open plan", for list
 * filters, and (as `NOT ${inOpenPlanSql(...)}`) for dunning and aging that leave in-plan items
 * out. Each probe reads at most one row by a unique index: `payment_plan_invoice.open_item_key`,
 * set only while a plan is open (one open plan per item), then that plan by its key.
 */
export function inOpenPlanSql(itemId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM payment_plan_invoice ppi JOIN payment_plan pp ON pp.id = ppi.plan_id
      WHERE ppi.open_item_key = ${itemId}
        AND pp.status = ANY(${[...IN_PLAN_STATUSES]}::payment_plan_status[]))`;
}

/**
 * Prisma `where` on OpenItem: "not in an open plan" (the same rule as inOpenPlanSql). Dunning
 * and aging (issue 15) combine it with their own conditions:
 * `db.openItem.findMany({ where: { AND: [{ openAmount: { gt: 0n } }, notInOpenPlanWhere] } })`.
 */
export const notInOpenPlanWhere = {
  paymentPlans: { none: { plan: { status: { in: [...IN_PLAN_STATUSES] } } } },
} satisfies Prisma.OpenItemWhereInput;

/** The plan's next payment: the first instalment not yet paid, and what is still due of it. */
export interface NextInstalment {
  /** 0 is the down payment. */
  sequence: number;
  dueDate: Date;
  /** amount − paidAmount (minor units of the plan's currency). */
  amount: bigint;
  /** MISSED: unpaid past its grace days. */
  status: "DUE" | "MISSED";
}

export interface OpenPlanRef {
  id: string;
  number: number;
  /** "PP-1001". */
  label: string;
  status: InPlanStatus;
  currency: string;
}

export interface ItemInPlan {
  itemId: string;
  plan: OpenPlanRef;
  /** Null once every instalment is paid (the plan is about to complete). */
  nextInstalment: NextInstalment | null;
}

/** What a document's row says of its plan ("In plan PP-1001", the next instalment): null when none. */
export type InPlanMark = Omit<ItemInPlan, "itemId">;

/** The mark of item `id` from inPlanByItem's map. */
export function inPlanMark(byItem: ReadonlyMap<string, ItemInPlan>, id: string): InPlanMark | null {
  const found = byItem.get(id.toLowerCase());
  return found ? { plan: found.plan, nextInstalment: found.nextInstalment } : null;
}

type NextColumns = {
  next_sequence: number | null;
  next_due_date: Date | null;
  next_amount: bigint | null;
  next_status: "DUE" | "MISSED" | null;
};

/** The next unpaid instalment of `payment_plan p`, by the (plan_id, sequence) index. */
const nextInstalmentJoin = Prisma.sql`LEFT JOIN LATERAL (
    SELECT s.sequence AS next_sequence, s.due_date AS next_due_date,
           (s.amount - s.paid_amount)::bigint AS next_amount, s.status::text AS next_status
      FROM payment_plan_instalment s
     WHERE s.plan_id = p.id AND s.status = ANY(${[...UNPAID_INSTALMENTS]}::plan_instalment_status[])
     ORDER BY s.sequence LIMIT 1
  ) n ON true`;

function nextOf(r: NextColumns): NextInstalment | null {
  if (r.next_sequence === null || r.next_due_date === null || r.next_amount === null || !r.next_status) {
    return null;
  }
  return {
    sequence: Number(r.next_sequence),
    dueDate: r.next_due_date,
    amount: BigInt(r.next_amount),
    status: r.next_status,
  };
}

type PlanColumns = { plan_id: string; number: number; status: InPlanStatus; currency: string };

const planOf = (r: PlanColumns): OpenPlanRef => ({
  id: r.plan_id,
  number: Number(r.number),
  label: planLabel(Number(r.number)),
  status: r.status,
  currency: r.currency.trim(),
});

/**
 * The open plan of each given item (only items in one are in the map; an item is in at most one
 * open plan), with the plan's next instalment. One statement: the items are found by the unique
 * index on `open_item_key`, each plan's next instalment by its (plan_id, sequence) index.
 */
export async function inPlanByItem(
  itemIds: readonly string[],
  tx: Tx = getDb(),
): Promise<Map<string, ItemInPlan>> {
  if (itemIds.length === 0) return new Map();
  const ids = [...new Set(itemIds.map((id) => id.toLowerCase()))];
  const rows = await tx.$queryRaw<(PlanColumns & NextColumns & { item_id: string })[]>`
    SELECT c.open_item_key::text AS item_id, p.id::text AS plan_id, p.number, p.status::text AS status,
           p.currency, n.*
      FROM payment_plan_invoice c JOIN payment_plan p ON p.id = c.plan_id
      ${nextInstalmentJoin}
     WHERE c.open_item_key = ANY(${ids}::uuid[])
       AND p.status = ANY(${[...IN_PLAN_STATUSES]}::payment_plan_status[])`;
  return new Map(
    rows.map((r) => [r.item_id, { itemId: r.item_id, plan: planOf(r), nextInstalment: nextOf(r) }]),
  );
}

export interface CustomerInPlan {
  currency: string;
  /** Σ open amounts of the customer's items in open plans, in this currency. */
  amount: bigint;
  items: number;
  plans: number;
}

/**
 * What open plans cover per customer and currency: the items' open amounts today (account pages,
 * statements, aging). Callers check the actor's scope, as for balancesByCustomer.
 */
export async function inPlanByCustomer(
  customerIds: readonly string[],
  tx: Tx = getDb(),
): Promise<Map<string, CustomerInPlan[]>> {
  const result = new Map<string, CustomerInPlan[]>();
  if (customerIds.length === 0) return result;
  const rows = await tx.$queryRaw<
    { customer_id: string; currency: string; amount: bigint; items: bigint; plans: bigint }[]
  >`
    SELECT i.customer_id::text AS customer_id, i.currency, SUM(i.open_amount)::bigint AS amount,
           COUNT(*)::bigint AS items, COUNT(DISTINCT p.id)::bigint AS plans
      FROM payment_plan p
      JOIN payment_plan_invoice c ON c.plan_id = p.id
      JOIN open_item i ON i.id = c.open_item_key
     WHERE p.customer_id = ANY(${[...new Set(customerIds.map((id) => id.toLowerCase()))]}::uuid[])
       AND p.status = ANY(${[...IN_PLAN_STATUSES]}::payment_plan_status[])
       AND i.open_amount > 0
     GROUP BY i.customer_id, i.currency ORDER BY i.customer_id, i.currency`;
  for (const r of rows) {
    const entry: CustomerInPlan = {
      currency: r.currency.trim(),
      amount: BigInt(r.amount),
      items: Number(r.items),
      plans: Number(r.plans),
    };
    const list = result.get(r.customer_id);
    if (list) list.push(entry);
    else result.set(r.customer_id, [entry]);
  }
  return result;
}

/** How an open plan is being kept: what is paid of it, what was missed, what comes next. */
export interface OpenPlanProgress extends OpenPlanRef {
  /** Payments of the schedule (the down payment included; cancelled ones left out), and those paid in full. */
  instalments: number;
  paidInstalments: number;
  /** Σ instalment amounts (the covered invoices plus the fee), and Σ paid of them. */
  total: bigint;
  paid: bigint;
  /** Instalments that went unpaid past their grace days (paid late or still open). */
  missed: number;
  nextInstalment: NextInstalment | null;
}

/**
 * The customer's open plans (ACCEPTED or ACTIVE), oldest first, with how each is being kept: the
 * back office's plans card. One statement over the (customer_id, status) index and each plan's
 * instalments.
 */
export async function openPlanProgress(customerId: string, tx: Tx = getDb()): Promise<OpenPlanProgress[]> {
  const rows = await tx.$queryRaw<
    (PlanColumns &
      NextColumns & {
        instalments: number;
        paid_instalments: number;
        total: bigint;
        paid: bigint;
        missed: number;
      })[]
  >`
    SELECT p.id::text AS plan_id, p.number, p.status::text AS status, p.currency,
           a.instalments, a.paid_instalments, a.total, a.paid, a.missed, n.*
      FROM payment_plan p
      JOIN LATERAL (
        SELECT COUNT(*)::int AS instalments,
               (COUNT(*) FILTER (WHERE s.status = 'PAID'::plan_instalment_status))::int AS paid_instalments,
               COALESCE(SUM(s.amount), 0)::bigint AS total, COALESCE(SUM(s.paid_amount), 0)::bigint AS paid,
               (COUNT(*) FILTER (WHERE s.missed_on IS NOT NULL
                                    OR s.status = 'MISSED'::plan_instalment_status))::int AS missed
          FROM payment_plan_instalment s
         WHERE s.plan_id = p.id AND s.status <> 'CANCELLED'::plan_instalment_status
      ) a ON true
      ${nextInstalmentJoin}
     WHERE p.customer_id = ${customerId.toLowerCase()}::uuid
       AND p.status = ANY(${[...IN_PLAN_STATUSES]}::payment_plan_status[])
     ORDER BY p.number`;
  return rows.map((r) => ({
    ...planOf(r),
    instalments: Number(r.instalments),
    paidInstalments: Number(r.paid_instalments),
    total: BigInt(r.total),
    paid: BigInt(r.paid),
    missed: Number(r.missed),
    nextInstalment: nextOf(r),
  }));
}
