import { type Actor, hasStaffRole, requireStaff } from "../actor.ts";
import { getDb } from "../db/client.ts";
import { DISPUTE_MANAGER_ROLES, disputeLabel } from "../disputes/dispute-forms.ts";
import { REFUND_APPROVE_ROLES } from "../payments/refund-forms.ts";
import { type RefundReopen, refundReopens } from "../payments/refund-reopening.ts";

/** One thing waiting for a second staff member's approval. */
export interface PendingApproval {
  kind: "refund" | "dispute-credit";
  /** The refund's or the dispute's id. */
  id: string;
  /** Where it is decided: the card payment's page, or the dispute's. */
  href: string;
  /** The refund's payment attempt (for approving a refund). */
  attemptId: string | null;
  /** What it is: the receipt number, or the dispute's label and invoice. */
  subject: string;
  customer: { id: string; name: string; accountNumber: string };
  amount: bigint;
  currency: string;
  requestedBy: string | null;
  requestedAt: Date;
  /** The reader asked for it: someone else must approve. */
  mine: boolean;
  /** A refund's invoices that approving it opens again, and by how much (as requested). */
  reopens: RefundReopen[];
}

/**
 * Refunds and dispute credits waiting for a second staff member, oldest first, with what the
 * reader may do. Any staff member may look; AR managers and admins approve (never their own).
 */
export async function listApprovals(actor: Actor) {
  requireStaff(actor);
  const me = actor.kind === "staff" ? actor.userId : null;
  const db = getDb();
  const [refunds, disputes] = await Promise.all([
    db.refund.findMany({
      where: { status: "PENDING_APPROVAL" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        amount: true,
        currency: true,
        createdAt: true,
        requestedById: true,
        requestedBy: { select: { name: true } },
        customer: { select: { id: true, name: true, accountNumber: true } },
        paymentItem: { select: { number: true, paymentAttempt: { select: { id: true } } } },
      },
    }),
    db.dispute.findMany({
      where: { status: "PENDING_APPROVAL" },
      orderBy: { decidedAt: "asc" },
      select: {
        id: true,
        number: true,
        currency: true,
        creditAmount: true,
        amount: true,
        decidedAt: true,
        createdAt: true,
        decidedById: true,
        decidedBy: { select: { name: true } },
        customer: { select: { id: true, name: true, accountNumber: true } },
        invoice: { select: { number: true } },
      },
    }),
  ]);
  const reopens = await refundReopens(
    db,
    refunds.map((r) => r.id),
  );
  const items: PendingApproval[] = [
    ...refunds.map((r): PendingApproval => {
      const attemptId = r.paymentItem.paymentAttempt?.id ?? null;
      return {
        kind: "refund",
        id: r.id,
        href: attemptId ? `/card-payments/${attemptId}` : `/customers/${r.customer.id}`,
        attemptId,
        subject: r.paymentItem.number,
        customer: r.customer,
        amount: r.amount,
        currency: r.currency,
        requestedBy: r.requestedBy?.name ?? null,
        requestedAt: r.createdAt,
        mine: me !== null && r.requestedById === me,
        reopens: reopens.get(r.id) ?? [],
      };
    }),
    ...disputes.map(
      (d): PendingApproval => ({
        kind: "dispute-credit",
        id: d.id,
        href: `/disputes/${d.id}`,
        attemptId: null,
        subject: `${disputeLabel(d.number)} · ${d.invoice.number}`,
        customer: d.customer,
        amount: d.creditAmount ?? d.amount,
        currency: d.currency,
        requestedBy: d.decidedBy?.name ?? null,
        requestedAt: d.decidedAt ?? d.createdAt,
        mine: me !== null && d.decidedById === me,
        reopens: [],
      }),
    ),
  ].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  return {
    items,
    can: {
      approveRefunds: hasStaffRole(actor, REFUND_APPROVE_ROLES),
      approveDisputeCredits: hasStaffRole(actor, DISPUTE_MANAGER_ROLES),
    },
  };
}
