import type { Actor } from "../actor.ts";
import type { Tx } from "../db/client.ts";
import { applyCredit } from "./apply-credit.ts";
import { BILLED_KINDS } from "./item-kinds.ts";
import { planReopening } from "./plan-reopening.ts";
import { reverseApplication } from "./reverse-application.ts";

export interface ReversedApplication {
  applicationId: string;
  debitItemId: string;
  amount: bigint;
}

/** The credit's active applications to invoices, debit memos and fees, newest first. */
export async function activeBilledApplications(t: Tx, creditItemId: string) {
  return t.application.findMany({
    where: {
      creditItemId,
      kind: "APPLY",
      reversedBy: null,
      debitItem: { kind: { in: [...BILLED_KINDS] } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, debitItemId: true, amount: true },
  });
}

/**
 * Makes at least `needed` of a credit unapplied: its unapplied remainder first, then by reversing
 * its applications to the `chosen` invoices in their order (by default, or when they hold too
 * little, its newest applications), so those invoices reopen (see planReopening). The caller holds
 * the credit's lock; returns what was taken off each item.
 */
export async function freeCredit(
  t: Tx,
  credit: { id: string; openAmount: bigint },
  needed: bigint,
  reason: string,
  actor: Actor,
  chosen: readonly string[] = [],
): Promise<ReversedApplication[]> {
  if (needed <= credit.openAmount) return [];
  return reopenDebits(t, credit.id, { amount: needed, unapplied: credit.openAmount, chosen }, reason, actor);
}

/**
 * Reopens up to `amount` of the credit's applications to the `chosen` invoices, in order, whatever
 * it has unapplied (a refund's request said which invoices reopen and by how much). Never touches
 * other invoices: should the chosen ones hold less now, freeCredit finds the rest.
 */
export async function reopenChosen(
  t: Tx,
  creditItemId: string,
  amount: bigint,
  chosen: readonly string[],
  reason: string,
  actor: Actor,
): Promise<ReversedApplication[]> {
  if (amount <= 0n) return [];
  return reopenDebits(t, creditItemId, { amount, unapplied: 0n, chosen }, reason, actor, new Set(chosen));
}

/**
 * Writes a reopening plan: each application is reversed (idempotent by its `reverses_id`) and what
 * is left of it re-applied to the same item (idempotent by its key), so an invoice reopens only by
 * the amount taken.
 */
async function reopenDebits(
  t: Tx,
  creditItemId: string,
  request: { amount: bigint; unapplied: bigint; chosen: readonly string[] },
  reason: string,
  actor: Actor,
  onlyInvoices?: ReadonlySet<string>,
): Promise<ReversedApplication[]> {
  const applications = (await activeBilledApplications(t, creditItemId))
    .filter((a) => !onlyInvoices || onlyInvoices.has(a.debitItemId))
    .map((a) => ({ id: a.id, invoiceId: a.debitItemId, amount: a.amount }));
  const plan = planReopening({ ...request, applications });
  for (const step of plan.reversals) {
    await reverseApplication({ applicationId: step.applicationId, reason }, actor, t);
    if (step.reapplied > 0n) {
      await applyCredit(
        {
          creditItemId,
          debitItemId: step.invoiceId,
          amount: step.reapplied,
          reason: `Remainder of a reversed application: ${reason}`.slice(0, 500),
          idempotencyKey: `reapply-remainder-${step.applicationId}`,
        },
        actor,
        t,
      );
    }
  }
  return plan.reversals.map((step) => ({
    applicationId: step.applicationId,
    debitItemId: step.invoiceId,
    amount: step.reopened,
  }));
}
