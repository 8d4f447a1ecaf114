import { getDb } from "../db/client.ts";

/**
 * The ids of an account and of its direct child accounts: whose items the account's pages show
 * (see statements/account-family.ts). No access check: callers tag pages that already passed one
 * (the portal's page cache, ADR 019). An unknown or malformed id has no family.
 */
export async function familyIdsOf(customerId: string): Promise<string[]> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(customerId)) return [];
  const id = customerId.toLowerCase();
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT c.id::text AS id FROM customer c WHERE c.id = ${id}::uuid OR c.parent_id = ${id}::uuid`;
  return rows.map((r) => r.id);
}
