import { getDb, type Tx } from "../db/client.ts";

export interface LedgerViolation {
  rule: string;
  itemId: string;
  detail: string;
}

/**
 * Recomputes the ledger from applications and reports every broken invariant: a cached open
 * amount that differs from amount − active applications, a negative open amount, a credit applied
 * beyond its amount, an application across currencies or customers. Empty means healthy. Used by
 * the invariant tests and by operators after an incident.
 */
export async function findLedgerViolations(
  tx: Tx = getDb(),
  customerIds?: string[],
): Promise<LedgerViolation[]> {
  const scope = customerIds ?? null;
  // Each CTE is computed once: applications are summed per item in one pass (a correlated sum
  // per item would rescan them for every item).
  const rows = await tx.$queryRaw<LedgerViolation[]>`
    WITH items AS MATERIALIZED (
      SELECT id, customer_id, currency, amount, open_amount FROM open_item
      WHERE ${scope}::uuid[] IS NULL OR customer_id = ANY(${scope}::uuid[])
    ),
    apps AS MATERIALIZED (
      SELECT a.* FROM application a
      WHERE ${scope}::uuid[] IS NULL
         OR a.credit_item_id IN (SELECT id FROM items)
         OR a.debit_item_id IN (SELECT id FROM items)
    ),
    active AS MATERIALIZED (
      SELECT a.* FROM apps a
      WHERE a.kind = 'APPLY' AND NOT EXISTS (SELECT 1 FROM application r WHERE r.reverses_id = a.id)
    ),
    used AS (
      SELECT item_id, SUM(amount) AS used FROM (
        SELECT credit_item_id AS item_id, amount FROM active
        UNION ALL SELECT debit_item_id, amount FROM active
      ) u GROUP BY item_id
    ),
    applied AS (
      SELECT i.id, i.amount, i.open_amount, COALESCE(u.used, 0) AS used
      FROM items i LEFT JOIN used u ON u.item_id = i.id
    ),
    pairs AS (
      SELECT a.id, a.currency, a.customer_id, c.currency AS credit_currency, d.currency AS debit_currency,
             c.customer_id AS credit_customer, d.customer_id AS debit_customer
      FROM apps a JOIN open_item c ON c.id = a.credit_item_id JOIN open_item d ON d.id = a.debit_item_id
    )
    SELECT 'open_amount_cache' AS rule, id::text AS "itemId",
           format('cached %s, recomputed %s', open_amount, amount - used) AS detail
      FROM applied WHERE open_amount <> amount - used
    UNION ALL
    SELECT 'over_applied', id::text, format('amount %s, applied %s', amount, used)
      FROM applied WHERE used > amount
    UNION ALL
    SELECT 'negative_open_amount', id::text, format('open %s', open_amount)
      FROM applied WHERE open_amount < 0
    UNION ALL
    SELECT 'cross_currency', id::text, format('%s vs %s', credit_currency, debit_currency)
      FROM pairs WHERE credit_currency <> debit_currency OR currency <> credit_currency
    UNION ALL
    SELECT 'cross_customer', id::text, 'credit, debit and application name different customers'
      FROM pairs WHERE credit_customer <> debit_customer OR customer_id <> credit_customer`;
  return rows;
}
