import type { Actor } from "../actor.ts";
import type { Tx } from "../db/client.ts";
import { minBig } from "../money/money.ts";
import { applyCredit } from "./apply-credit.ts";
import { BILLED_KINDS } from "./item-kinds.ts";
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
 * Makes at least `needed` of a credit unapplied by reversing its newest applications (the invoices
 * reopen). An application larger than what is still missing is reversed whole and its remainder
 * re-applied to the same item, so an invoice reopens only by the amount that had to be freed.
 * The caller holds the credit's lock; returns what was taken off each item.
 */
export async function freeCredit(
  t: Tx,
  credit: { id: string; openAmount: bigint },
  needed: bigint,
  reason: string,
  actor: Actor,
): Promise<ReversedApplication[]> {
  let missing = needed - credit.openAmount;
  const freed: ReversedApplication[] = [];
  if (missing <= 0n) return freed;
  for (const application of await activeBilledApplications(t, credit.id)) {
    if (missing <= 0n) break;
    await reverseApplication({ applicationId: application.id, reason }, actor, t);
    const taken = minBig(application.amount, missing);
    const remainder = application.amount - taken;
    if (remainder > 0n) {
      await applyCredit(
        {
          creditItemId: credit.id,
          debitItemId: application.debitItemId,
          amount: remainder,
          reason: `Remainder of a reversed application: ${reason}`.slice(0, 500),
          idempotencyKey: `reapply-remainder-${application.id}`,
        },
        actor,
        t,
      );
    }
    freed.push({ applicationId: application.id, debitItemId: application.debitItemId, amount: taken });
    missing -= taken;
  }
  return freed;
}
