import type { Tx } from "../db/client.ts";

/**
 * Gives legal entities without one a receipt counter that continues the numbering their receipts
 * already use: the most common prefix of their numbered PAYMENT items (what comes before the
 * digits; "RCT-" when there is none) and the highest number issued with it, at least 100000. The
 * migration that introduced the counters ran the same statement for the entities of its day; the
 * seed runs it after loading the demo book. A counter that exists is left as it is.
 */
export async function startReceiptNumbering(t: Tx, legalEntityIds?: readonly string[]): Promise<void> {
  const ids = legalEntityIds ? [...legalEntityIds] : null;
  await t.$executeRaw`
    INSERT INTO receipt_number_counter (legal_entity_id, prefix, last_value)
    SELECT le.id, COALESCE(best.prefix, 'RCT-'), GREATEST(100000, COALESCE(best.last_value, 0))
      FROM legal_entity le
      LEFT JOIN LATERAL (
        SELECT p.prefix, MAX(p.value) AS last_value
          FROM (SELECT (regexp_match(i.number, '^([^0-9]+)([0-9]{1,15})$'))[1] AS prefix,
                       (regexp_match(i.number, '^([^0-9]+)([0-9]{1,15})$'))[2]::bigint AS value
                  FROM open_item i
                 WHERE i.legal_entity_id = le.id AND i.kind = 'PAYMENT'
                   AND i.number ~ '^[^0-9]+[0-9]{1,15}$') p
         GROUP BY p.prefix
         ORDER BY COUNT(*) DESC, p.prefix
         LIMIT 1
      ) best ON true
     WHERE ${ids}::uuid[] IS NULL OR le.id = ANY(${ids}::uuid[])
    ON CONFLICT (legal_entity_id) DO NOTHING`;
}

/**
 * Takes `count` receipt numbers of a legal entity for payments Settle records itself (card
 * payments), in order: the entity's prefix and the next values of its counter (ADR 026). The
 * counter row stays locked until the caller's transaction ends, so numbers are neither repeated
 * nor skipped; callers take it after the items they lock, and several entities in id order.
 * A number some other writer (an ERP import) already used is passed over.
 */
export async function takeReceiptNumbers(t: Tx, legalEntityId: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const numbers: string[] = [];
  while (numbers.length < count) {
    const wanted = count - numbers.length;
    let [counter] = await advance(t, legalEntityId, wanted);
    if (!counter) {
      await startReceiptNumbering(t, [legalEntityId]);
      [counter] = await advance(t, legalEntityId, wanted);
    }
    if (!counter) throw new Error(`Legal entity ${legalEntityId} has no receipt counter.`);
    const last = BigInt(counter.last_value);
    const candidates = Array.from(
      { length: wanted },
      (_, i) => `${counter.prefix}${last - BigInt(wanted - 1 - i)}`,
    );
    const taken = await t.$queryRaw<{ number: string }[]>`
      SELECT number FROM open_item
       WHERE legal_entity_id = ${legalEntityId}::uuid AND kind = 'PAYMENT' AND number = ANY(${candidates}::text[])`;
    const used = new Set(taken.map((r) => r.number));
    numbers.push(...candidates.filter((n) => !used.has(n)));
  }
  return numbers;
}

function advance(t: Tx, legalEntityId: string, count: number) {
  return t.$queryRaw<{ prefix: string; last_value: bigint }[]>`
    UPDATE receipt_number_counter SET last_value = last_value + ${count}
     WHERE legal_entity_id = ${legalEntityId}::uuid
     RETURNING prefix, last_value`;
}
