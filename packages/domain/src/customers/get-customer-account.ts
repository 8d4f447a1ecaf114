import { z } from "zod";
import { type Actor, canReadCustomer } from "../actor.ts";
import { type ActivityFacts, AUDIT_ROW_SELECT, withActivityFacts } from "../audit/activity-facts.ts";
import { getDb } from "../db/client.ts";
import type { ApplicationKind, ItemKind, RiskClass } from "../db/generated/enums.ts";
import { type CustomerInDispute, inDisputeByCustomer, inDisputeByInvoice } from "../disputes/in-dispute.ts";
import { DomainError } from "../errors.ts";
import { isCreditKind } from "../ledger/item-kinds.ts";
import {
  type CustomerInPlan,
  type InPlanMark,
  inPlanByCustomer,
  inPlanByItem,
  inPlanMark,
  type OpenPlanProgress,
  openPlanProgress,
} from "../plans/in-plan.ts";
import {
  assertReadableCustomerId,
  balancesByCustomer,
  type CurrencyBalance,
  daysOverdue,
  ledgerToday,
  primaryFirst,
} from "./account-balances.ts";

export const OPEN_ITEMS_PAGE_SIZE = 25;
const ACTIVITY_LIMIT = 15;

export const GetCustomerAccountSchema = z.object({
  // Checked by hand below: a malformed id is NOT_FOUND like an unknown one, not a validation error.
  customerId: z.string().max(100),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type GetCustomerAccountInput = z.input<typeof GetCustomerAccountSchema>;

export interface AccountRef {
  id: string;
  accountNumber: string;
  name: string;
}

export interface AccountOpenItem {
  id: string;
  kind: ItemKind;
  /** Payments and credit memos reduce the balance. */
  isCredit: boolean;
  number: string;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  documentDate: Date;
  dueDate: Date | null;
  daysOverdue: number;
  /** Held by open disputes (disputes/in-dispute.ts); 0 when none. */
  inDispute: bigint;
  /** The accepted or active payment plan covering it (plans/in-plan.ts); null when none. */
  inPlan: InPlanMark | null;
}

interface ItemRef {
  id: string;
  kind: ItemKind;
  number: string;
}

export type ActivityEntry =
  | {
      type: "item";
      id: string;
      at: Date;
      item: ItemRef;
      currency: string;
      amount: bigint;
      documentDate: Date;
    }
  | {
      type: "application";
      id: string;
      at: Date;
      kind: ApplicationKind;
      credit: ItemRef;
      debit: ItemRef;
      currency: string;
      amount: bigint;
      reason: string | null;
      actorName: string | null;
    }
  | {
      type: "audit";
      id: string;
      at: Date;
      action: string;
      /** What happened, for a sentence in the page's language. */
      facts: ActivityFacts;
    };

export interface CustomerAccount {
  customer: {
    id: string;
    accountNumber: string;
    name: string;
    legalEntity: { id: string; code: string; name: string; currency: string };
    paymentTerms: { code: string; days: number };
    creditLimit: { amount: bigint; currency: string };
    billingAddress: string[];
    country: string;
    /** Internal assessments: null for portal actors. */
    riskClass: RiskClass | null;
    collector: { id: string; name: string; email: string } | null;
    /** Only related accounts the actor may read. */
    parent: AccountRef | null;
    children: AccountRef[];
  };
  contacts: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    jobTitle: string | null;
    isPrimary: boolean;
  }[];
  /** Balance and overdue per currency, the account's own currency first. */
  balances: CurrencyBalance[];
  /** What open disputes hold, per currency (part of the balance, not collected while disputed). */
  inDispute: CustomerInDispute[];
  /** What accepted or active payment plans cover, per currency (collected by the plans' schedules). */
  inPlan: CustomerInPlan[];
  /** The accepted or active plans with how each is kept (paid, missed, next); empty for portal actors. */
  openPlans: OpenPlanProgress[];
  openItems: { rows: AccountOpenItem[]; page: number; pageSize: number; total: number; pageCount: number };
  activity: ActivityEntry[];
}

interface ApplicationRow {
  id: string;
  kind: ApplicationKind;
  currency: string;
  amount: bigint;
  reason: string | null;
  actor_type: string;
  actor_id: string | null;
  created_at: Date;
  credit_id: string;
  credit_kind: ItemKind;
  credit_number: string;
  debit_id: string;
  debit_kind: ItemKind;
  debit_number: string;
}

/** The latest applications and reversals on the customer's account (index on customer, time). */
async function latestApplications(customerId: string) {
  const rows = await getDb().$queryRaw<ApplicationRow[]>`
    SELECT a.id, a.kind::text AS kind, a.currency, a.amount, a.reason, a.actor_type, a.actor_id, a.created_at,
           c.id AS credit_id, c.kind::text AS credit_kind, c.number AS credit_number,
           d.id AS debit_id, d.kind::text AS debit_kind, d.number AS debit_number
      FROM application a
      JOIN open_item c ON c.id = a.credit_item_id
      JOIN open_item d ON d.id = a.debit_item_id
     WHERE a.customer_id = ${customerId}::uuid
     ORDER BY a.created_at DESC, a.id DESC
     LIMIT ${ACTIVITY_LIMIT}`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    currency: r.currency.trim(),
    amount: BigInt(r.amount),
    reason: r.reason,
    actorType: r.actor_type,
    actorId: r.actor_id,
    createdAt: r.created_at,
    credit: { id: r.credit_id, kind: r.credit_kind, number: r.credit_number },
    debit: { id: r.debit_id, kind: r.debit_kind, number: r.debit_number },
  }));
}

