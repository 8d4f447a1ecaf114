import { z } from "zod";
import type { Actor } from "../actor.ts";
import { isoDate, parseDateOnly } from "../base/dates.ts";
import { likeContains, OptionalText } from "../base/search-text.ts";
import { assertReadableCustomerId, ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";
import { inDisputeByInvoice, openDisputeExistsSql } from "../disputes/in-dispute.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "../ledger/item-kinds.ts";
import { parseTypedAmount } from "../money/typed-amount.ts";
import { type InPlanMark, inOpenPlanSql, inPlanByItem, inPlanMark } from "../plans/in-plan.ts";
import { ConsolidatedFlag, type FamilyAccount, readAccountFamily } from "../statements/account-family.ts";
import {
  INVOICE_FILTERS,
  INVOICE_SORTS,
  INVOICES_PAGE_SIZE,
  type InvoiceFilter,
  type InvoiceSort,
} from "./invoice-list-options.ts";
import { type InvoiceStatus, invoiceStatus } from "./invoice-status.ts";

/** Most rows one export returns (a customer's whole history fits many times over). */
export const INVOICE_EXPORT_LIMIT = 100_000;

// Sorting and paging are hand-editable URL values: nonsense falls back to the default. Filters
// change what is shown, so an unknown one is an error that says what is allowed.
export const ListInvoicesSchema = z.object({
  // Checked by hand: a malformed id is NOT_FOUND like a foreign one.
  customerId: z.string().max(100),
  /** An invoice number, a PO number (both: any part of it) or an exact amount ("1234.50"). */
  q: OptionalText(100),
  status: OptionalText(40).pipe(
    z
      .enum(INVOICE_FILTERS, {
        error: () => `Unknown status filter; use one of ${INVOICE_FILTERS.join(", ")}.`,
      })
      .optional(),
  ),
  /** Due-date range, YYYY-MM-DD, both ends included. */
  dueFrom: OptionalText(40),
  dueTo: OptionalText(40),
  overdueOnly: z
    .union([
      z.boolean(),
      z.string().transform((v) => ["1", "true", "on", "yes"].includes(v.trim().toLowerCase())),
    ])
    .optional()
    .catch(undefined),
  sort: z.string().optional().pipe(z.enum(INVOICE_SORTS).catch("date")),
  dir: z
    .string()
    .optional()
    .pipe(z.enum(["asc", "desc"]).catch("desc")),
  /** For a parent account: include its child accounts' documents (the default), as the statement does. */
  consolidated: ConsolidatedFlag.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type ListInvoicesInput = z.input<typeof ListInvoicesSchema>;

/** The account a document belongs to (the parent's own or one of its child accounts). */
export type InvoiceAccount = Pick<FamilyAccount, "id" | "accountNumber" | "name">;

export interface InvoiceListRow {
  id: string;
  account: InvoiceAccount;
  kind: ItemKind;
  number: string;
  poNumber: string | null;
  documentDate: Date;
  dueDate: Date | null;
  currency: string;
  amount: bigint;
  openAmount: bigint;
  status: InvoiceStatus;
  /** Held by open disputes (at most the open amount), with the disputes; null when none. */
  inDispute: { amount: bigint; disputes: { id: string; number: number }[] } | null;
  /** The accepted or active payment plan covering it, with its next instalment; null when none. */
  inPlan: InPlanMark | null;
}

export interface InvoiceList {
  customer: { id: string; name: string; accountNumber: string; currency: string };
  /** True when the child accounts' documents are included (each row names its account). */
  consolidated: boolean;
  /** The account has child accounts (so a consolidated view exists). */
  hasChildren: boolean;
  /** The accounts listed: the account itself first, then its children when consolidated. */
  accounts: InvoiceAccount[];
  today: Date;
  rows: InvoiceListRow[];
  /** The filters as understood, for the form and links. */
  filters: {
    q: string;
    status: InvoiceFilter | null;
    dueFrom: Date | null;
    dueTo: Date | null;
    overdueOnly: boolean;
    /** The search also matched amounts equal to this (minor units of the account's currency). */
    amount: bigint | null;
  };
  sort: InvoiceSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
  /** Count, amount and open amount of every matching document, per currency. */
  totals: { currency: string; count: number; amount: bigint; openAmount: bigint }[];
}

/** `%`, `_` and `\` typed in the search box are matched literally. */

/**
 * A search typed as an amount of `currency` the way the reader writes amounts ("1,234.50" in
 * English, "1.234,50" in Portuguese: the parser of every money field), or null when it is not one.
 */
export function searchAmount(q: string, currency: string, locale = "en"): bigint | null {
  if (!/\d/.test(q)) return null;
  try {
    const amount = parseTypedAmount(q, currency, locale);
    return amount > 0n ? amount : null;
  } catch {
    return null;
  }
}

/**
 * For a settled document: how many active applications (no reversal points at them) cleared it,
 * and how many of those came from something other than a credit memo. A LATERAL aggregate is
 * probed per row through the (debit_item_id) index and skipped for open rows; a plain EXISTS is
 * turned by the planner into a hash over every application and credit item in the database.
 */
const clearingJoin = Prisma.sql`LEFT JOIN LATERAL (
    SELECT COUNT(*) AS active,
           COUNT(*) FILTER (WHERE c.kind <> 'CREDIT_MEMO'::item_kind) AS not_by_credit_memo
      FROM application a JOIN open_item c ON c.id = a.credit_item_id
     WHERE i.open_amount = 0 AND a.debit_item_id = i.id AND a.kind = 'APPLY'::application_kind
       AND NOT EXISTS (SELECT 1 FROM application r WHERE r.reverses_id = a.id)
  ) cl ON true`;
/** Nothing open, cleared by credit memos only. */
const creditedSql = Prisma.sql`(i.open_amount = 0 AND cl.active > 0 AND cl.not_by_credit_memo = 0)`;

interface Row {
  id: string;
  customer_id: string;
  kind: ItemKind;
  number: string;
  po_number: string | null;
  document_date: Date;
  due_date: Date | null;
  currency: string;
  amount: bigint;
  open_amount: bigint;
  credited: boolean;
}

/**
 * A customer's invoices, debit memos and fees: search, filters, sorting, a page of 25. For a
 * parent account also its child accounts' (readAccountFamily's rule; `consolidated: false` for
 * the parent's own), each row naming its account, with filters, sorting, totals and paging across
 * them. Reads only the accounts' debit rows (the (customer_id, …) indexes), counts them in the
 * same pass as the totals, and sorts with the id as the tie-breaker so pages never overlap. A page
 * past the end is an empty page with the real total and page count, for the caller to say so.
 * Unreadable customers are NOT_FOUND; impossible filters are VALIDATION.
 *
 * `all` returns every matching row (exports) instead of a page.
 */
export async function listInvoices(
  rawInput: ListInvoicesInput,
  actor: Actor,
  options: { now?: Date; all?: boolean; locale?: string } = {},
): Promise<InvoiceList> {
  // Scope first: another account's list is NOT_FOUND whatever its filters say.
  assertReadableCustomerId(actor, typeof rawInput.customerId === "string" ? rawInput.customerId : "");
  const parsed = ListInvoicesSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "The filters are not valid.", {
      problem: issue?.path[0] === "status" ? "unknownStatus" : "invalidFilter",
      statuses: [...INVOICE_FILTERS],
    });
  }
  const input = parsed.data;
  const today = ledgerToday(options.now);
  const dueFrom = input.dueFrom ? parseDateOnly(input.dueFrom, "dueFrom") : null;
  const dueTo = input.dueTo ? parseDateOnly(input.dueTo, "dueTo") : null;
  if (dueFrom && dueTo && dueFrom > dueTo) {
    throw new DomainError(
      "VALIDATION",
      `The due-from date ${isoDate(dueFrom)} is after the due-to date ${isoDate(dueTo)}; swap them.`,
      { problem: "reversedDueRange", from: isoDate(dueFrom), to: isoDate(dueTo) },
    );
  }

  const family = await readAccountFamily(actor, input.customerId);
  const consolidated = family.children.length > 0 && input.consolidated !== false;
  const accounts: InvoiceAccount[] = (
    consolidated ? [family.account, ...family.children] : [family.account]
  ).map((a) => ({ id: a.id, accountNumber: a.accountNumber, name: a.name }));
  const ids = accounts.map((a) => a.id);
  const currency = family.account.currency;

  const q = input.q ?? "";
  const amount = q ? searchAmount(q, currency, options.locale) : null;
  const todayText = isoDate(today);
  const conditions: Prisma.Sql[] = [Prisma.sql`i.kind = ANY(${[...BILLED_KINDS]}::item_kind[])`];
  if (q) {
    const pattern = likeContains(q);
    const byAmount =
      amount === null
        ? Prisma.empty
        : Prisma.sql`OR (i.currency = ${currency} AND (i.amount = ${amount} OR i.open_amount = ${amount}))`;
    conditions.push(Prisma.sql`(i.number ILIKE ${pattern} OR i.po_number ILIKE ${pattern} ${byAmount})`);
  }
  if (dueFrom) conditions.push(Prisma.sql`i.due_date >= ${isoDate(dueFrom)}::date`);
  if (dueTo) conditions.push(Prisma.sql`i.due_date <= ${isoDate(dueTo)}::date`);
  if (input.overdueOnly) conditions.push(Prisma.sql`i.open_amount > 0 AND i.due_date < ${todayText}::date`);
  let needsClearing = false;
  switch (input.status) {
    case "open":
      conditions.push(Prisma.sql`i.open_amount > 0`);
      break;
    case "partially_paid":
      conditions.push(Prisma.sql`i.open_amount > 0 AND i.open_amount < i.amount`);
      break;
    case "overdue":
      conditions.push(Prisma.sql`i.open_amount > 0 AND i.due_date < ${todayText}::date`);
      break;
    case "paid":
      conditions.push(Prisma.sql`i.open_amount = 0 AND NOT ${creditedSql}`);
      needsClearing = true;
      break;
    case "credited":
      conditions.push(creditedSql);
      needsClearing = true;
      break;
    case "disputed":
      conditions.push(openDisputeExistsSql(Prisma.sql`i.id`));
      break;
    case "in_plan":
      conditions.push(inOpenPlanSql(Prisma.sql`i.id`));
      break;
    case undefined:
      break;
  }
  const filters = Prisma.join(conditions, " AND ");
  // One account: equality, as the indexes lead with it. Several (a consolidated family): the
  // totals read them all at once like the statement's summary.
  const where =
    ids.length === 1
      ? Prisma.sql`i.customer_id = ${ids[0]}::uuid AND ${filters}`
      : Prisma.sql`i.customer_id = ANY(${ids}::uuid[]) AND ${filters}`;
  const from = needsClearing ? Prisma.sql`open_item i ${clearingJoin}` : Prisma.sql`open_item i`;

  // Only fixed fragments reach ORDER BY; the direction comes from a closed enum.
  const dir = Prisma.raw(input.dir === "asc" ? "ASC" : "DESC");
  const nulls = Prisma.raw(input.dir === "asc" ? "NULLS LAST" : "NULLS FIRST");
  const orderBy = {
    number: Prisma.sql`i.number ${dir}`,
    date: Prisma.sql`i.document_date ${dir}, i.number ${dir}`,
    due: Prisma.sql`i.due_date ${dir} ${nulls}, i.number ${dir}`,
    amount: Prisma.sql`i.amount ${dir}, i.number ${dir}`,
    open: Prisma.sql`i.open_amount ${dir}, i.number ${dir}`,
  }[input.sort];
  const pageSize = options.all ? INVOICE_EXPORT_LIMIT : INVOICES_PAGE_SIZE;
  const page = options.all ? 1 : input.page;
  const offset = (page - 1) * pageSize;
  // Several accounts: each account's first offset + pageSize rows in the page's order (read from
  // its own (customer_id, …) index, as for one account), then those merged, rather than sorting
  // every matching row of the family.
  const pageRows =
    ids.length === 1
      ? Prisma.sql`SELECT i.* FROM ${from}
           WHERE ${where}
           ORDER BY ${orderBy}, i.id ${dir}
           LIMIT ${pageSize} OFFSET ${offset}`
      : Prisma.sql`SELECT i.* FROM unnest(${ids}::uuid[]) AS account(id)
           CROSS JOIN LATERAL (
             SELECT i.* FROM ${from}
              WHERE i.customer_id = account.id AND ${filters}
              ORDER BY ${orderBy}, i.id ${dir}
              LIMIT ${offset + pageSize}
           ) i
           ORDER BY ${orderBy}, i.id ${dir}
           LIMIT ${pageSize} OFFSET ${offset}`;

  const [totalsRows, rows] = await Promise.all([
    getDb().$queryRaw<{ currency: string; count: number; amount: bigint; open_amount: bigint }[]>`
      SELECT i.currency, COUNT(*)::int AS count, SUM(i.amount)::bigint AS amount,
             SUM(i.open_amount)::bigint AS open_amount
        FROM ${from}
       WHERE ${where}
       GROUP BY i.currency`,
    getDb().$queryRaw<Row[]>`
      SELECT i.id::text AS id, i.customer_id::text AS customer_id, i.kind::text AS kind, i.number,
             i.po_number, i.document_date, i.due_date, i.currency, i.amount, i.open_amount,
             ${creditedSql} AS credited
        FROM (${pageRows}) i
        ${clearingJoin}
       ORDER BY ${orderBy}, i.id ${dir}`,
  ]);

  const totals = totalsRows
    .map((t) => ({
      currency: t.currency.trim(),
      count: t.count,
      amount: BigInt(t.amount),
      openAmount: BigInt(t.open_amount),
    }))
    .sort((a, b) =>
      a.currency === currency ? -1 : b.currency === currency ? 1 : a.currency.localeCompare(b.currency),
    );
  const total = totals.reduce((n, t) => n + t.count, 0);
  const [held, planned] = await Promise.all([
    inDisputeByInvoice(rows.map((r) => r.id)),
    inPlanByItem(rows.map((r) => r.id)),
  ]);
  const heldOf = (id: string) => {
    const h = held.get(id);
    return h ? { amount: h.amount, disputes: h.disputes } : null;
  };
  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const { id, name, accountNumber } = family.account;
  return {
    customer: { id, name, accountNumber, currency },
    consolidated,
    hasChildren: family.children.length > 0,
    accounts,
    today,
    rows: rows.map((r) => {
      const amount = BigInt(r.amount);
      const openAmount = BigInt(r.open_amount);
      return {
        id: r.id,
        account: accountOf.get(r.customer_id)!,
        kind: r.kind,
        number: r.number,
        poNumber: r.po_number,
        documentDate: r.document_date,
        dueDate: r.due_date,
        currency: r.currency.trim(),
        amount,
        openAmount,
        status: invoiceStatus({
          amount,
          openAmount,
          dueDate: r.due_date,
          today,
          clearedByCreditMemosOnly: r.credited,
        }),
        inDispute: heldOf(r.id),
        inPlan: inPlanMark(planned, r.id),
      };
    }),
    filters: {
      q,
      status: input.status ?? null,
      dueFrom,
      dueTo,
      overdueOnly: input.overdueOnly ?? false,
      amount,
    },
    sort: input.sort,
    dir: input.dir,
    page,
    pageSize: options.all ? total : INVOICES_PAGE_SIZE,
    total,
    pageCount: options.all ? 1 : Math.max(1, Math.ceil(total / INVOICES_PAGE_SIZE)),
    totals,
  };
}
