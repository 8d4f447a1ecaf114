import { z } from "zod";
import type { PortalActor, PortalRole } from "../actor.ts";
import {
  type ActivityFacts,
  AUDIT_ROW_SELECT,
  CUSTOMER_ACTIONS,
  customerSees,
  withActivityFacts,
} from "../audit/activity-facts.ts";
import { isoDate } from "../base/dates.ts";
import {
  assertReadableCustomerId,
  balancesByCustomer,
  type CurrencyBalance,
  daysOverdue,
  ledgerToday,
  primaryFirst,
} from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";
import { type CustomerInDispute, inDisputeByCustomer } from "../disputes/in-dispute.ts";
import { DomainError } from "../errors.ts";
import { CREDIT_KINDS, DEBIT_KINDS } from "../ledger/item-kinds.ts";
import type { IssuerFacts } from "../legal-entities/issuer-facts.ts";

// Any string: a malformed id must become NOT_FOUND like a foreign one, not a validation error.
export const GetPortalHomeSchema = z.object({ customerId: z.string().max(100) });
export type GetPortalHomeInput = z.input<typeof GetPortalHomeSchema>;

/** How many open items the home page lists (the full list is the statement's job). */
export const HOME_ITEM_LIMIT = 8;

export type OpenItemStatus = "OPEN" | "PARTIALLY_PAID" | "OVERDUE";

export interface PortalOpenItem {
  id: string;
  kind: ItemKind;
  number: string;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  documentDate: Date;
  dueDate: Date | null;
  /** 0 when not yet due. */
  daysOverdue: number;
  /** Overdue wins over partially paid; `partiallyPaid` tells both apart when it is overdue. */
  status: OpenItemStatus;
  partiallyPaid: boolean;
}

export interface PortalCredit {
  id: string;
  kind: ItemKind;
  number: string;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  documentDate: Date;
  reference: string | null;
}

export interface PortalHome {
  customer: {
    id: string;
    name: string;
    accountNumber: string;
    paymentTermsCode: string;
    paymentTermsDays: number;
    /** The legal entity's currency, listed first. */
    currency: string;
  };
  role: PortalRole;
  /** The calendar day the figures are computed for (UTC). */
  today: Date;
  balances: CurrencyBalance[];
  /** What open disputes hold, per currency (disputes/in-dispute.ts). */
  inDispute: CustomerInDispute[];
  openInvoiceCount: number;
  overdueInvoiceCount: number;
  /** Open invoices, debit memos and fees, the longest overdue first. */
  oldestOpenItems: PortalOpenItem[];
  /** Payments and credit memos not yet applied to anything. */
  unappliedCredits: PortalCredit[];
  unappliedCreditCount: number;
  /** Where and how to pay: the customer's legal entity. */
  payTo: Omit<IssuerFacts, "name" | "taxId"> & { legalEntityName: string };
  /** The account's latest events the customer may see (customerSees), newest first. */
  activity: { id: string; at: Date; facts: ActivityFacts }[];
}

/** How many events the home page shows. */
export const HOME_ACTIVITY_LIMIT = 8;