interface HeaderRow {
  id: string;
  accountNumber: string;
  name: string;
  paymentTermsCode: string;
  paymentTermsDays: number;
  creditLimit: bigint;
  creditCurrency: string;
  riskClass: RiskClass;
  billingAddress: string[];
  country: string;
  legalEntity: { id: string; code: string; name: string; currency: string };
  collector: { id: string; name: string; email: string } | null;
  parent: AccountRef | null;
  children: AccountRef[];
  contacts: CustomerAccount["contacts"];
}

/**
 * The account's header in one statement: the customer with its legal entity, collector, parent,
 * children (by name) and contacts (primary first, then by name), where the ORM took six.
 */
async function accountHeader(customerId: string): Promise<HeaderRow | null> {
  const rows = await getDb().$queryRaw<HeaderRow[]>`
    SELECT c.id::text AS id, c.account_number AS "accountNumber", c.name,
           c.payment_terms_code AS "paymentTermsCode", c.payment_terms_days AS "paymentTermsDays",
           c.credit_limit AS "creditLimit", c.credit_currency AS "creditCurrency",
           c.risk_class::text AS "riskClass", c.billing_address AS "billingAddress", c.country,
           json_build_object('id', e.id, 'code', e.code, 'name', e.name, 'currency', e.currency) AS "legalEntity",
           (SELECT json_build_object('id', s.id, 'name', s.name, 'email', s.email)
              FROM staff_user s WHERE s.id = c.collector_id) AS collector,
           (SELECT json_build_object('id', p.id, 'accountNumber', p.account_number, 'name', p.name)
              FROM customer p WHERE p.id = c.parent_id) AS parent,
           COALESCE((SELECT json_agg(json_build_object('id', k.id, 'accountNumber', k.account_number, 'name', k.name)
                                     ORDER BY k.name, k.id)
                       FROM customer k WHERE k.parent_id = c.id), '[]') AS children,
           COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'email', t.email,
                                                       'phone', t.phone, 'jobTitle', t.job_title,
                                                       'isPrimary', t.is_primary)
                                     ORDER BY t.is_primary DESC, t.name, t.id)
                       FROM contact t WHERE t.customer_id = c.id), '[]') AS contacts
      FROM customer c JOIN legal_entity e ON e.id = c.legal_entity_id
     WHERE c.id = ${customerId}::uuid`;
  const row = rows[0];
  return row ? { ...row, creditLimit: BigInt(row.creditLimit) } : null;
}

// Ledger changes are shown from the ledger itself; the audit log adds everything else.
const LEDGER_ENTITY_TYPES = ["open_item", "application"];

/**
 * One customer account with its balances, a page of open items (oldest due first) and recent
 * activity. Malformed ids, unknown customers and customers outside the actor's scope are all
 * NOT_FOUND. Portal actors get the same ledger view without the internal fields.
 */
