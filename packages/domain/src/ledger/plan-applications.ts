import { randomUUID } from "node:crypto";
import { type Actor, actorId } from "../actor.ts";
import { type AuditInput, appendAudits } from "../audit/append-audit.ts";
import type { Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { isCreditKind, isDebitKind } from "./item-kinds.ts";
import type { LockedItem } from "./lock-items.ts";

export interface ApplicationRequest {
  creditItemId: string;
  debitItemId: string;
  amount: bigint;
  reason?: string | null;
  idempotencyKey?: string | null;
}

export interface PlannedApplication {
  id: string;
  customerId: string;
  creditItemId: string;
  debitItemId: string;
  currency: string;
  amount: bigint;
  reason: string | null;
  idempotencyKey: string | null;
  /** Both items' open amounts after this application (and the ones planned before it). */
  creditOpenAmount: bigint;
  debitOpenAmount: bigint;
}

/**
 * The ledger's rules for clearing a credit item (payment, credit memo) against a debit item
 * (invoice, debit memo, fee, refund, chargeback): same customer, same currency, and never more
 * than either open amount, so no item goes negative and a credit is never over-applied.
 *
 * `items` holds the locked items' current state; the planned amount is taken off both open
 * amounts in the map, so a batch that applies several credits to one invoice sees each earlier
 * application. Nothing is written: see writeApplications and writeOpenAmounts.
 */
export function planApplication(
  items: Map<string, LockedItem>,
  request: ApplicationRequest,
): PlannedApplication {
  const credit = items.get(request.creditItemId);
  const debit = items.get(request.debitItemId);
  if (!credit || !debit) throw new DomainError("NOT_FOUND", "Item not found.");
  if (!isCreditKind(credit.kind))
    throw new DomainError("VALIDATION", "Only payments and credit memos can be applied.");
  if (!isDebitKind(debit.kind))
    throw new DomainError("VALIDATION", "Credits can only be applied to invoices, debit memos and fees.");
  if (credit.customerId !== debit.customerId) {
    throw new DomainError(
      "VALIDATION",
      "Both items must belong to the same customer; move cash with a transfer.",
    );
  }
  if (credit.currency !== debit.currency) {
    throw new DomainError("VALIDATION", `Cannot apply ${credit.currency} to a ${debit.currency} item.`);
  }
  if (request.amount <= 0n) throw new DomainError("VALIDATION", "The amount must be positive.");
  if (request.amount > credit.openAmount) {
    throw new DomainError("INVALID_STATE", "The amount is more than the credit's unapplied amount.", {
      available: credit.openAmount.toString(),
    });
  }
  if (request.amount > debit.openAmount) {
    throw new DomainError("INVALID_STATE", "The amount is more than the item's open amount.", {
      open: debit.openAmount.toString(),
    });
  }
  credit.openAmount -= request.amount;
  debit.openAmount -= request.amount;
  return {
    id: randomUUID(),
    customerId: credit.customerId,
    creditItemId: credit.id,
    debitItemId: debit.id,
    currency: credit.currency,
    amount: request.amount,
    reason: request.reason ?? null,
    idempotencyKey: request.idempotencyKey ?? null,
    creditOpenAmount: credit.openAmount,
    debitOpenAmount: debit.openAmount,
  };
}

/** Inserts planned applications (one statement) and their audit events (one statement). */
export async function writeApplications(
  tx: Tx,
  actor: Actor,
  planned: readonly PlannedApplication[],
): Promise<void> {
  await insertApplications(tx, actor, planned);
  await appendAudits(tx, actor, planned.map(applicationAudit));
}

/** Inserts planned applications in one statement; the caller writes applicationAudit for each. */
export async function insertApplications(
  tx: Tx,
  actor: Actor,
  planned: readonly PlannedApplication[],
): Promise<void> {
  if (planned.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO application (id, kind, customer_id, credit_item_id, debit_item_id, currency, amount, reason,
                             idempotency_key, actor_type, actor_id)
    SELECT a.id, 'APPLY', a.customer_id, a.credit_item_id, a.debit_item_id, a.currency, a.amount, a.reason,
           a.idempotency_key, ${actor.kind}, ${actorId(actor)}
      FROM unnest(${planned.map((a) => a.id)}::uuid[], ${planned.map((a) => a.customerId)}::uuid[],
                  ${planned.map((a) => a.creditItemId)}::uuid[], ${planned.map((a) => a.debitItemId)}::uuid[],
                  ${planned.map((a) => a.currency)}::text[], ${planned.map((a) => a.amount.toString())}::bigint[],
                  ${planned.map((a) => a.reason)}::text[], ${planned.map((a) => a.idempotencyKey)}::text[])
           AS a(id, customer_id, credit_item_id, debit_item_id, currency, amount, reason, idempotency_key)`;
}

export function applicationAudit(a: PlannedApplication): AuditInput {
  return {
    action: "application.apply",
    entityType: "application",
    entityId: a.id,
    customerId: a.customerId,
    after: {
      creditItemId: a.creditItemId,
      debitItemId: a.debitItemId,
      amount: a.amount,
      currency: a.currency,
      creditOpenAmount: a.creditOpenAmount,
      debitOpenAmount: a.debitOpenAmount,
    },
  };
}

/** Writes the open amounts of locked items, as planned, in one statement. */
export async function writeOpenAmounts(tx: Tx, items: readonly LockedItem[]): Promise<void> {
  if (items.length === 0) return;
  await tx.$executeRaw`
    UPDATE open_item o SET open_amount = v.open_amount
      FROM unnest(${items.map((i) => i.id)}::uuid[], ${items.map((i) => i.openAmount.toString())}::bigint[])
        AS v(id, open_amount)
     WHERE o.id = v.id`;
}
