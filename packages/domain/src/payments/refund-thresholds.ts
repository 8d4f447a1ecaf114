import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { toDecimalString } from "../money/money.ts";
import { parseAmountField } from "../money/typed-amount.ts";
import {
  REFUND_APPROVE_ROLES,
  type SetRefundThresholdInput,
  SetRefundThresholdSchema,
} from "./refund-forms.ts";

export interface RefundThreshold {
  currency: string;
  /** Refunds above this amount (minor units) need a second staff member's approval. */
  amount: bigint;
  updatedAt: Date;
}

/**
 * The approval thresholds per currency (a currency without one: every refund needs approval), for
 * the settings page: those who may change them (AR managers and admins) only, like the page.
 */
export async function listRefundThresholds(actor: Actor): Promise<{ thresholds: RefundThreshold[] }> {
  requireStaffRole(actor, REFUND_APPROVE_ROLES);
  const rows = await getDb().refundApprovalThreshold.findMany({ orderBy: { currency: "asc" } });
  return {
    thresholds: rows.map((r) => ({ currency: r.currency.trim(), amount: r.amount, updatedAt: r.updatedAt })),
  };
}

/**
 * Sets the amount above which a refund in a currency needs a second staff member's approval.
 * AR managers and admins only; audited with the amount before and after. Setting the same amount
 * again changes nothing.
 */
export async function setRefundThreshold(
  rawInput: SetRefundThresholdInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<RefundThreshold & { changed: boolean }> {
  requireStaffRole(actor, REFUND_APPROVE_ROLES);
  const parsed = SetRefundThresholdSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "Check the form.", {
      field: issue?.path[0] ?? "currency",
      reason: "invalid",
    });
  }
  const input = parsed.data;
  const amount = parseAmountField(input.amount, input.currency, "amount", options.locale);
  if (amount < 0n)
    throw new DomainError("VALIDATION", "The threshold cannot be negative.", {
      field: "amount",
      reason: "negative",
    });
  return getDb().$transaction(async (t) => {
    const before = await t.refundApprovalThreshold.findUnique({ where: { currency: input.currency } });
    if (before && before.amount === amount) {
      return { currency: input.currency, amount, updatedAt: before.updatedAt, changed: false };
    }
    const row = await t.refundApprovalThreshold.upsert({
      where: { currency: input.currency },
      create: { currency: input.currency, amount, updatedById: actor.kind === "staff" ? actor.userId : null },
      update: { amount, updatedById: actor.kind === "staff" ? actor.userId : null },
    });
    await appendAudit(t, actor, {
      action: "refund-threshold.set",
      entityType: "refund_approval_threshold",
      entityId: input.currency,
      before: before ? { amount: toDecimalString(before.amount, input.currency) } : null,
      after: { amount: toDecimalString(amount, input.currency) },
    });
    return { currency: input.currency, amount: row.amount, updatedAt: row.updatedAt, changed: true };
  });
}
