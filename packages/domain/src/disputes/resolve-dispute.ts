import { type Actor, requireStaffRole, systemActor } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import type { DisputeOutcome, DisputeRootCause } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { applyCredit } from "../ledger/apply-credit.ts";
import { lockItems } from "../ledger/lock-items.ts";
import { recordCredit } from "../ledger/record-credit.ts";
import { minBig, toDecimalString } from "../money/money.ts";
import { amountExample, parseTypedAmount } from "../money/typed-amount.ts";
import {
  arManagers,
  authorName,
  closeDispute,
  type LockedDispute,
  lockDispute,
  notifyCustomer,
  notifyStaff,
} from "./dispute-access.ts";
import {
  type DecideDisputeApprovalInput,
  DecideDisputeApprovalSchema,
  DISPUTE_MANAGER_ROLES,
  DISPUTE_WORK_ROLES,
  type DisputeStatus,
  parseInput,
  type ResolveDisputeInput,
  ResolveDisputeSchema,
} from "./dispute-forms.ts";

export interface DisputeResolution {
  id: string;
  status: DisputeStatus;
  outcome: DisputeOutcome;
  creditAmount: bigint | null;
  /** The credit memo, once issued (valid and partly valid resolutions, after any approval). */
  creditMemo: { id: string; number: string; applied: bigint } | null;
  /** What is left open on the invoice afterwards. */
  invoiceOpenAmount: bigint;
  /** True when this repeats a decision already taken (a resubmitted form). */
  replayed: boolean;
}

const STATUS_OF: Record<DisputeOutcome, DisputeStatus> = {
  VALID: "RESOLVED_VALID",
  PARTIAL: "RESOLVED_PARTIAL",
  INVALID: "RESOLVED_INVALID",
};

/** Credits above the currency's amount (or in a currency without one) need a second staff member. */
export async function creditNeedsApproval(t: Tx, currency: string, amount: bigint): Promise<boolean> {
  const threshold = await t.disputeApprovalThreshold.findUnique({ where: { currency } });
  return !threshold || amount > threshold.amount;
}

/**
 * An analyst decides a dispute. VALID credits the whole disputed amount, PARTIAL the agreed
 * amount (less than disputed); both issue a credit memo applied to the invoice, unless the credit
 * is above the currency's approval amount: then the decision waits (PENDING_APPROVAL) for an AR
 * manager who is not the analyst. INVALID returns the invoice to collection and sends the
 * explanation to the customer, also as a message in the thread. Every resolution records outcome,
 * root cause and who decided; the customer is e-mailed in their language.
 *
 * Submitting the same decision again returns it (replayed); a different one on a decided dispute
 * is INVALID_STATE.
 */
export async function resolveDispute(
  rawInput: ResolveDisputeInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx; locale?: string } = {},
): Promise<DisputeResolution> {
  requireStaffRole(actor, DISPUTE_WORK_ROLES);
  const input = parseInput(ResolveDisputeSchema, rawInput);
  return inTransaction(options.tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    let creditAmount: bigint | null = null;
    if (input.outcome === "VALID") creditAmount = dispute.amount;
    if (input.outcome === "PARTIAL") {
      // As the analyst typed it, in their language.
      const locale = options.locale ?? "en";
      try {
        creditAmount = parseTypedAmount(input.creditAmount as string, dispute.currency, locale);
      } catch {
        const example = amountExample(dispute.currency, locale);
        throw new DomainError("VALIDATION", `Enter the amount in ${dispute.currency}, like ${example}.`, {
          field: "creditAmount",
          reason: "amount-format",
          currency: dispute.currency,
          example,
        });
      }
      if (creditAmount <= 0n || creditAmount >= dispute.amount) {
        throw new DomainError(
          "VALIDATION",
          `A partial credit is more than zero and less than the disputed ${toDecimalString(dispute.amount, dispute.currency)} ${dispute.currency}.`,
          {
            field: "creditAmount",
            reason: "partial-credit-range",
            disputed: toDecimalString(dispute.amount, dispute.currency),
            currency: dispute.currency,
          },
        );
      }
    }

    if (dispute.status !== "OPEN" && dispute.status !== "UNDER_REVIEW") {
      const same =
        dispute.outcome === input.outcome &&
        dispute.creditAmount === creditAmount &&
        (dispute.status === STATUS_OF[input.outcome] || dispute.status === "PENDING_APPROVAL");
      if (same) return current(t, dispute, true);
      throw new DomainError(
        "INVALID_STATE",
        dispute.status === "PENDING_APPROVAL"
          ? "This dispute's resolution is waiting for approval."
          : "This dispute is already closed.",
        {
          reason: dispute.status === "PENDING_APPROVAL" ? "awaiting-approval" : "already-closed",
          status: dispute.status,
        },
      );
    }

    const decidedById = actor.kind === "staff" ? actor.userId : null;
    const decision = {
      outcome: input.outcome,
      creditAmount,
      rootCause: input.rootCause as DisputeRootCause,
      resolutionNote: input.explanation,
      decidedById,
      decidedAt: new Date(),
    };
    if (creditAmount !== null && (await creditNeedsApproval(t, dispute.currency, creditAmount))) {
      await t.dispute.update({
        where: { id: dispute.id },
        data: { ...decision, status: "PENDING_APPROVAL" },
      });
      await appendAudit(t, actor, {
        action: "dispute.propose",
        entityType: "dispute",
        entityId: dispute.id,
        customerId: dispute.customerId,
        before: { status: dispute.status },
        after: {
          status: "PENDING_APPROVAL",
          outcome: input.outcome,
          creditAmount,
          rootCause: input.rootCause,
        },
      });
      // The customer sees "under review" until the approval: tell them only if that is news.
      if (dispute.status === "OPEN") await notifyCustomer(t, dispute, "UNDER_REVIEW");
      await notifyStaff(t, dispute, "APPROVAL_NEEDED", await arManagers(t), {
        proposal: { outcome: input.outcome, creditAmount },
      });
      const invoice = (await lockItems(t, [dispute.invoiceId])).get(dispute.invoiceId);
      return {
        id: dispute.id,
        status: "PENDING_APPROVAL",
        outcome: input.outcome,
        creditAmount,
        creditMemo: null,
        invoiceOpenAmount: invoice?.openAmount ?? 0n,
        replayed: false,
      };
    }
    await t.dispute.update({ where: { id: dispute.id }, data: decision });
    return finalize(t, { ...dispute, ...decision }, actor, null, options.now);
  });
}

