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
  const rows = await tx.$queryRaw<LedgerViolation[]>`
    WITH active AS (
      SELECT a.* FROM application a
      WHERE a.kind = 'APPLY' AND NOT EXISTS (SELECT 1 FROM application r WHERE r.reverses_id = a.id)
    ),
    applied AS (
      SELECT i.id, i.amount, i.open_amount, i.kind,
             COALESCE((SELECT SUM(amount) FROM active WHERE active.credit_item_id = i.id), 0)
           + COALESCE((SELECT SUM(amount) FROM active WHERE active.debit_item_id = i.id), 0) AS used
      FROM open_item i
      WHERE ${scope}::uuid[] IS NULL OR i.customer_id = ANY(${scope}::uuid[])
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
    SELECT 'cross_currency', a.id::text, format('%s vs %s', c.currency, d.currency)
      FROM application a JOIN open_item c ON c.id = a.credit_item_id JOIN open_item d ON d.id = a.debit_item_id
     WHERE (c.currency <> d.currency OR a.currency <> c.currency)
       AND (${scope}::uuid[] IS NULL OR c.customer_id = ANY(${scope}::uuid[]))
    UNION ALL
    SELECT 'cross_customer', a.id::text, 'credit and debit belong to different customers'
      FROM application a JOIN open_item c ON c.id = a.credit_item_id JOIN open_item d ON d.id = a.debit_item_id
     WHERE c.customer_id <> d.customer_id
       AND (${scope}::uuid[] IS NULL OR c.customer_id = ANY(${scope}::uuid[]))`;
  return rows;
}
