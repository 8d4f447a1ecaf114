import type { PortalActor, PortalRole } from "../actor.ts";
import { balancesByCustomer, type CurrencyBalance, primaryFirst } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";

export interface PortalAccount {
  customerId: string;
  name: string;
  accountNumber: string;
  role: PortalRole;
  /** Legal entity's name (who bills this account). */
  billedBy: string;
  balances: CurrencyBalance[];
}

/**
 * The customer accounts a portal user may act for, by name, with a balance summary for choosing
 * between them. Only the actor's own memberships are read.
 */
export async function listPortalAccounts(actor: PortalActor): Promise<PortalAccount[]> {
  const roles = new Map(actor.memberships.map((m) => [m.customerId, m.role]));
  const ids = [...roles.keys()];
  if (ids.length === 0) return [];
  const [customers, balances] = await Promise.all([
    getDb().customer.findMany({
      where: { id: { in: ids } },
      orderBy: [{ name: "asc" }, { accountNumber: "asc" }],
      select: {
        id: true,
        name: true,
        accountNumber: true,
        legalEntity: { select: { name: true, currency: true } },
      },
    }),
    balancesByCustomer(ids),
  ]);
  return customers.map((c) => ({
    customerId: c.id,
    name: c.name,
    accountNumber: c.accountNumber,
    role: roles.get(c.id)!,
    billedBy: c.legalEntity.name,
    balances: primaryFirst(balances.get(c.id) ?? [], c.legalEntity.currency.trim()),
  }));
}
