import { z } from "zod";
import { type Actor, requireStaff, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { parseDecimal, toDecimalString } from "../money/money.ts";
import { REFUND_APPROVE_ROLES } from "./refund-forms.ts";

export interface RefundThreshold {
  currency: string;
  /** Refunds above this amount (minor units) need a second staff member's approval. */
  amount: bigint;
  updatedAt: Date;
}

/** The approval thresholds per currency. A currency without one: every refund needs approval. */
export async function listRefundThresholds(actor: Actor): Promise<RefundThreshold[]> {
  requireStaff(actor);
  const rows = await getDb().refundApprovalThreshold.findMany({ orderBy: { currency: "asc" } });
  return rows.map((r) => ({ currency: r.currency.trim(), amount: r.amount, updatedAt: r.updatedAt }));
}

export const SetRefundThresholdSchema = z.object({
  currency: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, "Enter a three-letter currency code, e.g. USD.")),
  /** A decimal amount in the currency, e.g. "1000.00"; 0 makes every refund need approval. */
  amount: z.string().trim().min(1, "Enter an amount.").max(30),
});
export type SetRefundThresholdInput = z.input<typeof SetRefundThresholdSchema>;

/**
 * Sets the amount above which a refund in a currency needs a second staff member's approval.
 * AR managers and admins only; audited with the amount before and after. Setting the same amount
 * again changes nothing.
 */
export async function setRefundThreshold(
  rawInput: SetRefundThresholdInput,
  actor: Actor,
): Promise<RefundThreshold & { changed: boolean }> {
  requireStaffRole(actor, REFUND_APPROVE_ROLES);
  const parsed = SetRefundThresholdSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", parsed.error.issues[0]?.message ?? "Check the form.");
  }
  const input = parsed.data;
  const amount = parseDecimal(input.amount, input.currency);
  if (amount < 0n) throw new DomainError("VALIDATION", "The threshold cannot be negative.");
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