/** The latest events of the account its portal users may read, as facts without staff names. */
async function customerActivity(customerId: string) {
  const rows = await getDb().auditEvent.findMany({
    where: { customerId, action: { in: CUSTOMER_ACTIONS } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    // Some of them may be internal (a note's attachments): read a few more than are shown.
    take: HOME_ACTIVITY_LIMIT * 2,
    select: { id: true, at: true, ...AUDIT_ROW_SELECT },
  });
  const seen = await withActivityFacts(rows.filter(customerSees).slice(0, HOME_ACTIVITY_LIMIT), "portal");
  return seen.map((e) => ({ id: String(e.id), at: e.at, facts: e.facts }));
}

/**
 * The portal's account home: balances and overdue per currency, the oldest open items, unapplied
 * credits and payment instructions. An account the portal user is not a member of, or a malformed
 * id, is NOT_FOUND.
 */
/** Open and overdue invoices and unapplied credits in one index-only pass (ADR 020). */
async function openCounts(customerId: string, today: Date) {
  const [row] = await getDb().$queryRaw<
    { open_invoices: number; overdue_invoices: number; unapplied_credits: number }[]
  >`
    SELECT (COUNT(*) FILTER (WHERE kind = 'INVOICE'::item_kind))::int AS open_invoices,
           (COUNT(*) FILTER (WHERE kind = 'INVOICE'::item_kind AND due_date < ${isoDate(today)}::date))::int
             AS overdue_invoices,
           (COUNT(*) FILTER (WHERE kind = ANY(${[...CREDIT_KINDS]}::item_kind[])))::int AS unapplied_credits
      FROM open_item
     WHERE customer_id = ${customerId}::uuid AND open_amount > 0`;
  return row ?? { open_invoices: 0, overdue_invoices: 0, unapplied_credits: 0 };
}

export async function getPortalHome(
  rawInput: GetPortalHomeInput,
  actor: PortalActor,
  options: { now?: Date } = {},
): Promise<PortalHome> {
  const { customerId: given } = GetPortalHomeSchema.parse(rawInput);
  assertReadableCustomerId(actor, given);
  const customerId = given.toLowerCase();
  const role = actor.memberships.find((m) => m.customerId === customerId)?.role;
  if (!role) throw new DomainError("NOT_FOUND", "Customer not found.");
  const today = ledgerToday(options.now);
  const db = getDb();
  const openDebit = { customerId, kind: { in: [...DEBIT_KINDS] }, openAmount: { gt: 0n } };

  const [customer, balances, counts, held, items, credits, activity] = await Promise.all([
    db.customer.findUnique({
      where: { id: customerId },
      select: {
        id: true,
        name: true,
        accountNumber: true,
        paymentTermsCode: true,
        paymentTermsDays: true,
        legalEntity: {
          select: {
            name: true,
            currency: true,
            remitToName: true,
            remitToAddress: true,
            bankName: true,
            bankAccountName: true,
            bankAccount: true,
            bankRouting: true,
            iban: true,
            swift: true,
          },
        },
      },
    }),
    balancesByCustomer([customerId], { today }),
    openCounts(customerId, today),
    inDisputeByCustomer([customerId]),
    db.openItem.findMany({
      where: openDebit,
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { documentDate: "asc" }, { number: "asc" }],
      take: HOME_ITEM_LIMIT,
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
      where: { customerId, kind: { in: [...CREDIT_KINDS] }, openAmount: { gt: 0n } },
      orderBy: [{ documentDate: "asc" }, { number: "asc" }],
      take: HOME_ITEM_LIMIT,
      select: {
        id: true,
        kind: true,
        number: true,
        currency: true,
        amount: true,
        openAmount: true,
        documentDate: true,
        reference: true,
      },
    }),
    customerActivity(customerId),
  ]);
  if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");
  const entity = customer.legalEntity;
  const currency = entity.currency.trim();

  return {
    customer: {
      id: customer.id,
      name: customer.name,
      accountNumber: customer.accountNumber,
      paymentTermsCode: customer.paymentTermsCode,
      paymentTermsDays: customer.paymentTermsDays,
      currency,
    },
    role,
    today,
    balances: primaryFirst(balances.get(customerId) ?? [], currency),
    inDispute: held.get(customerId) ?? [],
    openInvoiceCount: counts.open_invoices,
    overdueInvoiceCount: counts.overdue_invoices,
    oldestOpenItems: items.map((item) => {
      const overdueDays = daysOverdue(item.dueDate, today);
      const partiallyPaid = item.openAmount < item.amount;
      return {
        ...item,
        currency: item.currency.trim(),
        daysOverdue: overdueDays,
        partiallyPaid,
        status: overdueDays > 0 ? "OVERDUE" : partiallyPaid ? "PARTIALLY_PAID" : "OPEN",
      };
    }),
    unappliedCredits: credits.map((c) => ({ ...c, currency: c.currency.trim() })),
    unappliedCreditCount: counts.unapplied_credits,
    payTo: {
      legalEntityName: entity.name,
      remitToName: entity.remitToName,
      remitToAddress: entity.remitToAddress,
      bankName: entity.bankName,
      bankAccountName: entity.bankAccountName,
      bankAccount: entity.bankAccount,
      bankRouting: entity.bankRouting,
      iban: entity.iban,
      swift: entity.swift,
    },
    activity,
  };
}