/**
 * An AR manager (not the analyst who decided) approves a resolution waiting for approval: the
 * credit memo is issued and applied, the dispute resolved and the customer told. Approving an
 * approved dispute again returns it.
 */
export async function approveDisputeResolution(
  rawInput: DecideDisputeApprovalInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx; locale?: string } = {},
): Promise<DisputeResolution> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(DecideDisputeApprovalSchema, rawInput);
  return inTransaction(options.tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    const approverId = actor.kind === "staff" ? actor.userId : null;
    if (approverId && dispute.decidedById === approverId) {
      throw new DomainError("FORBIDDEN", "Someone else must approve the resolution you proposed.", {
        reason: "own-proposal",
      });
    }
    if (dispute.status !== "PENDING_APPROVAL") {
      const approved = await t.dispute.findUnique({
        where: { id: dispute.id },
        select: { approvedById: true },
      });
      if (approved?.approvedById && approved.approvedById === approverId) return current(t, dispute, true);
      throw new DomainError("INVALID_STATE", "This dispute is not waiting for approval.", {
        reason: "not-awaiting-approval",
        status: dispute.status,
      });
    }
    await t.dispute.update({
      where: { id: dispute.id },
      data: { approvedById: approverId, approvedAt: new Date() },
    });
    await appendAudit(t, actor, {
      action: "dispute.approve",
      entityType: "dispute",
      entityId: dispute.id,
      customerId: dispute.customerId,
      after: { outcome: dispute.outcome, creditAmount: dispute.creditAmount, note: input.note },
    });
    return finalize(t, dispute, actor, input.note ?? null, options.now);
  });
}

/**
 * An AR manager (not the analyst) sends a proposed resolution back: the dispute is under review
 * again with the note as an internal note for the analyst. The customer sees no change.
 */
export async function rejectDisputeResolution(
  rawInput: DecideDisputeApprovalInput,
  actor: Actor,
  tx?: Tx,
): Promise<{ id: string; status: DisputeStatus }> {
  requireStaffRole(actor, DISPUTE_MANAGER_ROLES);
  const input = parseInput(DecideDisputeApprovalSchema, rawInput);
  const note = input.note;
  if (!note)
    throw new DomainError("VALIDATION", "Say why the resolution is sent back.", {
      field: "note",
      reason: "note-to-send-back",
    });
  return inTransaction(tx, async (t) => {
    const dispute = await lockDispute(t, input.disputeId, actor);
    if (actor.kind === "staff" && dispute.decidedById === actor.userId) {
      throw new DomainError("FORBIDDEN", "Someone else must decide on the resolution you proposed.", {
        reason: "own-proposal",
      });
    }
    if (dispute.status !== "PENDING_APPROVAL") {
      throw new DomainError("INVALID_STATE", "This dispute is not waiting for approval.", {
        reason: "not-awaiting-approval",
        status: dispute.status,
      });
    }
    await t.dispute.update({
      where: { id: dispute.id },
      data: {
        status: "UNDER_REVIEW",
        outcome: null,
        creditAmount: null,
        rootCause: null,
        resolutionNote: null,
        decidedById: null,
        decidedAt: null,
      },
    });
    await t.disputeMessage.create({
      data: {
        disputeId: dispute.id,
        visibility: "INTERNAL",
        authorKind: actor.kind,
        authorId: actor.kind === "staff" ? actor.userId : null,
        authorName: await authorName(t, actor),
        body: note,
      },
    });
    await appendAudit(t, actor, {
      action: "dispute.reject-resolution",
      entityType: "dispute",
      entityId: dispute.id,
      customerId: dispute.customerId,
      before: { status: "PENDING_APPROVAL", outcome: dispute.outcome, creditAmount: dispute.creditAmount },
      after: { status: "UNDER_REVIEW", note: input.note },
    });
    return { id: dispute.id, status: "UNDER_REVIEW" as const };
  });
}

