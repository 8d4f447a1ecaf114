import { z } from "zod";
import { type Actor, actorId, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { lockItems } from "./lock-items.ts";

export const ReverseApplicationSchema = z.object({
  applicationId: z.uuid(),
  reason: z.string().trim().min(1, "Give a reason for the reversal.").max(500),
});
export type ReverseApplicationInput = z.input<typeof ReverseApplicationSchema>;

export interface ReversalResult {
  id: string;
  reversesId: string;
  amount: bigint;
  creditOpenAmount: bigint;
  debitOpenAmount: bigint;
  replayed: boolean;
}

/**
 * Undoes an application by writing a REVERSAL row (applications are never updated or deleted)
 * and restoring both open amounts. Reversing twice returns the first reversal: the unique
 * `reverses_id` makes the command idempotent.
 */
export async function reverseApplication(
  rawInput: ReverseApplicationInput,
  actor: Actor,
  tx?: Tx,
): Promise<ReversalResult> {
  requireStaffRole(actor, ["CASH_APPLIER", "AR_MANAGER"]);
  const input = ReverseApplicationSchema.parse(rawInput);

  return inTransaction(tx, async (t) => {
    const original = await t.application.findUnique({ where: { id: input.applicationId } });
    if (!original) throw new DomainError("NOT_FOUND", "Application not found.");
    if (original.kind !== "APPLY") throw new DomainError("INVALID_STATE", "A reversal cannot be reversed.");

    const items = await lockItems(t, [original.creditItemId, original.debitItemId]);
    const credit = items.get(original.creditItemId)!;
    const debit = items.get(original.debitItemId)!;

    const existing = await t.application.findUnique({ where: { reversesId: original.id } });
    if (existing) {
      return {
        id: existing.id,
        reversesId: original.id,
        amount: existing.amount,
        creditOpenAmount: credit.openAmount,
        debitOpenAmount: debit.openAmount,
        replayed: true,
      };
    }

    const reversal = await t.application.create({
      data: {
        kind: "REVERSAL",
        customerId: original.customerId,
        creditItemId: original.creditItemId,
        debitItemId: original.debitItemId,
        currency: original.currency,
        amount: original.amount,
        reversesId: original.id,
        reason: input.reason,
        actorType: actor.kind,
        actorId: actorId(actor),
      },
    });
    const creditOpenAmount = credit.openAmount + original.amount;
    const debitOpenAmount = debit.openAmount + original.amount;
    await t.openItem.update({ where: { id: credit.id }, data: { openAmount: creditOpenAmount } });
    await t.openItem.update({ where: { id: debit.id }, data: { openAmount: debitOpenAmount } });
    await appendAudit(t, actor, {
      action: "application.reverse",
      entityType: "application",
      entityId: original.id,
      customerId: credit.customerId,
      before: { creditOpenAmount: credit.openAmount, debitOpenAmount: debit.openAmount },
      after: { reversalId: reversal.id, reason: input.reason, creditOpenAmount, debitOpenAmount },
    });
    return {
      id: reversal.id,
      reversesId: original.id,
      amount: original.amount,
      creditOpenAmount,
      debitOpenAmount,
      replayed: false,
    };
  });
}
