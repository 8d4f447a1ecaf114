import { z } from "zod";
import { type Actor, canReadCustomer } from "../actor.ts";
import { getDb, type Tx } from "../db/client.ts";
import { Prisma } from "../db/generated/client.ts";
import { DomainError } from "../errors.ts";
import { DEBIT_KINDS } from "../ledger/item-kinds.ts";

/** What a customer owes in one currency. Amounts are minor units. */
export interface CurrencyBalance {
  currency: string;
  /** Σ open debits − Σ open credits (negative when the customer is in credit). */
  balance: bigint;
  /** Σ open debits whose due date is before today. */
  overdue: bigint;
  /** Σ open debits (invoices, debit memos, fees). */
  openDebits: bigint;
  /** Σ unapplied credits (payments, credit memos). */
  openCredits: bigint;
}

/**
 * Today's date as the ledger sees it (UTC calendar day). Due dates are calendar dates, so an item
 * due today is not overdue until tomorrow.
 */
export function ledgerToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Whole days between a due date and `today` (both calendar days); 0 when not yet due. */
export function daysOverdue(dueDate: Date | null, today: Date): number {
  if (!dueDate) return 0;
  const days = Math.round((today.getTime() - dueDate.getTime()) / 86_400_000);
  return Math.max(days, 0);
}

/**
 * Balances per customer and currency for the given customers, in one aggregate over open items
 * only: an index-only scan of the account-figures index (ADR 020), never the table. Callers must
 * have checked the actor's scope. Currencies are sorted alphabetically.
 */
export async function balancesByCustomer(
  customerIds: readonly string[],
  options: { today?: Date; tx?: Tx } = {},
): Promise<Map<string, CurrencyBalance[]>> {
  const result = new Map<string, CurrencyBalance[]>();
  if (customerIds.length === 0) return result;
  // A plain date string: a Date parameter would be shifted by the session's time zone.
  const today = (options.today ?? ledgerToday()).toISOString().slice(0, 10);
  const db = options.tx ?? getDb();
  // Enum comparisons: a cast of every row's kind to text costs more than the rest of the sum.
  const isDebit = Prisma.sql`kind = ANY(${[...DEBIT_KINDS]}::item_kind[])`;
  const rows = await db.$queryRaw<
    { customer_id: string; currency: string; open_debits: bigint; open_credits: bigint; overdue: bigint }[]
  >`
    SELECT customer_id, currency,
           COALESCE(SUM(open_amount) FILTER (WHERE ${isDebit}), 0)::bigint AS open_debits,
           COALESCE(SUM(open_amount) FILTER (WHERE NOT ${isDebit}), 0)::bigint AS open_credits,
           COALESCE(SUM(open_amount) FILTER (WHERE ${isDebit} AND due_date < ${today}::date), 0)::bigint AS overdue
      FROM open_item
     WHERE customer_id = ANY(${[...new Set(customerIds)]}::uuid[]) AND open_amount > 0
     GROUP BY customer_id, currency
     ORDER BY customer_id, currency`;
  for (const r of rows) {
    const openDebits = BigInt(r.open_debits);
    const openCredits = BigInt(r.open_credits);
    const entry: CurrencyBalance = {
      currency: r.currency.trim(),
      balance: openDebits - openCredits,
      overdue: BigInt(r.overdue),
      openDebits,
      openCredits,
    };
    const list = result.get(r.customer_id);
    if (list) list.push(entry);
    else result.set(r.customer_id, [entry]);
  }
  return result;
}

/**
 * Puts `primary` (the legal entity's currency) first, then the rest alphabetically; an account with
 * nothing open in its own currency still shows a zero balance in it.
 */
export function primaryFirst(balances: readonly CurrencyBalance[], primary: string): CurrencyBalance[] {
  const all = balances.some((b) => b.currency === primary)
    ? [...balances]
    : [...balances, { currency: primary, balance: 0n, overdue: 0n, openDebits: 0n, openCredits: 0n }];
  return all.sort((a, b) =>
    a.currency === primary ? -1 : b.currency === primary ? 1 : a.currency.localeCompare(b.currency),
  );
}

export const GetAccountBalancesSchema = z.object({ customerId: z.string().max(100) });
export type GetAccountBalancesInput = z.input<typeof GetAccountBalancesSchema>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A well-formed id the actor may read, or NOT_FOUND (malformed, unknown and foreign look the same). */
export function assertReadableCustomerId(actor: Actor, customerId: string): void {
  if (!UUID_RE.test(customerId) || !canReadCustomer(actor, customerId.toLowerCase())) {
    throw new DomainError("NOT_FOUND", "Customer not found.");
  }
}

/**
 * Balance and overdue per currency for one customer account (the portal's home page, the back
 * office's account header). Outside the actor's scope is NOT_FOUND.
 */
export async function getAccountBalances(
  rawInput: GetAccountBalancesInput,
  actor: Actor,
  options: { today?: Date } = {},
): Promise<{ customerId: string; currency: string; balances: CurrencyBalance[] }> {
  const { customerId: given } = GetAccountBalancesSchema.parse(rawInput);
  assertReadableCustomerId(actor, given);
  const customerId = given.toLowerCase();
  const customer = await getDb().customer.findUnique({
    where: { id: customerId },
    select: { id: true, legalEntity: { select: { currency: true } } },
  });
  if (!customer) throw new DomainError("NOT_FOUND", "Customer not found.");
  const currency = customer.legalEntity.currency.trim();
  const balances = (await balancesByCustomer([customerId], options)).get(customerId) ?? [];
  return { customerId, currency, balances: primaryFirst(balances, currency) };
}
