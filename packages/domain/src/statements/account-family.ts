import { z } from "zod";
import type { Actor } from "../actor.ts";
import { assertReadableCustomerId } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";

/**
 * The "consolidated" switch of a parent's pages (statement, invoice list): "1", "true", "on" are
 * true; "0", "false", "off" are false; absent means the default (consolidated when the account has
 * child accounts).
 */
export const ConsolidatedFlag = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["1", "0", "true", "false", "on", "off", "yes", "no"]))
    .transform((v) => ["1", "true", "on", "yes"].includes(v)),
]);

export interface FamilyAccount {
  id: string;
  accountNumber: string;
  name: string;
  legalEntityId: string;
}

export interface AccountFamily {
  /** The account the actor asked for. */
  account: FamilyAccount & {
    billingAddress: string[];
    paymentTermsCode: string;
    paymentTermsDays: number;
    /** Its legal entity's currency. */
    currency: string;
  };
  /** Its direct child accounts, by name. */
  children: FamilyAccount[];
}

interface FamilyRow {
  id: string;
  account_number: string;
  name: string;
  legal_entity_id: string;
  billing_address: string[];
  payment_terms_code: string;
  payment_terms_days: number;
  currency: string;
}

/**
 * The account the actor asked for and its child accounts. Access rule: whoever may read a parent
 * account may read its children's items through the parent's pages (the consolidated statement
 * and the documents it lists), because a parent's AP team pays for its subsidiaries. Reading a
 * child does not grant the parent. Malformed, unknown and unreadable ids are all NOT_FOUND.
 */
export async function readAccountFamily(actor: Actor, customerId: string): Promise<AccountFamily> {
  assertReadableCustomerId(actor, customerId);
  const id = customerId.toLowerCase();
  // One statement for both (primary key and parent_id index): every statement and invoice page
  // starts here.
  const rows = await getDb().$queryRaw<FamilyRow[]>`
    SELECT c.id::text AS id, c.account_number, c.name, c.legal_entity_id::text AS legal_entity_id,
           c.billing_address, c.payment_terms_code, c.payment_terms_days, e.currency
      FROM customer c
      JOIN legal_entity e ON e.id = c.legal_entity_id
     WHERE c.id = ${id}::uuid OR c.parent_id = ${id}::uuid
     ORDER BY c.id <> ${id}::uuid, c.name, c.account_number`;
  const [own, ...children] = rows;
  if (!own || own.id !== id) throw new DomainError("NOT_FOUND", "Customer not found.");
  const account = (r: FamilyRow): FamilyAccount => ({
    id: r.id,
    accountNumber: r.account_number,
    name: r.name,
    legalEntityId: r.legal_entity_id,
  });
  return {
    account: {
      ...account(own),
      billingAddress: own.billing_address,
      paymentTermsCode: own.payment_terms_code,
      paymentTermsDays: own.payment_terms_days,
      currency: own.currency.trim(),
    },
    children: children.map(account),
  };
}

/** The ids whose items a family covers, the account itself first. */
export const familyIds = (family: AccountFamily) => [family.account.id, ...family.children.map((c) => c.id)];
