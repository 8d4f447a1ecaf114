import { z } from "zod";
import type { Actor } from "../actor.ts";
import { addDays, addYears, isoDate, parseDateOnly } from "../base/dates.ts";
import { OptionalText } from "../base/search-text.ts";
import { daysOverdue, ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";
import { inDisputeByCustomer, inDisputeByInvoice } from "../disputes/in-dispute.ts";
import { DomainError } from "../errors.ts";
import { DEBIT_KINDS, isCreditKind } from "../ledger/item-kinds.ts";
import { type IssuerFacts, issuerFacts } from "../legal-entities/issuer-facts.ts";
import { sumAmounts } from "../money/money.ts";
import { type InPlanMark, inPlanByCustomer, inPlanByItem, inPlanMark } from "../plans/in-plan.ts";
import {
  type AccountFamily,
  ConsolidatedFlag,
  type FamilyAccount,
  readAccountFamily,
} from "./account-family.ts";
import {
  AGING_BUCKETS,
  type AgingBucket,
  DEFAULT_STATEMENT_DAYS,
  MAX_STATEMENT_YEARS,
  STATEMENT_PAGE_SIZE,
  STATEMENT_VIEWS,
  type StatementView,
} from "./statement-options.ts";

/** How far past today a statement may end (post-dated documents), not further. */
const MAX_DAYS_AHEAD = 366;

export const GetStatementSchema = z.object({
  // Checked by hand: a malformed id is NOT_FOUND like a foreign one, not a validation error.
  customerId: z.string().max(100),
  /** First calendar day of the period (YYYY-MM-DD); defaults to 90 days before `to`. */
  from: OptionalText(40),
  /** Last calendar day of the period; defaults to today. */
  to: OptionalText(40),
  /** ISO 4217 code; defaults to the account's legal entity's currency. Balances never mix currencies. */
  currency: OptionalText(10),
  /** Only items billed by this legal entity. */
  legalEntityId: OptionalText(100),
  /** "activity": every document in the period with a running balance; "open": what is open today. */
  view: z.string().optional().pipe(z.enum(STATEMENT_VIEWS).catch("activity")),
  /** For a parent account: include its child accounts, grouped by account (the default). */
  consolidated: ConsolidatedFlag.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type GetStatementInput = z.input<typeof GetStatementSchema>;

export interface StatementAccount {
  id: string;
  accountNumber: string;
  name: string;
  /** Balance before the period (always 0 in the open-items view). */
  opening: bigint;
  /** Σ debits (invoices, debit memos, fees) in the period, or Σ open debits. */
  debits: bigint;
  /** Σ credits (payments, credit memos) in the period, or Σ unapplied credits. */
  credits: bigint;
  /** opening + debits − credits. */
  closing: bigint;
  lineCount: number;
}

export interface StatementLine {
  id: string;
  accountId: string;
  kind: ItemKind;
  isCredit: boolean;
  number: string;
  documentDate: Date;
  dueDate: Date | null;
  reference: string | null;
  poNumber: string | null;
  /** The document's amount (positive). */
  amount: bigint;
  /** Its effect on the balance: debits positive, credits negative (open amounts in the open view). */
  signedAmount: bigint;
  /** What is still open today. */
  openAmount: bigint;
  /** The account's balance after this line. */
  balance: bigint;
  /** Days past due today, for open debits; 0 otherwise. */
  daysOverdue: number;
  /**
   * Held today by open disputes (disputes/in-dispute.ts), 0 when none; null when not asked for
   * (`lineDisputes`: the page does not show it, the downloads do).
   */
  inDispute: bigint | null;
  /** The accepted or active payment plan covering it today (plans/in-plan.ts); null when none. */
  inPlan: InPlanMark | null;
}

export interface StatementAging {
  asOf: Date;
  buckets: { bucket: AgingBucket; amount: bigint; count: number }[];
  /** Σ of the buckets: open debits as of `asOf`. */
  openDebits: bigint;
  /** Payments and credit memos not yet applied as of `asOf` (positive). */
  unappliedCredits: bigint;
  unappliedCreditCount: number;
  /** openDebits − unappliedCredits. */
  net: bigint;
  /** Of the open debits, what open disputes hold today (in this currency); shown, not collected. */
  inDispute: bigint;
  /** Of the open debits, what accepted or active payment plans cover today (in this currency). */
  inPlan: bigint;
}

export interface Statement {
  customer: AccountFamily["account"];
  /** Who bills: the filtered legal entity, else the account's, with remit-to and bank details. */
  legalEntity: IssuerFacts & { id: string; code: string; currency: string };
  view: StatementView;
  /** The period (activity view); in the open view `to` is today and `from` is unused. */
  from: Date;
  to: Date;
  today: Date;
  currency: string;
  /** Every currency the accounts have documents in, the legal entity's first. */
  currencies: string[];
  legalEntityId: string | null;
  /** Legal entities that bill these accounts, for the filter. */
  legalEntities: { id: string; code: string; name: string }[];
  /** True when child accounts are included (grouped by account, the parent first). */
  consolidated: boolean;
  /** The account has child accounts (so a consolidated view exists). */
  hasChildren: boolean;
  accounts: StatementAccount[];
  totals: { opening: bigint; debits: bigint; credits: bigint; closing: bigint };
  aging: StatementAging;
  lines: { rows: StatementLine[]; page: number; pageSize: number; total: number; pageCount: number };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEBITS = [...DEBIT_KINDS];
// Enum comparisons: casting every row's kind to text costs more than the rest of the aggregate.
const isDebitSql = Prisma.sql`i.kind = ANY(${DEBITS}::item_kind[])`;
const signedSql = (column: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${isDebitSql} THEN ${column} ELSE -${column} END`;

interface Period {
  from: Date;
  to: Date;
}

/** Defaults (the last 90 days to today) and the rules a period must follow, with clear messages. */
export function resolvePeriod(input: { from?: string; to?: string }, today: Date): Period {
  const to = input.to ? parseDateOnly(input.to, "to") : today;
  const from = input.from ? parseDateOnly(input.from, "from") : addDays(to, -DEFAULT_STATEMENT_DAYS);
  if (from > to) {
    throw new DomainError(
      "VALIDATION",
      `The start date ${isoDate(from)} is after the end date ${isoDate(to)}; swap them.`,
      { problem: "reversedRange", from: isoDate(from), to: isoDate(to) },
    );
  }
  if (from < addYears(to, -MAX_STATEMENT_YEARS)) {
    throw new DomainError(
      "VALIDATION",
      `A statement covers at most ${MAX_STATEMENT_YEARS} years; choose a later start date.`,
      { problem: "rangeTooLong", years: MAX_STATEMENT_YEARS },
    );
  }
  if (to > addDays(today, MAX_DAYS_AHEAD)) {
    throw new DomainError("VALIDATION", `The end date ${isoDate(to)} is too far in the future.`, {
      problem: "endTooFarAhead",
      to: isoDate(to),
    });
  }
  return { from, to };
}

/** An aging bucket, or "credit" for an unapplied payment or credit memo. */
type AgedAs = AgingBucket | "credit";

/**
 * The aging bucket of `open_item i` as of a day for an amount open then, in SQL: "credit" for
 * credits, else by whole days past due (not yet due, or no due date: "current").
 */
function bucketSql(asOfText: string): Prisma.Sql {
  return Prisma.sql`CASE
      WHEN NOT ${isDebitSql} THEN 'credit'
      WHEN i.due_date IS NULL OR i.due_date >= ${asOfText}::date THEN 'current'
      WHEN ${asOfText}::date - i.due_date <= 30 THEN '1-30'
      WHEN ${asOfText}::date - i.due_date <= 60 THEN '31-60'
      WHEN ${asOfText}::date - i.due_date <= 90 THEN '61-90'
      WHEN ${asOfText}::date - i.due_date <= 120 THEN '91-120'
      ELSE 'over-120' END`;
}

interface SummaryRow {
  customer_id: string;
  currency: string;
  legal_entity_id: string;
  /**
   * Where these items stand in the aging as of the day asked for: items open then (and dated by
   * then) by bucket; null for the rest, and for every item when no aging was asked for.
   */
  aged_as: AgedAs | null;
  opening: bigint;
  debits: bigint;
  credits: bigint;
  movements: number;
  open_debits: bigint;
  open_credits: bigint;
  open_count: number;
}

/**
 * Per account, currency and legal entity in one pass over the accounts' items: the balance before
 * the period, the period's debits and credits, and what is open today. The pass reads only the
 * (customer_id, currency, document_date, legal_entity_id, kind, due_date, amount, open_amount)
 * index, never the table (an index-only scan).
 *
 * With `agingAsOf` (today or later, when the cached open amounts are exact) each group is split
 * further by aging bucket as of that day, so the same pass also ages the open items: in a
 * bucket's rows every item is open, so its open amount is the row's open debits or credits and
 * its count the row's open count.
 */
function summarize(ids: string[], view: StatementView, period: Period, agingAsOf: Date | null) {
  const from = isoDate(period.from);
  const to = isoDate(period.to);
  const inPeriod = Prisma.sql`s.document_date BETWEEN ${from}::date AND ${to}::date`;
  const agedAs = agingAsOf
    ? Prisma.sql`CASE WHEN i.open_amount > 0 AND i.document_date <= ${isoDate(agingAsOf)}::date
                      THEN ${bucketSql(isoDate(agingAsOf))} END`
    : Prisma.sql`NULL::text`;
  // The open view has no period: only what is open counts (fewer sums per row to work out and
  // a smaller statement to plan).
  const periodFigures =
    view === "open"
      ? Prisma.sql`0::bigint AS opening, 0::bigint AS debits, 0::bigint AS credits, 0 AS movements`
      : Prisma.sql`COALESCE(SUM(CASE WHEN s.debit THEN s.amount ELSE -s.amount END)
                     FILTER (WHERE s.document_date < ${from}::date), 0)::bigint AS opening,
                   COALESCE(SUM(s.amount) FILTER (WHERE s.debit AND ${inPeriod}), 0)::bigint AS debits,
                   COALESCE(SUM(s.amount) FILTER (WHERE NOT s.debit AND ${inPeriod}), 0)::bigint AS credits,
                   (COUNT(*) FILTER (WHERE ${inPeriod}))::int AS movements`;
  return getDb().$queryRaw<SummaryRow[]>`
    SELECT s.customer_id::text AS customer_id, s.currency, s.legal_entity_id::text AS legal_entity_id,
           s.aged_as, ${periodFigures},
           COALESCE(SUM(s.open_amount) FILTER (WHERE s.debit), 0)::bigint AS open_debits,
           COALESCE(SUM(s.open_amount) FILTER (WHERE NOT s.debit), 0)::bigint AS open_credits,
           (COUNT(*) FILTER (WHERE s.open_amount > 0))::int AS open_count
      FROM (
        SELECT i.customer_id, i.currency, i.legal_entity_id, i.document_date, i.amount, i.open_amount,
               ${isDebitSql} AS debit, ${agedAs} AS aged_as
          FROM open_item i
         WHERE i.customer_id = ANY(${ids}::uuid[])
      ) s
     GROUP BY s.customer_id, s.currency, s.legal_entity_id, s.aged_as`;
}

interface AgingRow {
  bucket: AgedAs;
  amount: bigint;
  count: number;
}

/**
 * Open debits by days past due as of a past day `asOf`, and unapplied credits, in one currency
 * (as of today or later the summary's pass ages them). An item's open amount then is today's plus
 * what applications recorded after that day took off (minus what reversals recorded after it put
 * back).
 */
function pastAgingRows(scope: ItemScope, asOf: Date) {
  const asOfText = isoDate(asOf);
  // Applications recorded from the start of the next day on did not exist yet on `asOf`: read
  // them by account and time (their own index), each undoing its effect on both of its items.
  const cutoff = addDays(asOf, 1);
  const applied = Prisma.sql`CASE WHEN a.kind = 'APPLY'::application_kind THEN a.amount ELSE -a.amount END`;
  return getDb().$queryRaw<AgingRow[]>`
    WITH later AS (
      SELECT side.item_id, SUM(${applied}) AS delta
        FROM application a
       CROSS JOIN LATERAL (VALUES (a.debit_item_id), (a.credit_item_id)) AS side(item_id)
       WHERE a.customer_id = ANY(${scope.ids}::uuid[]) AND a.created_at >= ${cutoff}
       GROUP BY side.item_id
    ),
    then_open AS (
      SELECT i.kind, i.due_date, i.open_amount + COALESCE(l.delta, 0) AS open_then
        FROM open_item i LEFT JOIN later l ON l.item_id = i.id
       WHERE ${scopeWhere(scope)} AND i.document_date <= ${asOfText}::date
    )
    SELECT ${bucketSql(asOfText)} AS bucket, SUM(i.open_then)::bigint AS amount, COUNT(*)::int AS count
      FROM then_open i
     WHERE i.open_then > 0
     GROUP BY 1`;
}

/** The aging from the summary's rows of one currency (and legal entity), as `pastAgingRows` gives it. */
async function agingOfSummary(rows: readonly SummaryRow[]): Promise<AgingRow[]> {
  const byBucket = new Map<AgedAs, AgingRow>();
  for (const r of rows) {
    if (r.aged_as === null) continue;
    const row = byBucket.get(r.aged_as) ?? { bucket: r.aged_as, amount: 0n, count: 0 };
    row.amount += BigInt(r.open_debits) + BigInt(r.open_credits);
    row.count += r.open_count;
    byBucket.set(r.aged_as, row);
  }
  return [...byBucket.values()];
}

interface ItemScope {
  ids: string[];
  currency: string;
  legalEntityId: string | null;
}

/** Conditions on `open_item i`: these accounts, the scope's currency and legal entity. */
function scopeWhere(scope: ItemScope, ids: readonly string[] = scope.ids): Prisma.Sql {
  const entity = scope.legalEntityId
    ? Prisma.sql`AND i.legal_entity_id = ${scope.legalEntityId}::uuid`
    : Prisma.empty;
  const accounts =
    ids.length === 1
      ? Prisma.sql`i.customer_id = ${ids[0]}::uuid`
      : Prisma.sql`i.customer_id = ANY(${[...ids]}::uuid[])`;
  return Prisma.sql`${accounts} AND i.currency = ${scope.currency} ${entity}`;
}

interface LineRow {
  id: string;
  customer_id: string;
  kind: ItemKind;
  number: string;
  document_date: Date;
  due_date: Date | null;
  reference: string | null;
  po_number: string | null;
  amount: bigint;
  open_amount: bigint;
  running: bigint;
}

/**
 * One account's lines in the statement's order (date, number, id) with its running balance, from
 * `offset`, at most `limit` (all when null). With one account and currency per query the order
 * is the (customer_id, currency, document_date, ...) index's own: a page streams from the index
 * and stops after its rows, instead of sorting the whole period (a two-year statement of 15,000
 * lines: 0.7 ms instead of 66 ms for its first page). The index holds the open amount too, so the
 * open view reads the table only for the page's own open items (not the account's 5,000 open
 * items to sort them: 4 ms instead of 80 ms).
 */
function accountLines(
  scope: ItemScope,
  accountId: string,
  view: StatementView,
  period: Period,
  limit: number | null,
  offset: number,
) {
  const filter =
    view === "open"
      ? Prisma.sql`i.open_amount > 0`
      : Prisma.sql`i.document_date BETWEEN ${isoDate(period.from)}::date AND ${isoDate(period.to)}::date`;
  const effect = signedSql(view === "open" ? Prisma.sql`i.open_amount` : Prisma.sql`i.amount`);
  const page = limit === null ? Prisma.sql`OFFSET ${offset}` : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`;
  return getDb().$queryRaw<LineRow[]>`
    SELECT i.id::text AS id, i.customer_id::text AS customer_id, i.kind::text AS kind, i.number,
           i.document_date, i.due_date, i.reference, i.po_number, i.amount, i.open_amount,
           SUM(${effect}) OVER (ORDER BY i.document_date, i.number, i.id ROWS UNBOUNDED PRECEDING)::bigint AS running
      FROM open_item i
     WHERE ${scopeWhere(scope, [accountId])} AND ${filter}
     ORDER BY i.document_date, i.number, i.id
     ${page}`;
}

/**
 * The lines of statement positions [start, end) (all when `end` is null): the accounts come one
 * after another in family order, so only the accounts the range overlaps are read, each from its
 * own offset.
 */
async function lineRows(
  scope: ItemScope,
  accounts: readonly StatementAccount[],
  view: StatementView,
  period: Period,
  start: number,
  end: number | null,
): Promise<LineRow[]> {
  const rows: LineRow[] = [];
  let first = 0;
  for (const account of accounts) {
    const last = first + account.lineCount;
    const from = Math.max(start, first);
    const to = end === null ? last : Math.min(end, last);
    if (to > from) {
      const limit = end === null ? null : to - from;
      rows.push(...(await accountLines(scope, account.id, view, period, limit, from - first)));
    }
    first = last;
  }
  return rows;
}

/** Primary first, then alphabetical. */
const primaryFirst = (codes: Iterable<string>, primary: string) =>
  [...new Set([primary, ...codes])].sort((a, b) =>
    a === primary ? -1 : b === primary ? 1 : a.localeCompare(b),
  );

/**
 * A customer's statement in one currency: for a period, the opening balance, every document with
 * a running balance and the closing balance (opening + debits − credits); or, in the open view,
 * every document still open today. With an aging summary (as of the period's end, or today) and,
 * for a parent account, its child accounts grouped by account. Unreadable accounts are NOT_FOUND;
 * bad periods and filters are VALIDATION with a message that says what to change.
 *
 * `allLines` returns every line instead of one page, `lineDisputes` what open disputes hold of
 * each line (the downloads ask for both).
 */
export async function getStatement(
  rawInput: GetStatementInput,
  actor: Actor,
  options: { now?: Date; allLines?: boolean; lineDisputes?: boolean } = {},
): Promise<Statement> {
  const input = GetStatementSchema.parse(rawInput);
  const family = await readAccountFamily(actor, input.customerId);
  const today = ledgerToday(options.now);
  const view = input.view;
  const period = view === "open" ? { from: today, to: today } : resolvePeriod(input, today);
  const consolidated = family.children.length > 0 && input.consolidated !== false;
  const accounts: FamilyAccount[] = consolidated ? [family.account, ...family.children] : [family.account];
  const ids = accounts.map((a) => a.id);

  // The aging is as of the period's end (today in the open view); up to today the summary's pass
  // ages the items too, an earlier day needs the applications recorded since.
  const asOf = view === "open" ? today : period.to;
  const agedBySummary = asOf >= today;
  const summaryRows = (await summarize(ids, view, period, agedBySummary ? asOf : null)).map((r) => ({
    ...r,
    currency: r.currency.trim(),
  }));

  // Filters: a legal entity that bills these accounts, a currency they have documents in.
  const entityIds = new Set([
    ...accounts.map((a) => a.legalEntityId),
    ...summaryRows.map((r) => r.legal_entity_id),
  ]);
  let legalEntityId: string | null = null;
  if (input.legalEntityId) {
    const given = input.legalEntityId.toLowerCase();
    if (!UUID_RE.test(given) || !entityIds.has(given)) {
      throw new DomainError(
        "VALIDATION",
        "No legal entity of that id bills this account; choose one from the list.",
        { problem: "unknownLegalEntity" },
      );
    }
    legalEntityId = given;
  }
  const entities = await getDb().legalEntity.findMany({
    where: { id: { in: [...entityIds] } },
    orderBy: { name: "asc" },
  });
  const entity = entities.find((e) => e.id === (legalEntityId ?? family.account.legalEntityId));
  if (!entity) throw new DomainError("NOT_FOUND", "Customer not found.");
  const primary = entity.currency.trim();
  const inEntity = summaryRows.filter((r) => !legalEntityId || r.legal_entity_id === legalEntityId);
  const currencies = primaryFirst(
    inEntity.map((r) => r.currency),
    primary,
  );
  const currency = input.currency ? input.currency.toUpperCase() : primary;
  if (!currencies.includes(currency)) {
    const known = /^[A-Z]{3}$/.test(currency);
    throw new DomainError(
      "VALIDATION",
      known
        ? `This account has no documents in ${currency}; choose ${currencies.join(", ")}.`
        : `"${input.currency}" is not a currency code; choose ${currencies.join(", ")}.`,
      { problem: known ? "noDocumentsInCurrency" : "notACurrency", currency: input.currency, currencies },
    );
  }

  const selected = inEntity.filter((r) => r.currency === currency);
  const statementAccounts: StatementAccount[] = accounts.map((a) => {
    const rows = selected.filter((r) => r.customer_id === a.id);
    const opening = view === "open" ? 0n : sumAmounts(rows.map((r) => BigInt(r.opening)));
    const debits = sumAmounts(rows.map((r) => BigInt(view === "open" ? r.open_debits : r.debits)));
    const credits = sumAmounts(rows.map((r) => BigInt(view === "open" ? r.open_credits : r.credits)));
    return {
      id: a.id,
      accountNumber: a.accountNumber,
      name: a.name,
      opening,
      debits,
      credits,
      closing: opening + debits - credits,
      lineCount: rows.reduce((n, r) => n + (view === "open" ? r.open_count : r.movements), 0),
    };
  });
  const totals = {
    opening: sumAmounts(statementAccounts.map((a) => a.opening)),
    debits: sumAmounts(statementAccounts.map((a) => a.debits)),
    credits: sumAmounts(statementAccounts.map((a) => a.credits)),
    closing: sumAmounts(statementAccounts.map((a) => a.closing)),
  };

  const scope: ItemScope = { ids, currency, legalEntityId };
  const total = statementAccounts.reduce((n, a) => n + a.lineCount, 0);
  const pageSize = STATEMENT_PAGE_SIZE;
  const page = options.allLines ? 1 : input.page;
  const [aging, lines] = await Promise.all([
    agedBySummary ? agingOfSummary(selected) : pastAgingRows(scope, asOf),
    // Past the last page there is nothing to read; the caller says so.
    total === 0 || (page - 1) * pageSize >= total
      ? Promise.resolve([])
      : lineRows(
          scope,
          statementAccounts,
          view,
          period,
          options.allLines ? 0 : (page - 1) * pageSize,
          options.allLines ? null : page * pageSize,
        ),
  ]);

  const accountIds = statementAccounts.map((a) => a.id);
  const [heldByInvoice, heldByCustomer, plannedByItem, plannedByCustomer] = await Promise.all([
    options.lineDisputes ? inDisputeByInvoice(lines.map((r) => r.id)) : null,
    inDisputeByCustomer(accountIds),
    inPlanByItem(lines.map((r) => r.id)),
    inPlanByCustomer(accountIds),
  ]);
  const inCurrency = (byCustomer: Map<string, { currency: string; amount: bigint }[]>) =>
    sumAmounts([...byCustomer.values()].flat().flatMap((h) => (h.currency === currency ? [h.amount] : [])));
  const inDispute = inCurrency(heldByCustomer);
  const openingOf = new Map(statementAccounts.map((a) => [a.id, a.opening]));
  const bucketAmount = (b: string) => aging.find((r) => r.bucket === b);
  const buckets = AGING_BUCKETS.map((bucket) => ({
    bucket,
    amount: BigInt(bucketAmount(bucket)?.amount ?? 0n),
    count: bucketAmount(bucket)?.count ?? 0,
  }));
  const openDebits = sumAmounts(buckets.map((b) => b.amount));
  const unappliedCredits = BigInt(bucketAmount("credit")?.amount ?? 0n);

  return {
    customer: family.account,
    legalEntity: { id: entity.id, code: entity.code, currency: primary, ...issuerFacts(entity) },
    view,
    from: period.from,
    to: period.to,
    today,
    currency,
    currencies,
    legalEntityId,
    legalEntities: entities.map((e) => ({ id: e.id, code: e.code, name: e.name })),
    consolidated,
    hasChildren: family.children.length > 0,
    accounts: statementAccounts,
    totals,
    aging: {
      asOf,
      buckets,
      openDebits,
      unappliedCredits,
      unappliedCreditCount: bucketAmount("credit")?.count ?? 0,
      net: openDebits - unappliedCredits,
      inDispute,
      inPlan: inCurrency(plannedByCustomer),
    },
    lines: {
      rows: lines.map((r) => {
        const isCredit = isCreditKind(r.kind);
        const amount = BigInt(r.amount);
        const openAmount = BigInt(r.open_amount);
        const effect = view === "open" ? openAmount : amount;
        return {
          id: r.id,
          accountId: r.customer_id,
          kind: r.kind,
          isCredit,
          number: r.number,
          documentDate: r.document_date,
          dueDate: r.due_date,
          reference: r.reference,
          poNumber: r.po_number,
          amount,
          signedAmount: isCredit ? -effect : effect,
          openAmount,
          balance: (openingOf.get(r.customer_id) ?? 0n) + BigInt(r.running),
          daysOverdue: !isCredit && openAmount > 0n ? daysOverdue(r.due_date, today) : 0,
          inDispute: heldByInvoice ? (heldByInvoice.get(r.id)?.amount ?? 0n) : null,
          inPlan: inPlanMark(plannedByItem, r.id),
        };
      }),
      page,
      pageSize: options.allLines ? total : pageSize,
      total,
      pageCount: options.allLines ? 1 : Math.max(1, Math.ceil(total / pageSize)),
    },
  };
}
