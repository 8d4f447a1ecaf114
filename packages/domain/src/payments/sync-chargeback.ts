import type Stripe from "stripe";
import { type Actor, systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { getDb, type Prisma, type Tx } from "../db/client.ts";
import type { ChargebackStatus } from "../db/generated/enums.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { activeBilledApplications, freeCredit } from "../ledger/free-credit.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { reverseApplication } from "../ledger/reverse-application.ts";
import { minBig } from "../money/money.ts";
import { fromStripeAmount } from "./stripe-amounts.ts";
import { getStripe } from "./stripe-client.ts";

interface StoredReversal {
  applicationId: string;
  debitItemId: string;
  amount: string;
}

/**
 * Webhook handler for `charge.dispute.*`: re-reads the Dispute from the API and brings Settle's
 * chargeback up to date. First sight of a dispute (in the same transaction that creates its row,
 * so it happens once): the payment's applications are reversed (the invoices reopen) and the
 * account is flagged for the collector. Won: the same applications are restored (as far as the
 * invoices are still open) and the flag resolved. Lost: a CHARGEBACK item cleared by the payment
 * records the money taken back; the invoices stay open and the flag stays for the collector.
 * Disputes on payments Settle did not record are ignored.
 */
export async function syncChargeback(disputeId: string, actor: Actor): Promise<ChargebackStatus | null> {
  const dispute = await getStripe().stripe.disputes.retrieve(disputeId);
  const paymentIntentId =
    typeof dispute.payment_intent === "string"
      ? dispute.payment_intent
      : (dispute.payment_intent?.id ?? null);
  const chargeId = typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id;
  const db = getDb();
  const payment = paymentIntentId
    ? await db.openItem.findUnique({
        where: { stripePaymentIntentId: paymentIntentId },
        select: { id: true, customerId: true, currency: true, number: true },
      })
    : null;
  if (!payment) return null;
  const ledgerActor = { ...systemActor("stripe-chargeback"), requestId: actor.requestId };

  return db.$transaction(async (t) => {
    // Lock order as every money command: the payment item first, then the chargeback row.
    await lockItems(t, [payment.id]);
    let row = await t.chargeback.findUnique({ where: { stripeDisputeId: dispute.id } });
    if (!row) row = await openChargeback(t, dispute, chargeId, payment, ledgerActor, actor);
    const target = outcome(dispute);
    if (row.status !== "OPEN" || target === "OPEN") {
      if (row.stripeStatus !== dispute.status) {
        await t.chargeback.update({ where: { id: row.id }, data: { stripeStatus: dispute.status } });
      }
      return row.status;
    }
    // Closed first: while it is OPEN, applyCredit refuses to apply the payment's cash to invoices.
    await t.chargeback.update({
      where: { id: row.id },
      data: { status: target, stripeStatus: dispute.status, closedAt: new Date() },
    });
    if (target === "WON") await restore(t, row, payment, ledgerActor);
    else await recordLoss(t, row, payment, ledgerActor);
    await appendAudit(t, actor, {
      action: `chargeback.${target.toLowerCase()}`,
      entityType: "chargeback",
      entityId: row.id,
      customerId: row.customerId,
      before: { status: row.status },
      after: { status: target, stripeStatus: dispute.status },
    });
    return target;
  });
}

function outcome(dispute: Stripe.Dispute): ChargebackStatus {
  if (dispute.status === "won") return "WON";
  if (dispute.status === "lost") return "LOST";
  return "OPEN";
}

async function openChargeback(
  t: Tx,
  dispute: Stripe.Dispute,
  chargeId: string,
  payment: { id: string; customerId: string; currency: string; number: string },
  ledgerActor: Actor,
  actor: Actor,
) {
  const reason = `Chargeback ${dispute.id} on payment ${payment.number}`;
  const reversed: StoredReversal[] = [];
  for (const application of await activeBilledApplications(t, payment.id)) {
    await reverseApplication({ applicationId: application.id, reason }, ledgerActor, t);
    reversed.push({
      applicationId: application.id,
      debitItemId: application.debitItemId,
      amount: application.amount.toString(),
    });
  }
  const row = await t.chargeback.create({
    data: {
      stripeDisputeId: dispute.id,
      stripeChargeId: chargeId,
      paymentItemId: payment.id,
      customerId: payment.customerId,
      currency: dispute.currency.toUpperCase(),
      amount: fromStripeAmount(dispute.amount, dispute.currency),
      stripeReason: dispute.reason,
      stripeStatus: dispute.status,
      reversedApplications: reversed as unknown as Prisma.InputJsonValue,
    },
  });
  await t.accountFlag.createMany({
    data: [
      {
        customerId: payment.customerId,
        kind: "CHARGEBACK",
        reference: dispute.id,
        note: `Chargeback (${dispute.reason}) on card payment ${payment.number}; its invoices were reopened.`,
      },
    ],
    skipDuplicates: true,
  });
  await appendAudit(t, actor, {
    action: "chargeback.open",
    entityType: "chargeback",
    entityId: row.id,
    customerId: payment.customerId,
    after: {
      stripeDisputeId: dispute.id,
      paymentItemId: payment.id,
      amount: row.amount,
      reason: dispute.reason,
      reversed,
    },
  });
  return row;
}

async function restore(
  t: Tx,
  row: { id: string; stripeDisputeId: string; reversedApplications: Prisma.JsonValue },
  payment: { id: string; customerId: string },
  actor: Actor,
) {
  const reversed = (row.reversedApplications ?? []) as unknown as StoredReversal[];
  for (const r of reversed) {
    const items = await lockItems(t, [payment.id, r.debitItemId]);
    const credit = items.get(payment.id)!;
    const debit = items.get(r.debitItemId)!;
    const amount = minBig(BigInt(r.amount), minBig(credit.openAmount, debit.openAmount));
    if (amount <= 0n) continue;
    await applyCredit(
      {
        creditItemId: payment.id,
        debitItemId: r.debitItemId,
        amount,
        reason: `Chargeback ${row.stripeDisputeId} won: application restored`,
        idempotencyKey: `chargeback-restore-${r.applicationId}`,
      },
      actor,
      t,
    );
  }
  await resolveFlag(t, row.stripeDisputeId, actor);
}

async function recordLoss(
  t: Tx,
  row: { id: string; stripeDisputeId: string; amount: bigint },
  payment: { id: string; customerId: string; number: string },
  actor: Actor,
) {
  const credit = (await lockItems(t, [payment.id])).get(payment.id)!;
  const reason = `Chargeback ${row.stripeDisputeId} lost on payment ${payment.number}`;
  // Applied again by someone during the dispute: free what the network took back.
  await freeCredit(t, credit, row.amount, reason, actor);
  const available = (await lockItems(t, [payment.id])).get(payment.id)!.openAmount;
  const amount = minBig(row.amount, available);
  if (amount <= 0n) return;
  const paymentRow = await t.openItem.findUniqueOrThrow({
    where: { id: payment.id },
    select: { legalEntityId: true },
  });
  const item = await t.openItem.create({
    data: {
      customerId: payment.customerId,
      legalEntityId: paymentRow.legalEntityId,
      kind: "CHARGEBACK",
      number: `${payment.number}-CB-${row.stripeDisputeId.slice(-8)}`,
      currency: credit.currency,
      amount,
      openAmount: amount,
      documentDate: new Date(),
      paymentMethod: "CARD",
      reference: row.stripeDisputeId,
      description: reason,
      idempotencyKey: `chargeback-item-${row.id}`,
      createdById: "stripe-chargeback",
    },
  });
  await applyCredit(
    {
      creditItemId: payment.id,
      debitItemId: item.id,
      amount,
      reason,
      idempotencyKey: `chargeback-${row.id}`,
    },
    actor,
    t,
  );
  await t.chargeback.update({ where: { id: row.id }, data: { chargebackItemId: item.id } });
}

async function resolveFlag(t: Tx, disputeId: string, actor: Actor) {
  await t.accountFlag.updateMany({
    where: { kind: "CHARGEBACK", reference: disputeId, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById: actor.kind === "system" ? actor.name : actor.userId },
  });
}
