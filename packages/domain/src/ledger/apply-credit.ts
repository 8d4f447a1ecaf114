import { z } from "zod";
import { type Actor, requireStaffRole } from "../actor.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { BILLED_KINDS } from "./item-kinds.ts";
import { lockItems } from "./lock-items.ts";
import { planApplication, writeApplications, writeOpenAmounts } from "./plan-applications.ts";

export const ApplyCreditSchema = z.object({
  creditItemId: z.uuid(),
  debitItemId: z.uuid(),
  amount: z.bigint().positive(),
  reason: z.string().trim().max(500).optional(),
  /** Same key, same result: a retried command returns the first application. */
  idempotencyKey: z.string().min(8).max(200).optional(),
});
export type ApplyCreditInput = z.input<typeof ApplyCreditSchema>;

export interface ApplicationResult {
  id: string;
  creditItemId: string;
  debitItemId: string;
  amount: bigint;
  currency: string;
  creditOpenAmount: bigint;
  debitOpenAmount: bigint;
  replayed: boolean;
}

const APPLY_ROLES = ["CASH_APPLIER", "AR_MANAGER"] as const;

/**
 * Clears `amount` of a credit item (payment, credit memo) against a debit item (invoice, debit
 * memo, fee) of the same customer and currency. Both rows are locked; the amount may not exceed
 * either open amount, so no item ever goes negative and a credit is never over-applied.
 */
export async function applyCredit(
  rawInput: ApplyCreditInput,
  actor: Actor,
  tx?: Tx,
): Promise<ApplicationResult> {
  requireStaffRole(actor, APPLY_ROLES);
  const input = ApplyCreditSchema.parse(rawInput);

  return inTransaction(tx, async (t) => {
    const items = await lockItems(t, [input.creditItemId, input.debitItemId]);
    // Checked under the lock: a concurrent retry with the same key waits above, then sees ours.
    if (input.idempotencyKey) {
      const previous = await findByKey(t, input.idempotencyKey);
      if (previous) return assertSameRequest(previous, input);
    }
    const credit = items.get(input.creditItemId);
    const debit = items.get(input.debitItemId);
    if (credit?.kind === "PAYMENT" && debit && BILLED_KINDS.includes(debit.kind)) {
      await refuseWhileChargebackOpen(t, credit.id);
    }
    const application = planApplication(items, input);
    await writeApplications(t, actor, [application]);
    await writeOpenAmounts(t, [credit!, debit!]);
    return {
      id: application.id,
      creditItemId: application.creditItemId,
      debitItemId: application.debitItemId,
      amount: application.amount,
      currency: application.currency,
      creditOpenAmount: application.creditOpenAmount,
      debitOpenAmount: application.debitOpenAmount,
      replayed: false,
    };
  });
}

/**
 * While the card network disputes a payment, its cash is not Settle's to apply: the chargeback
 * reversed its applications and decides later whether the money stays. Checked under the payment's
 * row lock, which opening and closing a chargeback also take, so the two cannot interleave. The
 * chargeback's own outcome (restoring a won one, recording a lost one) runs after its status left
 * OPEN, and applications to the payment's REFUND or CHARGEBACK items are not cash application.
 */
async function refuseWhileChargebackOpen(t: Tx, paymentItemId: string): Promise<void> {
  const open = await t.chargeback.findFirst({
    where: { paymentItemId, status: "OPEN" },
    select: { id: true, stripeDisputeId: true, paymentItem: { select: { number: true } } },
  });
  if (!open) return;
  throw new DomainError(
    "CONFLICT",
    `Payment ${open.paymentItem.number} has an open chargeback (${open.stripeDisputeId}); its cash cannot be applied until the chargeback is closed.`,
    { reason: "chargeback-open", chargebackId: open.id, stripeDisputeId: open.stripeDisputeId },
  );
}

async function findByKey(t: Tx, key: string) {
  return t.application.findUnique({
    where: { idempotencyKey: key },
    include: { creditItem: { select: { openAmount: true } }, debitItem: { select: { openAmount: true } } },
  });
}

function assertSameRequest(
  previous: NonNullable<Awaited<ReturnType<typeof findByKey>>>,
  input: z.output<typeof ApplyCreditSchema>,
): ApplicationResult {
  if (
    previous.creditItemId !== input.creditItemId ||
    previous.debitItemId !== input.debitItemId ||
    previous.amount !== input.amount
  ) {
    throw new DomainError("CONFLICT", "This idempotency key was already used for a different application.");
  }
  return {
    id: previous.id,
    creditItemId: previous.creditItemId,
    debitItemId: previous.debitItemId,
    amount: previous.amount,
    currency: previous.currency,
    creditOpenAmount: previous.creditItem.openAmount,
    debitOpenAmount: previous.debitItem.openAmount,
    replayed: true,
  };
}
