import { type Actor, actorId, portalRoleFor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { isoDate } from "../base/dates.ts";
import { getDb, type Tx } from "../db/client.ts";
import type { PaymentPlanStatus, PlanPayBy } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { isCardExpired } from "../payments/get-payment-methods.ts";
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

/** The plan's row, locked (another account's plan is NOT_FOUND): answers and cancellations queue up. */
export async function lockPlan(t: Tx, planId: string, customerId: string) {
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
    let extra: Record<string, string | null> = {};
    if (input.answer === "accept") {
      if (input.termsHash !== plan.termsHash) {
        throw new DomainError("CONFLICT", `The terms of ${label} changed; read them again.`, {
          reason: "plan-terms-changed",
          plan: label,
        });
      }
      await assertReplacedStillRuns(t, plan);
      const card = input.payBy === "AUTOPAY" ? await autopayCard(t, customerId, respondedAt) : null;
      if (input.payBy === "AUTOPAY" && !card) {
        throw new DomainError("VALIDATION", "Save a card first, or pay the instalments from the portal.", {
          field: "payBy",
          reason: "plan-no-saved-card",
        });
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
          savedCardId: card?.id ?? null,
        },
      });
      const feeItemId = await bookFee(t, plan, actor, respondedAt);
      const replaced = await endReplacedPlan(t, plan, actor, respondedAt);
      extra = { savedCardId: card?.id ?? null, feeItemId, replaced };
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
              ...extra,
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

/**
 * The card autopay charges the instalments to: the account's autopay card when it has one and it
 * is usable, else the card saved last that has not expired.
 */
async function autopayCard(t: Tx, customerId: string, now: Date) {
  const cards = await t.savedCard.findMany({
    where: { customerId, removedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, expMonth: true, expYear: true },
  });
  const usable = cards.filter((c) => !isCardExpired(c.expMonth, c.expYear, now));
  const setting = await t.autopaySetting.findUnique({ where: { customerId }, select: { savedCardId: true } });
  return usable.find((c) => c.id === setting?.savedCardId) ?? usable[0] ?? null;
}

type LockedPlan = Awaited<ReturnType<typeof lockPlan>>;

/**
 * A plan's fee becomes a receivable when the customer accepts: a FEE item the plan covers like
 * its invoices (so instalment payments settle it too), due with the last instalment.
 */
async function bookFee(t: Tx, plan: LockedPlan, actor: Actor, now: Date): Promise<string | null> {
  if (plan.fee <= 0n) return null;
  const last = await t.paymentPlanInstalment.findFirstOrThrow({
    where: { planId: plan.id },
    orderBy: { sequence: "desc" },
    select: { dueDate: true },
  });
  const label = planLabel(plan.number);
  const item = await t.openItem.create({
    data: {
      customerId: plan.customerId,
      legalEntityId: plan.legalEntityId,
      kind: "FEE",
      number: `${label}-FEE`,
      currency: plan.currency,
      amount: plan.fee,
      openAmount: plan.fee,
      documentDate: new Date(`${isoDate(now)}T00:00:00Z`),
      dueDate: last.dueDate,
      description: `Payment plan fee (${label})`,
      idempotencyKey: `plan-fee:${plan.id}`,
      createdById: actorId(actor),
    },
  });
  await t.paymentPlan.update({ where: { id: plan.id }, data: { feeItemId: item.id } });
  await t.paymentPlanInvoice.create({
    data: { planId: plan.id, itemId: item.id, amount: plan.fee, openItemKey: item.id },
  });
  await appendAudit(t, actor, {
    action: "payment-plan.fee",
    entityType: "open_item",
    entityId: item.id,
    customerId: plan.customerId,
    after: { plan: label, number: item.number, amount: plan.fee, currency: plan.currency.trim() },
  });
  return item.id;
}

/**
 * A reschedule accepted: the plan it replaces ends (CANCELLED, "rescheduled"), everything paid on
 * it stays applied, and its invoices move to the new plan (which holds them from now on).
 */
async function endReplacedPlan(t: Tx, plan: LockedPlan, actor: Actor, now: Date): Promise<string | null> {
  if (!plan.replacesPlanId) return null;
  const old = await t.paymentPlan.findUnique({ where: { id: plan.replacesPlanId } });
  if (!old || (old.status !== "ACCEPTED" && old.status !== "ACTIVE")) return null;
  await t.paymentPlan.update({ where: { id: old.id }, data: { status: "CANCELLED", endedAt: now } });
  await t.paymentPlanInstalment.updateMany({
    where: { planId: old.id, status: { in: ["DUE", "MISSED"] } },
    data: { status: "CANCELLED" },
  });
  const moved = await t.paymentPlanInvoice.findMany({
    where: { planId: old.id, openItemKey: { not: null } },
  });
  await t.paymentPlanInvoice.updateMany({ where: { planId: old.id }, data: { openItemKey: null } });
  await t.collectorTask.updateMany({
    where: { planId: old.id, kind: "PLAN_BROKEN", status: "OPEN" },
    data: { status: "DONE", doneAt: now },
  });
  for (const m of moved) {
    await t.paymentPlanInvoice.updateMany({
      where: { planId: plan.id, itemId: m.itemId },
      data: { openItemKey: m.itemId },
    });
  }
  await appendAudit(t, actor, {
    action: "payment-plan.cancel",
    entityType: "payment_plan",
    entityId: old.id,
    customerId: old.customerId,
    before: { status: old.status },
    after: { status: "CANCELLED", plan: planLabel(old.number), rescheduledAs: planLabel(plan.number) },
  });
  return planLabel(old.number);
}

/**
 * A reschedule is accepted only while the plan it replaces still runs: once that plan ended
 * (completed, defaulted, cancelled, or replaced by another new schedule), its terms are moot.
 */
async function assertReplacedStillRuns(t: Tx, plan: LockedPlan): Promise<void> {
  if (!plan.replacesPlanId) return;
  // Locked (after the offer's own row: the one order every answer takes), so the job cannot
  // complete or default it, nor staff cancel it, between this check and its end below.
  await t.$queryRaw`SELECT id FROM payment_plan WHERE id = ${plan.replacesPlanId}::uuid FOR UPDATE`;
  const old = await t.paymentPlan.findUnique({
    where: { id: plan.replacesPlanId },
    select: { status: true, number: true },
  });
  if (!old || ["ACCEPTED", "ACTIVE", "OFFERED"].includes(old.status)) return;
  throw new DomainError("CONFLICT", `${planLabel(old.number)}, which this offer reschedules, has ended.`, {
    reason: "plan-replaced-ended",
    plan: planLabel(old.number),
  });
}
