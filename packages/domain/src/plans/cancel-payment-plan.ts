import { type Actor, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import {
  CANCELLABLE_PLAN_STATUSES,
  type CancelPaymentPlanInput,
  CancelPaymentPlanSchema,
} from "./plan-cancel-form.ts";
import { PLAN_PROPOSE_ROLES, planLabel } from "./plan-forms.ts";
import { lockPlan } from "./respond-to-payment-plan.ts";

export interface CancelledPlan {
  id: string;
  label: string;
  /** True when the plan was cancelled before with the same reason: nothing changed now. */
  replayed: boolean;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff who may propose plans cancel one that is requested, proposed, accepted or active, with a
 * reason: under the plan's row lock it becomes CANCELLED (when and why), its unpaid instalments
 * are cancelled and its invoices leave it (normal dunning resumes, another plan may cover them).
 * Everything paid stays applied: the ledger does not change. A customer's request still waiting
 * for an answer no longer needs one, so its collector task is done. Audited with the status
 * before and after. The same cancellation again is a replay; any other change to an ended plan is
 * INVALID_STATE. Another account's plan or a malformed id is NOT_FOUND.
 */
export async function cancelPaymentPlan(
  rawInput: CancelPaymentPlanInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<CancelledPlan> {
  requireStaffRole(actor, PLAN_PROPOSE_ROLES);
  const parsed = CancelPaymentPlanSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "Check the form.", {
      field: issue?.path[0] ?? null,
      reason: "invalid",
    });
  }
  const input = parsed.data;
  if (!UUID_RE.test(input.planId) || !UUID_RE.test(input.customerId)) {
    throw new DomainError("NOT_FOUND", "Payment plan not found.");
  }
  const planId = input.planId.toLowerCase();
  const now = options.now ?? new Date();

  return getDb().$transaction(async (t) => {
    const plan = await lockPlan(t, planId, input.customerId.toLowerCase());
    const label = planLabel(plan.number);
    if (plan.status === "CANCELLED" && plan.endReason === input.reason) {
      return { id: plan.id, label, replayed: true };
    }
    if (!CANCELLABLE_PLAN_STATUSES.includes(plan.status)) {
      throw new DomainError(
        "INVALID_STATE",
        plan.status === "CANCELLED"
          ? `${label} was cancelled already.`
          : `${label} has ended; only a requested, proposed, accepted or active plan can be cancelled.`,
        { reason: plan.status === "CANCELLED" ? "plan-cancelled" : "plan-ended", plan: label },
      );
    }
    await t.paymentPlan.update({
      where: { id: plan.id },
      data: { status: "CANCELLED", endedAt: now, endReason: input.reason },
    });
    const instalments = await t.paymentPlanInstalment.updateMany({
      where: { planId: plan.id, status: { in: ["DUE", "MISSED"] } },
      data: { status: "CANCELLED" },
    });
    const released = await t.paymentPlanInvoice.updateMany({
      where: { planId: plan.id, openItemKey: { not: null } },
      data: { openItemKey: null },
    });
    const tasks = await t.collectorTask.updateMany({
      // A waiting request, or a broken instalment to chase: nothing left to do once it ends.
      where: { planId: plan.id, kind: { in: ["PLAN_REQUEST", "PLAN_BROKEN"] }, status: "OPEN" },
      data: { status: "DONE", doneAt: now, doneById: actor.kind === "staff" ? actor.userId : null },
    });
    await appendAudit(t, actor, {
      action: "payment-plan.cancel",
      entityType: "payment_plan",
      entityId: plan.id,
      customerId: plan.customerId,
      before: { status: plan.status },
      after: {
        status: "CANCELLED",
        reason: input.reason,
        instalmentsCancelled: instalments.count,
        invoicesReleased: released.count,
        tasksDone: tasks.count,
      },
    });
    return { id: plan.id, label, replayed: false };
  });
}
