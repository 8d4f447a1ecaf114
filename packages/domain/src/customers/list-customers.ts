import { z } from "zod";
import { type Actor, readableCustomers } from "../actor.ts";
import { likeContains, SearchText } from "../base/search-text.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { DEBIT_KINDS } from "../ledger/item-kinds.ts";
import { balancesByCustomer, type CurrencyBalance, ledgerToday, primaryFirst } from "./account-balances.ts";

export const CUSTOMER_SORTS = ["name", "account", "balance", "overdue"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export const CUSTOMERS_PAGE_SIZE = 25;

// URL parameters are hand-editable: nonsense falls back to the default instead of an error page.
export const ListCustomersSchema = z.object({
  q: SearchText(100),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  sort: z.string().optional().pipe(z.enum(CUSTOMER_SORTS).catch("name")),
  dir: z
    .string()
    .optional()
    .pipe(z.enum(["asc", "desc"]).catch("asc")),
});
export type ListCustomersInput = z.input<typeof ListCustomersSchema>;

export interface CustomerListRow {
  id: string;
  accountNumber: string;
  name: string;
  legalEntity: { code: string; name: string };
  /** The legal entity's currency: `balance` and `overdue` are in it, and sorting uses them. */
  currency: string;
  balance: bigint;
  overdue: bigint;
  /** Every currency with open items, the account's own first. */
  balances: CurrencyBalance[];
  collector: { id: string; name: string } | null;
}

export interface CustomerListPage {
  rows: CustomerListRow[];
  q: string;
  sort: CustomerSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** `%`, `_` and `\` typed in the search box are matched literally. */

interface PageRow {
  total: number;
  id: string | null;
  account_number: string | null;
  name: string | null;
  legal_entity_code: string | null;
  legal_entity_name: string | null;
  currency: string | null;
  collector_id: string | null;
  collector_name: string | null;
}

/**
 * The customer list: search by name or account number, sort, page. One statement filters, counts,
 * sorts and pages the customers; a second aggregates open items for just that page's customers.
 * Sorting by balance or overdue aggregates each filtered customer's open items in its own
 * currency (`open_amount > 0` on the (customer_id, open_amount) index), never the settled history.
 * A page past the end returns no rows with the real `pageCount`, for the caller to say so.
 */
export async function listCustomers(rawInput: ListCustomersInput, actor: Actor): Promise<CustomerListPage> {
  const input = ListCustomersSchema.parse(rawInput);
  const q = input.q ?? "";
  const pageSize = CUSTOMERS_PAGE_SIZE;
  const today = ledgerToday();
  const scope = readableCustomers(actor);

  const conditions: Prisma.Sql[] = [];
  if (scope !== "all") conditions.push(Prisma.sql`c.id = ANY(${scope}::uuid[])`);
  if (q) {
    const pattern = likeContains(q);
    conditions.push(Prisma.sql`(c.name ILIKE ${pattern} OR c.account_number ILIKE ${pattern})`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  // Only these fixed fragments reach ORDER BY; the direction comes from a closed enum.
  const dir = Prisma.raw(input.dir === "desc" ? "DESC" : "ASC");
  const byKey =
    input.sort === "account"
      ? Prisma.sql`f.account_number ${dir}`
      : input.sort === "name"
        ? Prisma.sql`f.name ${dir}, f.account_number ${dir}`
        : Prisma.sql`k.sort_value ${dir}, f.name ASC, f.account_number ASC`;
  const sortValue =
    input.sort === "balance"
      ? Prisma.sql`SUM(CASE WHEN oi.kind::text = ANY(${[...DEBIT_KINDS]}::text[]) THEN oi.open_amount ELSE -oi.open_amount END)`
      : Prisma.sql`SUM(oi.open_amount) FILTER (
          WHERE oi.kind::text = ANY(${[...DEBIT_KINDS]}::text[]) AND oi.due_date < ${today.toISOString().slice(0, 10)}::date)`;
  const sortJoin =
    input.sort === "balance" || input.sort === "overdue"
      ? Prisma.sql`LEFT JOIN LATERAL (
          SELECT COALESCE(${sortValue}, 0) AS sort_value
            FROM open_item oi
           WHERE oi.customer_id = f.id AND oi.currency = f.currency AND oi.open_amount > 0
        ) k ON true`
      : Prisma.empty;

  const rows = await getDb().$queryRaw<PageRow[]>`
    WITH filtered AS (
      SELECT c.id, c.name, c.account_number, c.legal_entity_id, c.collector_id, le.currency
        FROM customer c
        JOIN legal_entity le ON le.id = c.legal_entity_id
      ${where}
    ),
    paged AS (
      SELECT f.*, row_number() OVER (ORDER BY ${byKey}, f.id) AS position
        FROM filtered f
      ${sortJoin}
       ORDER BY ${byKey}, f.id
       LIMIT ${pageSize} OFFSET ${(input.page - 1) * pageSize}
    )
    SELECT t.total, p.id, p.account_number, p.name, p.currency,
           le.code AS legal_entity_code, le.name AS legal_entity_name,
           s.id AS collector_id, s.name AS collector_name
      FROM (SELECT count(*)::int AS total FROM filtered) t
      LEFT JOIN paged p ON true
      LEFT JOIN legal_entity le ON le.id = p.legal_entity_id
      LEFT JOIN staff_user s ON s.id = p.collector_id
     ORDER BY p.position`;

  const total = rows[0]?.total ?? 0;
  const pageRows = rows.filter((r): r is PageRow & { id: string } => r.id !== null);
  const balances = await balancesByCustomer(
    pageRows.map((r) => r.id),
    { today },
  );

  return {
    rows: pageRows.map((r) => {
      const currency = (r.currency ?? "").trim();
      const all = primaryFirst(balances.get(r.id) ?? [], currency);
      const own = all[0];
      return {
        id: r.id,
        accountNumber: r.account_number ?? "",
        name: r.name ?? "",
        legalEntity: { code: r.legal_entity_code ?? "", name: r.legal_entity_name ?? "" },
        currency,
        balance: own?.balance ?? 0n,
        overdue: own?.overdue ?? 0n,
        balances: all,
        collector: r.collector_id ? { id: r.collector_id, name: r.collector_name ?? "" } : null,
      };
    }),
    q,
    sort: input.sort,
    dir: input.dir,
    page: input.page,
    pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
