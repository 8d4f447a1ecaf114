import { z } from "zod";
import { type Actor, readableCustomers } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { inDisputeByCurrency } from "../disputes/in-dispute.ts";
import { DEBIT_KINDS } from "../ledger/item-kinds.ts";
import { ledgerToday } from "./account-balances.ts";

export const GetPortfolioSummarySchema = z.object({
  /** How many of the most overdue accounts to list. */
  top: z.coerce.number().int().min(1).max(50).default(5),
});
export type GetPortfolioSummaryInput = z.input<typeof GetPortfolioSummarySchema>;

/** Open debits by how long past due, in one currency. Amounts are minor units. */
export interface AgingBuckets {
  current: bigint;
  days1to30: bigint;
  days31to60: bigint;
  days61to90: bigint;
  over90: bigint;
}

export interface CurrencySummary {
  currency: string;
  /** Σ open debits − Σ open credits. */
  balance: bigint;
  overdue: bigint;
  aging: AgingBuckets;
  /** Accounts with anything open in this currency, and those with something overdue. */
  accounts: number;
  accountsOverdue: number;
  /** Of the open debits, what open disputes hold (disputes/in-dispute.ts). */
  inDispute: bigint;
}

export interface OverdueAccount {
  id: string;
  accountNumber: string;
  name: string;
  currency: string;
  overdue: bigint;
  oldestDueDate: Date;
}

export interface PortfolioSummary {
  customers: number;
  currencies: CurrencySummary[];
  /** The accounts with the largest overdue amount in their own currency. */
  mostOverdue: OverdueAccount[];
}

/**
 * The receivables book at a glance (the back office's home page): totals and aging per currency
 * and the most overdue accounts. Reads open items only (`open_amount > 0`), scoped to the actor.
 */
export async function getPortfolioSummary(
  rawInput: GetPortfolioSummaryInput,
  actor: Actor,
  options: { today?: Date } = {},
): Promise<PortfolioSummary> {
  const { top } = GetPortfolioSummarySchema.parse(rawInput);
  const today = (options.today ?? ledgerToday()).toISOString().slice(0, 10);
  const scope = readableCustomers(actor);
  const itemScope = scope === "all" ? Prisma.empty : Prisma.sql`AND oi.customer_id = ANY(${scope}::uuid[])`;
  const customerScope = scope === "all" ? Prisma.empty : Prisma.sql`WHERE c.id = ANY(${scope}::uuid[])`;
  const debit = Prisma.sql`oi.kind::text = ANY(${[...DEBIT_KINDS]}::text[])`;
  const late = (from: number, to?: number) =>
    to === undefined
      ? Prisma.sql`${debit} AND oi.due_date < ${today}::date - ${from - 1}::int`
      : Prisma.sql`${debit} AND oi.due_date < ${today}::date - ${from - 1}::int AND oi.due_date >= ${today}::date - ${to}::int`;
  const db = getDb();

  const [currencyRows, overdueRows, customerCount, held] = await Promise.all([
    db.$queryRaw<
      {
        currency: string;
        balance: bigint;
        overdue: bigint;
        current: bigint;
        d1: bigint;
        d31: bigint;
        d61: bigint;
        d91: bigint;
        accounts: number;
        accounts_overdue: number;
      }[]
    >`
      SELECT oi.currency,
             COALESCE(SUM(CASE WHEN ${debit} THEN oi.open_amount ELSE -oi.open_amount END), 0)::bigint AS balance,
             COALESCE(SUM(oi.open_amount) FILTER (WHERE ${late(1)}), 0)::bigint AS overdue,
             COALESCE(SUM(oi.open_amount) FILTER (
               WHERE ${debit} AND (oi.due_date IS NULL OR oi.due_date >= ${today}::date)), 0)::bigint AS current,
             COALESCE(SUM(oi.open_amount) FILTER (WHERE ${late(1, 30)}), 0)::bigint AS d1,
             COALESCE(SUM(oi.open_amount) FILTER (WHERE ${late(31, 60)}), 0)::bigint AS d31,
             COALESCE(SUM(oi.open_amount) FILTER (WHERE ${late(61, 90)}), 0)::bigint AS d61,
             COALESCE(SUM(oi.open_amount) FILTER (WHERE ${late(91)}), 0)::bigint AS d91,
             COUNT(DISTINCT oi.customer_id)::int AS accounts,
             COUNT(DISTINCT oi.customer_id) FILTER (WHERE ${late(1)})::int AS accounts_overdue
        FROM open_item oi
       WHERE oi.open_amount > 0 ${itemScope}
       GROUP BY oi.currency
       ORDER BY oi.currency`,
    db.$queryRaw<
      { id: string; account_number: string; name: string; currency: string; overdue: bigint; oldest: Date }[]
    >`
      SELECT c.id, c.account_number, c.name, le.currency, o.overdue, o.oldest
        FROM (
          SELECT oi.customer_id, oi.currency, SUM(oi.open_amount)::bigint AS overdue, MIN(oi.due_date) AS oldest
            FROM open_item oi
           WHERE oi.open_amount > 0 AND ${late(1)} ${itemScope}
           GROUP BY oi.customer_id, oi.currency
        ) o
        JOIN customer c ON c.id = o.customer_id
        JOIN legal_entity le ON le.id = c.legal_entity_id AND le.currency = o.currency
       ORDER BY o.overdue DESC, c.name
       LIMIT ${top}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM customer c ${customerScope}`,
    inDisputeByCurrency(scope),
  ]);

  return {
    customers: customerCount[0]?.n ?? 0,
    currencies: currencyRows.map((r) => ({
      currency: r.currency.trim(),
      balance: BigInt(r.balance),
      overdue: BigInt(r.overdue),
      aging: {
        current: BigInt(r.current),
        days1to30: BigInt(r.d1),
        days31to60: BigInt(r.d31),
        days61to90: BigInt(r.d61),
        over90: BigInt(r.d91),
      },
      accounts: r.accounts,
      accountsOverdue: r.accounts_overdue,
      inDispute: held.get(r.currency.trim()) ?? 0n,
    })),
    mostOverdue: overdueRows.map((r) => ({
      id: r.id,
      accountNumber: r.account_number,
      name: r.name,
      currency: r.currency.trim(),
      overdue: BigInt(r.overdue),
      oldestDueDate: r.oldest,
    })),
  };
}
