import { type Actor, portalRoleFor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { PaymentPlanStatus, PlanPayBy } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { planLabel, type RespondToPaymentPlanInput, RespondToPaymentPlanSchema } from "./plan-forms.ts";

export interface PlanAnswer {
  id: string;
  label: string;
  status: PaymentPlanStatus;
  payBy: PlanPayBy | null;
  /** True when the same answer was given before: nothing changed now. */
  replayed: boolean;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ANSWERED: Record<"accept" | "decline" | "request-changes", PaymentPlanStatus> = {
  accept: "ACCEPTED",
  decline: "DECLINED",
  "request-changes": "CHANGES_REQUESTED",
};

/** The plan's row, locked: answers to one offer queue up, the first one decides. */
async function lockPlan(t: Tx, planId: string, customerId: string) {
  await t.$queryRaw`SELECT id FROM payment_plan WHERE id = ${planId}::uuid FOR UPDATE`;
  const plan = await t.paymentPlan.findUnique({ where: { id: planId } });
  if (!plan || plan.customerId !== customerId) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  return plan;
}

/**
 * A customer's answer to an offered plan, from the portal: its payers and administrators accept
 * (typing their name, confirming, and choosing autopay with a saved card or paying from the
 * portal), decline, or ask for other terms with a message. An acceptance records who, when, from
 * which client and the hash of the terms the page showed, which must be the offer's own: terms
 * that changed since are refused, as is an offer that expired or was answered already. A decline
 * or a request for changes frees the invoices for another offer. Viewers cannot answer; another
 * account's plan is NOT_FOUND. The same answer twice changes nothing.
 */
export async function respondToPaymentPlan(
  rawInput: RespondToPaymentPlanInput,
  actor: Actor,
  options: { now?: Date; client?: { ip: string; userAgent: string | null } } = {},
): Promise<PlanAnswer> {
  const parsed = RespondToPaymentPlanSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "Check the form.", {
      field: issue?.path[0] ?? null,
      reason: issue?.path[0] === "answer" ? "unknown-intent" : "invalid",
    });
  }
  const input = parsed.data;
  const customerId = input.customerId.toLowerCase();
  const planId = input.planId.toLowerCase();
  if (actor.kind !== "portal" || !UUID_RE.test(customerId) || !UUID_RE.test(planId)) {
    throw new DomainError("NOT_FOUND", "Payment plan not found.");
  }
  const role = portalRoleFor(actor, customerId);
  if (!role) throw new DomainError("NOT_FOUND", "Payment plan not found.");
  if (role === "VIEWER") {
    throw new DomainError(
      "FORBIDDEN",
      "Only payers and administrators of this account can answer an offer.",
      {
        reason: "payers-only",
      },
    );
  }
  const today = new Date(`${isoDate(options.now ?? new Date())}T00:00:00Z`);

  return getDb().$transaction(async (t) => {
    const plan = await lockPlan(t, planId, customerId);
    const label = planLabel(plan.number);
    const wanted = ANSWERED[input.answer];
    if (plan.status !== "PROPOSED") {
      if (plan.status === wanted)
        return { id: plan.id, label, status: plan.status, payBy: plan.payBy, replayed: true };
      throw new DomainError("INVALID_STATE", `${label} is not waiting for an answer.`, {
        reason: plan.status === "EXPIRED" ? "plan-expired" : "plan-answered",
        plan: label,
      });
    }
    if (plan.expiresOn < today) {
      throw new DomainError("INVALID_STATE", `The offer ${label} expired.`, {
        reason: "plan-expired",
        plan: label,
      });
    }
    const respondedAt = options.now ?? new Date();
    if (input.answer === "accept") {
      if (input.termsHash !== plan.termsHash) {
        throw new DomainError("CONFLICT", `The terms of ${label} changed; read them again.`, {
          reason: "plan-terms-changed",
          plan: label,
        });
      }
      if (input.payBy === "AUTOPAY") {
        const cards = await t.savedCard.count({ where: { customerId, removedAt: null } });
        if (cards === 0) {
          throw new DomainError("VALIDATION", "Save a card first, or pay the instalments from the portal.", {
            field: "payBy",
            reason: "plan-no-saved-card",
          });
        }
      }
      await t.paymentPlan.update({
        where: { id: plan.id },
        data: {
          status: "ACCEPTED",
          respondedAt,
          acceptedByPortalUserId: actor.userId,
          acceptedName: input.name,
          acceptedClient: options.client?.ip ?? null,
          acceptedUserAgent: options.client?.userAgent?.slice(0, 500) ?? null,
          acceptedTermsHash: input.termsHash,
          payBy: input.payBy,
        },
      });
    } else {
      await t.paymentPlan.update({
        where: { id: plan.id },
        data: { status: wanted, respondedAt, customerMessage: input.message || null },
      });
      // Declined or sent back: the invoices may be offered again.
      await t.paymentPlanInvoice.updateMany({ where: { planId: plan.id }, data: { openItemKey: null } });
    }
    await appendAudit(t, actor, {
      action: `payment-plan.${input.answer}`,
      entityType: "payment_plan",
      entityId: plan.id,
      customerId,
      before: { status: plan.status },
      after:
        input.answer === "accept"
          ? {
              status: "ACCEPTED",
              name: input.name,
              termsHash: input.termsHash,
              payBy: input.payBy,
              client: options.client?.ip ?? null,
            }
          : { status: wanted, message: input.message || null },
    });
    return {
      id: plan.id,
      label,
      status: wanted,
      payBy: input.answer === "accept" ? input.payBy : null,
      replayed: false,
    };
  });
}
