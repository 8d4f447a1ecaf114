import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { toDecimalString } from "../money/money.ts";
import { parseAmountField } from "../money/typed-amount.ts";
import {
  DISPUTE_MANAGER_ROLES,
  parseInput,
  type SetDisputeThresholdInput,
  SetDisputeThresholdSchema,
} from "./dispute-forms.ts";

/** Sets a currency's approval amount for dispute credits (AR managers; audited). */
export async function setDisputeThreshold(
  rawInput: SetDisputeThresholdInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<{ currency: string; amount: bigint; changed: boolean }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(SetDisputeThresholdSchema, rawInput);
  const amount = parseAmountField(input.amount, input.currency, "amount", options.locale);
  if (amount < 0n)
    throw new DomainError("VALIDATION", "The amount cannot be negative.", {
      field: "amount",
      reason: "negative",
    });
  return getDb().$transaction(async (t) => {
    const before = await t.disputeApprovalThreshold.findUnique({ where: { currency: input.currency } });
    if (before?.amount === amount) return { currency: input.currency, amount, changed: false };
    const updatedById = actor.kind === "staff" ? actor.userId : null;
    await t.disputeApprovalThreshold.upsert({
      where: { currency: input.currency },
      create: { currency: input.currency, amount, updatedById },
      update: { amount, updatedById },
    });
    await appendAudit(t, actor, {
      action: "dispute-threshold.set",
      entityType: "dispute_approval_threshold",
      entityId: input.currency,
      before: before ? { amount: toDecimalString(before.amount, input.currency) } : null,
      after: { amount: toDecimalString(amount, input.currency) },
    });
    return { currency: input.currency, amount, changed: true };
  });
}