/**
 * Closes the dispute as decided: for a credit, a CREDIT_MEMO item (number CM-D<n>, idempotency
 * key per dispute) applied to the invoice as far as it is still open (any rest stays on the
 * account as unapplied credit); the holds are released, the customer told.
 */
async function finalize(
  t: Tx,
  dispute: LockedDispute & {
    outcome: DisputeOutcome | null;
    creditAmount: bigint | null;
    resolutionNote: string | null;
  },
  actor: Actor,
  approvalNote: string | null,
  now?: Date,
): Promise<DisputeResolution> {
  const outcome = dispute.outcome as DisputeOutcome;
  const status = STATUS_OF[outcome];
  // The invoice first, then the new memo: the same lock order as every ledger command.
  const invoice = (await lockItems(t, [dispute.invoiceId])).get(dispute.invoiceId);
  if (!invoice) throw new DomainError("NOT_FOUND", "Invoice not found.");
  let creditMemo: DisputeResolution["creditMemo"] = null;
  let invoiceOpenAmount = invoice.openAmount;
  // Ledger writes carry the dispute as their system actor; the people are on the dispute's audit.
  const ledgerActor = { ...systemActor(`dispute:${dispute.label}`), requestId: actor.requestId };
  if (dispute.creditAmount !== null) {
    const memo = await recordCredit(
      {
        customerId: dispute.customerId,
        kind: "CREDIT_MEMO",
        number: `CM-${dispute.label}`,
        currency: dispute.currency,
        amount: dispute.creditAmount,
        documentDate: ledgerToday(now),
        reference: dispute.invoiceNumber,
        description: `Dispute ${dispute.label} on invoice ${dispute.invoiceNumber}`,
        idempotencyKey: `dispute-credit-memo:${dispute.id}`,
      },
      ledgerActor,
      t,
    );
    const applied = minBig(dispute.creditAmount, invoice.openAmount);
    if (applied > 0n) {
      const application = await applyCredit(
        {
          creditItemId: memo.id,
          debitItemId: invoice.id,
          amount: applied,
          reason: `Dispute ${dispute.label}`,
          idempotencyKey: `dispute-credit-apply:${dispute.id}`,
        },
        ledgerActor,
        t,
      );
      invoiceOpenAmount = application.debitOpenAmount;
    }
    creditMemo = { id: memo.id, number: memo.number, applied };
  }
  await closeDispute(t, dispute.id, {
    status,
    creditMemoItem: creditMemo ? { connect: { id: creditMemo.id } } : undefined,
  });
  if (outcome === "INVALID" && dispute.resolutionNote) {
    await t.disputeMessage.create({
      data: {
        disputeId: dispute.id,
        visibility: "CUSTOMER",
        authorKind: actor.kind,
        authorId: actor.kind === "system" ? null : actor.userId,
        authorName: await authorName(t, actor),
        body: dispute.resolutionNote,
      },
    });
  }
  await appendAudit(t, actor, {
    action: "dispute.resolve",
    entityType: "dispute",
    entityId: dispute.id,
    customerId: dispute.customerId,
    before: { status: dispute.status },
    after: {
      status,
      outcome,
      creditAmount: dispute.creditAmount,
      creditMemoItemId: creditMemo?.id ?? null,
      applied: creditMemo?.applied ?? null,
      invoiceOpenAmount,
      approvalNote,
    },
  });
  await notifyCustomer(t, dispute, outcome === "INVALID" ? "RESOLVED_INVALID" : "RESOLVED", {
    creditAmount: dispute.creditAmount ?? undefined,
    creditMemoNumber: creditMemo?.number,
    invoiceOpenAmount,
    text: dispute.resolutionNote ?? undefined,
  });
  return {
    id: dispute.id,
    status,
    outcome,
    creditAmount: dispute.creditAmount,
    creditMemo,
    invoiceOpenAmount,
    replayed: false,
  };
}

async function current(t: Tx, dispute: LockedDispute, replayed: boolean): Promise<DisputeResolution> {
  const memo = dispute.creditMemoItemId
    ? await t.openItem.findUnique({
        where: { id: dispute.creditMemoItemId },
        select: { id: true, number: true, amount: true, openAmount: true },
      })
    : null;
  const invoice = await t.openItem.findUniqueOrThrow({
    where: { id: dispute.invoiceId },
    select: { openAmount: true },
  });
  return {
    id: dispute.id,
    status: dispute.status,
    outcome: dispute.outcome as DisputeOutcome,
    creditAmount: dispute.creditAmount,
    creditMemo: memo ? { id: memo.id, number: memo.number, applied: memo.amount - memo.openAmount } : null,
    invoiceOpenAmount: invoice.openAmount,
    replayed,
  };
}