export async function getCustomerAccount(
  rawInput: GetCustomerAccountInput,
  actor: Actor,
  options: { today?: Date } = {},
): Promise<CustomerAccount> {
  const input = GetCustomerAccountSchema.parse(rawInput);
  assertReadableCustomerId(actor, input.customerId);
  const customerId = input.customerId.toLowerCase();
  const isPortal = actor.kind === "portal";
  const today = options.today ?? ledgerToday();
  const db = getDb();

  const customer = await accountHeader(customerId);
  if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");

  const openWhere = { customerId, openAmount: { gt: 0n } };
  const [balances, openTotal, openRows, items, applications] = await Promise.all([
    balancesByCustomer([customerId], { today }),
    db.openItem.count({ where: openWhere }),
    db.openItem.findMany({
      where: openWhere,
      // Oldest due first (what to chase); credits have no due date and come last.
      orderBy: [
        { dueDate: { sort: "asc", nulls: "last" } },
        { documentDate: "asc" },
        { number: "asc" },
        { id: "asc" },
      ],
      skip: (input.page - 1) * OPEN_ITEMS_PAGE_SIZE,
      take: OPEN_ITEMS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        number: true,
        currency: true,
        amount: true,
        openAmount: true,
        documentDate: true,
        dueDate: true,
      },
    }),
    db.openItem.findMany({
      where: { customerId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: ACTIVITY_LIMIT,
      select: {
        id: true,
        kind: true,
        number: true,
        currency: true,
        amount: true,
        documentDate: true,
        createdAt: true,
      },
    }),
    latestApplications(customerId),
  ]);
  // Portal users see their ledger, not the staff's internal trail. Only events newer than the
  // oldest ledger entry that makes the list can make it too: reading from there, the account's
  // (customer, time) index range holds a few ledger events to skip, not the thousands of a
  // long-lived account.
  const ledgerTimes = [...items.map((i) => i.createdAt), ...applications.map((a) => a.createdAt)]
    .sort((a, b) => b.getTime() - a.getTime())
    .slice(0, ACTIVITY_LIMIT);
  const since = ledgerTimes.length === ACTIVITY_LIMIT ? ledgerTimes[ACTIVITY_LIMIT - 1] : undefined;
  const audits = isPortal
    ? []
    : await db.auditEvent
        .findMany({
          where: {
            customerId,
            entityType: { notIn: LEDGER_ENTITY_TYPES },
            ...(since ? { at: { gte: since } } : {}),
          },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take: ACTIVITY_LIMIT,
          select: { id: true, at: true, ...AUDIT_ROW_SELECT },
        })
        .then((rows) => withActivityFacts(rows, "staff"));

  const staffIds = new Set<string>();
  for (const a of applications) if (a.actorType === "staff" && a.actorId) staffIds.add(a.actorId);
  const staffNames = new Map(
    !isPortal && staffIds.size
      ? (
          await db.staffUser.findMany({
            where: { id: { in: [...staffIds] } },
            select: { id: true, name: true },
          })
        ).map((s) => [s.id, s.name])
      : [],
  );
  const actorName = (type: string, id: string | null): string | null => {
    if (isPortal) return null;
    if (type === "system") return "Settle";
    return type === "staff" && id ? (staffNames.get(id) ?? null) : null;
  };

  const activity: ActivityEntry[] = [
    ...items.map(
      (i): ActivityEntry => ({
        type: "item",
        id: `item:${i.id}`,
        at: i.createdAt,
        item: { id: i.id, kind: i.kind, number: i.number },
        currency: i.currency.trim(),
        amount: i.amount,
        documentDate: i.documentDate,
      }),
    ),
    ...applications.map(
      (a): ActivityEntry => ({
        type: "application",
        id: `application:${a.id}`,
        at: a.createdAt,
        kind: a.kind,
        credit: a.credit,
        debit: a.debit,
        currency: a.currency.trim(),
        amount: a.amount,
        reason: a.reason,
        actorName: actorName(a.actorType, a.actorId),
      }),
    ),
    ...audits.map(
      (e): ActivityEntry => ({
        type: "audit",
        id: `audit:${e.id}`,
        at: e.at,
        action: e.action,
        facts: e.facts,
      }),
    ),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, ACTIVITY_LIMIT);

  const currency = customer.legalEntity.currency.trim();
  const related = (ref: AccountRef) => canReadCustomer(actor, ref.id);
  const [heldByInvoice, heldByCustomer, plannedByItem, plannedByCustomer, openPlans] = await Promise.all([
    inDisputeByInvoice(openRows.map((i) => i.id)),
    inDisputeByCustomer([customerId]),
    inPlanByItem(openRows.map((i) => i.id)),
    inPlanByCustomer([customerId]),
    isPortal ? [] : openPlanProgress(customerId),
  ]);
  return {
    customer: {
      id: customer.id,
      accountNumber: customer.accountNumber,
      name: customer.name,
      legalEntity: { ...customer.legalEntity, currency },
      paymentTerms: { code: customer.paymentTermsCode, days: customer.paymentTermsDays },
      creditLimit: { amount: customer.creditLimit, currency: customer.creditCurrency.trim() },
      billingAddress: customer.billingAddress,
      country: customer.country.trim(),
      riskClass: isPortal ? null : customer.riskClass,
      collector: isPortal ? null : customer.collector,
      parent: customer.parent && related(customer.parent) ? customer.parent : null,
      children: customer.children.filter(related),
    },
    contacts: customer.contacts,
    balances: primaryFirst(balances.get(customerId) ?? [], currency),
    inDispute: heldByCustomer.get(customerId) ?? [],
    inPlan: plannedByCustomer.get(customerId) ?? [],
    openPlans,
    openItems: {
      rows: openRows.map((i) => {
        const isCredit = isCreditKind(i.kind);
        return {
          id: i.id,
          kind: i.kind,
          isCredit,
          number: i.number,
          currency: i.currency.trim(),
          amount: i.amount,
          openAmount: i.openAmount,
          documentDate: i.documentDate,
          dueDate: i.dueDate,
          daysOverdue: isCredit ? 0 : daysOverdue(i.dueDate, today),
          inDispute: heldByInvoice.get(i.id)?.amount ?? 0n,
          inPlan: inPlanMark(plannedByItem, i.id),
        };
      }),
      page: input.page,
      pageSize: OPEN_ITEMS_PAGE_SIZE,
      total: openTotal,
      pageCount: Math.max(1, Math.ceil(openTotal / OPEN_ITEMS_PAGE_SIZE)),
    },
    activity,
  };
}
