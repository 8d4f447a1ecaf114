import type { Tx } from "../db/client.ts";
import type { ItemKind } from "../db/generated/enums.ts";

export interface LockedItem {
  id: string;
  customerId: string;
  legalEntityId: string;
  kind: ItemKind;
  currency: string;
  amount: bigint;
  openAmount: bigint;
}

/**
 * Locks open items FOR UPDATE in id order (one fixed order for every money command, so two
 * commands touching the same items cannot deadlock) and returns their current state.
 */
export async function lockItems(tx: Tx, ids: readonly string[]): Promise<Map<string, LockedItem>> {
  const unique = [...new Set(ids)].sort();
  const rows = await tx.$queryRaw<
    {
      id: string;
      customer_id: string;
      legal_entity_id: string;
      kind: ItemKind;
      currency: string;
      amount: bigint;
      open_amount: bigint;
    }[]
  >`SELECT id, customer_id, legal_entity_id, kind, currency, amount, open_amount
      FROM open_item WHERE id = ANY(${unique}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        customerId: r.customer_id,
        legalEntityId: r.legal_entity_id,
        kind: r.kind,
        currency: r.currency.trim(),
        amount: BigInt(r.amount),
        openAmount: BigInt(r.open_amount),
      },
    ]),
  );
}
