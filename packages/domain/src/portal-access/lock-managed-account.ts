import type { Actor } from "../actor.ts";
import type { Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { requireUserManager } from "./capabilities.ts";

export interface ManagedAccount {
  customerId: string;
  name: string;
  accountNumber: string;
  legalEntityName: string;
}

/**
 * The first step of every change to an account's portal access: checks that the actor manages the
 * account's users and locks the customer row, so changes to one account's access run one at a time
 * (two admins demoting each other at once cannot leave the account without an administrator).
 * FOR NO KEY UPDATE does not block invoices and payments being written for the customer meanwhile.
 *
 * For a portal actor the role is read again under the lock: the session's copy may be older than a
 * demotion that just committed.
 */
export async function lockManagedAccount(tx: Tx, actor: Actor, given: string): Promise<ManagedAccount> {
  requireUserManager(actor, given);
  const customerId = given.toLowerCase();
  const rows = await tx.$queryRaw<{ id: string; name: string; account_number: string; entity: string }[]>`
    SELECT c.id, c.name, c.account_number, e.name AS entity
      FROM customer c JOIN legal_entity e ON e.id = c.legal_entity_id
     WHERE c.id = ${customerId}::uuid
       FOR NO KEY UPDATE OF c`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", "Customer not found.");
  if (actor.kind === "portal") {
    const own = await tx.portalMembership.findUnique({
      where: { portalUserId_customerId: { portalUserId: actor.userId, customerId } },
      select: { role: true },
    });
    if (!own) throw new DomainError("NOT_FOUND", "Customer not found.");
    if (own.role !== "ADMIN") {
      throw new DomainError("FORBIDDEN", "Only administrators of this account can manage its users.", {
        reason: "administrators-only",
      });
    }
  }
  return {
    customerId: row.id,
    name: row.name,
    accountNumber: row.account_number,
    legalEntityName: row.entity,
  };
}

/** How many ADMIN memberships the (locked) account has. */
export async function countAdmins(tx: Tx, customerId: string): Promise<number> {
  return tx.portalMembership.count({ where: { customerId, role: "ADMIN" } });
}
