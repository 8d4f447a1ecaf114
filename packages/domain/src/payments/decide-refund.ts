import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  type DecideRefundInput,
  DecideRefundSchema,
  REFUND_APPROVE_ROLES,
  type RejectRefundInput,
  RejectRefundSchema,
} from "./refund-forms.ts";
import { refundReopens } from "./refund-reopening.ts";
import type { RefundSummary } from "./request-refund.ts";
import { refundOfPayment, sendRefund } from "./send-refund.ts";

function parse<T>(
  schema: {
    safeParse: (
      v: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } };
  },
  raw: unknown,
): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "Check the form.", {
      field: issue?.path.join(".") ?? null,
    });
  }
  return parsed.data;
}

/**
 * A second staff member (AR manager or admin, never the requester) decides a refund waiting for
 * approval. The refund must belong to the card payment `attemptId`: a refund of another payment is
 * NOT_FOUND, like an unknown one. Deciding again the same way returns the current state; the other
 * way is refused.
 */
async function decide(
  attemptId: string,
  refundId: string,
  decision: "APPROVED" | "REJECTED",
  note: string | undefined,
  actor: Actor,
): Promise<RefundSummary & { send: boolean }> {
  requireStaffRole(actor, REFUND_APPROVE_ROLES);
  if (actor.kind !== "staff") throw new DomainError("FORBIDDEN", "Only staff members decide refunds.");
  return getDb().$transaction(async (t) => {
    const id = await refundOfPayment(t, attemptId, refundId, { lock: true });
    const refund = await t.refund.findUniqueOrThrow({ where: { id } });
    const summary = {
      id: refund.id,
      amount: refund.amount,
      currency: refund.currency.trim(),
      requiresApproval: refund.requiresApproval,
      reopens: (await refundReopens(t, [refund.id])).get(refund.id) ?? [],
    };
    if (refund.requestedById === actor.userId) {
      throw new DomainError("FORBIDDEN", "Someone else must approve or reject your own refund request.", {
        reason: "own-request",
      });
    }
    if (refund.status !== "PENDING_APPROVAL") {
      const sameWay =
        refund.decidedById === actor.userId &&
        (decision === "REJECTED" ? refund.status === "REJECTED" : refund.status !== "REJECTED");
      if (sameWay)
        return { ...summary, status: refund.status, replayed: true, send: refund.status === "APPROVED" };
      throw new DomainError("INVALID_STATE", "This refund was already decided.", {
        reason: "already-decided",
        status: refund.status,
      });
    }
    await t.refund.update({
      where: { id: refund.id },
      data: {
        status: decision,
        decidedById: actor.userId,
        decidedAt: new Date(),
        decisionNote: note || null,
      },
    });
    await appendAudit(t, actor, {
      action: decision === "APPROVED" ? "refund.approve" : "refund.reject",
      entityType: "refund",
      entityId: refund.id,
      customerId: refund.customerId,
      before: { status: refund.status },
      after: { status: decision, note },
    });
    return { ...summary, status: decision, replayed: false, send: decision === "APPROVED" };
  });
}

/** Approves a refund waiting for approval and sends it to Stripe. */
export async function approveRefund(rawInput: DecideRefundInput, actor: Actor): Promise<RefundSummary> {
  const input = parse(DecideRefundSchema, rawInput);
  const { send, ...result } = await decide(input.attemptId, input.refundId, "APPROVED", input.note, actor);
  if (!send) return result;
  const sent = await sendRefund(result.id, actor);
  return { ...result, status: sent.status };
}

/** Rejects a refund waiting for approval, with the reason the requester will see. */
export async function rejectRefund(rawInput: RejectRefundInput, actor: Actor): Promise<RefundSummary> {
  const input = parse(RejectRefundSchema, rawInput);
  const { send: _send, ...result } = await decide(
    input.attemptId,
    input.refundId,
    "REJECTED",
    input.note,
    actor,
  );
  return result;
}
