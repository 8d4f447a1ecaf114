import { z } from "zod";
import { type Actor, canReadCustomer, requireStaff } from "../actor.ts";
import {
  type ActivityFacts,
  AUDIT_ROW_SELECT,
  CUSTOMER_ACTIONS,
  customerSees,
  withActivityFacts,
} from "../audit/activity-facts.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb } from "../db/client.ts";
import type {
  DisputeChannel,
  DisputeOutcome,
  DisputeReason,
  DisputeRootCause,
  DisputeScope,
  DisputeStatus,
} from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { businessDaysAfter, isoDay } from "./business-days.ts";
import { DEPARTMENT_NAME_SELECT, departmentName, namedDepartment } from "./department-names.ts";
import { customerDisputeStatus, disputeLabel, UUID_RE } from "./dispute-forms.ts";
import { type DisputeCan, disputeCan } from "./dispute-permissions.ts";

export const GetDisputeSchema = z.object({ disputeId: z.string().max(100) });
export type GetDisputeInput = z.input<typeof GetDisputeSchema>;
export const GetPortalDisputeSchema = z.object({
  customerId: z.string().max(100),
  disputeId: z.string().max(100),
});
export type GetPortalDisputeInput = z.input<typeof GetPortalDisputeSchema>;

export interface DisputeMessageView {
  id: string;
  visibility: "CUSTOMER" | "INTERNAL";
  authorKind: string;
  authorName: string;
  /** Plain text: render it as text (never as HTML). */
  body: string;
  createdAt: Date;
}

export interface DisputeAttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  visibility: "CUSTOMER" | "INTERNAL";
  createdAt: Date;
}

interface DisputeBase {
  id: string;
  number: number;
  label: string;
  customer: { id: string; name: string; accountNumber: string };
  invoice: {
    id: string;
    number: string;
    currency: string;
    amount: bigint;
    openAmount: bigint;
    dueDate: Date | null;
  };
  scope: DisputeScope;
  currency: string;
  amount: bigint;
  reason: DisputeReason;
  description: string;
  channel: DisputeChannel;
  deadline: Date;
  createdAt: Date;
  closedAt: Date | null;
  lines: { lineNo: number; description: string; lineTotal: bigint; amount: bigint }[];
  messages: DisputeMessageView[];
  attachments: DisputeAttachmentView[];
  /** For a credit: the credit memo and how much of it cleared the invoice. */
  creditMemo: { id: string; number: string; amount: bigint; applied: bigint } | null;
  /** RESOLVED_*: the agreed credit and the explanation given to the customer. */
  resolution: { outcome: DisputeOutcome; creditAmount: bigint | null; explanation: string | null } | null;
}

export interface PortalDisputeView extends DisputeBase {
  /** PENDING_APPROVAL shows as UNDER_REVIEW to the customer. */
  status: Exclude<DisputeStatus, "PENDING_APPROVAL">;
  /** The department working on it (no staff names on the portal). */
  department: string | null;
  canWithdraw: boolean;
  canReply: boolean;
  /** What happened that the customer may see (no internal notes, no staff names), oldest first. */
  history: { id: string; at: Date; facts: ActivityFacts }[];
}

export interface StaffDisputeView extends DisputeBase {
  status: DisputeStatus;
  customerStatus: Exclude<DisputeStatus, "PENDING_APPROVAL">;
  legalEntity: { id: string; code: string; name: string };
  owner: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  rule: { id: string; deadlineDays: number } | null;
  raisedBy: { kind: "portal" | "staff"; id: string | null; name: string | null };
  notify: { email: string | null; name: string | null; locale: string };
  escalatedAt: Date | null;
  overdue: boolean;
  /** Business days of the legal entity past the deadline (0 when not overdue). */
  overdueBusinessDays: number;
  /** The full decision (proposed while PENDING_APPROVAL). */
  decision: {
    outcome: DisputeOutcome;
    creditAmount: bigint | null;
    rootCause: DisputeRootCause | null;
    explanation: string | null;
    decidedBy: { id: string; name: string } | null;
    decidedAt: Date | null;
    approvedBy: { id: string; name: string } | null;
    approvedAt: Date | null;
  } | null;
  /** What the actor may do with it now. */
  can: DisputeCan;
  /** The audit trail of the dispute, oldest first. */
  history: {
    id: string;
    at: Date;
    action: string;
    /** What happened, for a sentence in the page's language. */
    facts: ActivityFacts;
    after: unknown;
  }[];
}

async function load(disputeId: string, customerId: string | null, internal: boolean) {
  if (!UUID_RE.test(disputeId)) return null;
  return getDb().dispute.findFirst({
    where: { id: disputeId.toLowerCase(), ...(customerId ? { customerId } : {}) },
    include: {
      customer: { select: { id: true, name: true, accountNumber: true } },
      invoice: {
        select: { id: true, number: true, currency: true, amount: true, openAmount: true, dueDate: true },
      },
      legalEntity: { select: { id: true, code: true, name: true } },
      owner: { select: { id: true, name: true } },
      department: { select: DEPARTMENT_NAME_SELECT },
      rule: { select: { id: true, deadlineDays: true } },
      raisedByPortalUser: { select: { id: true, name: true } },
      raisedByStaff: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
      approvedBy: { select: { id: true, name: true } },
      creditMemoItem: { select: { id: true, number: true, amount: true, openAmount: true } },
      lines: {
        select: {
          amount: true,
          invoiceLine: { select: { lineNo: true, description: true, netAmount: true, taxAmount: true } },
        },
      },
      messages: {
        where: internal ? {} : { visibility: "CUSTOMER" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          visibility: true,
          authorKind: true,
          authorName: true,
          body: true,
          createdAt: true,
        },
      },
      attachments: {
        where: internal ? {} : { visibility: "CUSTOMER" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fileName: true,
          contentType: true,
          size: true,
          sha256: true,
          visibility: true,
          createdAt: true,
        },
      },
    },
  });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function base(d: Loaded): DisputeBase {
  const closed = d.status.startsWith("RESOLVED_");
  return {
    id: d.id,
    number: d.number,
    label: disputeLabel(d.number),
    customer: d.customer,
    invoice: { ...d.invoice, currency: d.invoice.currency.trim() },
    scope: d.scope,
    currency: d.currency.trim(),
    amount: d.amount,
    reason: d.reason,
    description: d.description,
    channel: d.channel,
    deadline: d.deadline,
    createdAt: d.createdAt,
    closedAt: d.closedAt,
    lines: d.lines
      .map((l) => ({
        lineNo: l.invoiceLine.lineNo,
        description: l.invoiceLine.description,
        lineTotal: l.invoiceLine.netAmount + l.invoiceLine.taxAmount,
        amount: l.amount,
      }))
      .sort((a, b) => a.lineNo - b.lineNo),
    messages: d.messages,
    attachments: d.attachments,
    creditMemo: d.creditMemoItem
      ? {
          id: d.creditMemoItem.id,
          number: d.creditMemoItem.number,
          amount: d.creditMemoItem.amount,
          applied: d.creditMemoItem.amount - d.creditMemoItem.openAmount,
        }
      : null,
    resolution:
      closed && d.outcome
        ? { outcome: d.outcome, creditAmount: d.creditAmount, explanation: d.resolutionNote }
        : null,
  };
}

/**
 * One dispute of a customer account for its portal users: status as the customer sees it, the
 * customer-visible thread and documents, never internal notes or staff names. Another account's
 * dispute, an unknown or a malformed id is NOT_FOUND.
 */
export async function getPortalDispute(
  rawInput: GetPortalDisputeInput,
  actor: Actor,
  options: { locale?: string } = {},
): Promise<PortalDisputeView> {
  const input = GetPortalDisputeSchema.parse(rawInput);
  const customerId = input.customerId.toLowerCase();
  if (!UUID_RE.test(customerId) || !canReadCustomer(actor, customerId)) {
    throw new DomainError("NOT_FOUND", "Dispute not found.");
  }
  const d = await load(input.disputeId, customerId, false);
  if (!d) throw new DomainError("NOT_FOUND", "Dispute not found.");
  const open = ["OPEN", "UNDER_REVIEW", "PENDING_APPROVAL"].includes(d.status);
  const events = await getDb().auditEvent.findMany({
    where: { entityType: "dispute", entityId: d.id, action: { in: CUSTOMER_ACTIONS } },
    orderBy: { id: "asc" },
    take: 500,
    select: { id: true, at: true, ...AUDIT_ROW_SELECT },
  });
  const seen = events.filter(customerSees);
  return {
    ...base(d),
    status: customerDisputeStatus(d.status),
    department: d.department ? departmentName(d.department, options.locale) : null,
    canWithdraw: open,
    canReply: open,
    history: (await withActivityFacts(seen, "portal")).map((e) => ({
      id: String(e.id),
      at: e.at,
      facts: e.facts,
    })),
  };
}

/** The whole dispute for staff: thread with internal notes, decision, owner, history. */
export async function getDispute(
  rawInput: GetDisputeInput,
  actor: Actor,
  options: { now?: Date; locale?: string } = {},
): Promise<StaffDisputeView> {
  requireStaff(actor);
  const input = GetDisputeSchema.parse(rawInput);
  const d = await load(input.disputeId, null, true);
  if (!d) throw new DomainError("NOT_FOUND", "Dispute not found.");
  const events = await withActivityFacts(
    await getDb().auditEvent.findMany({
      where: { entityType: "dispute", entityId: d.id },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, at: true, ...AUDIT_ROW_SELECT },
    }),
    "staff",
  );
  const open = ["OPEN", "UNDER_REVIEW", "PENDING_APPROVAL"].includes(d.status);
  const today = ledgerToday(options.now);
  const overdue = open && d.deadline < today;
  const holidays = overdue
    ? await getDb().holiday.findMany({
        where: { legalEntityId: d.legalEntityId, date: { gt: d.deadline, lte: today } },
        select: { date: true },
      })
    : [];
  return {
    ...base(d),
    status: d.status,
    customerStatus: customerDisputeStatus(d.status),
    legalEntity: d.legalEntity,
    owner: d.owner,
    department: namedDepartment(d.department, options.locale),
    rule: d.rule,
    raisedBy: d.raisedByPortalUser
      ? { kind: "portal", id: d.raisedByPortalUser.id, name: d.raisedByPortalUser.name }
      : { kind: "staff", id: d.raisedByStaff?.id ?? null, name: d.raisedByStaff?.name ?? null },
    notify: { email: d.notifyEmail, name: d.notifyName, locale: d.locale },
    escalatedAt: d.escalatedAt,
    overdue,
    overdueBusinessDays: overdue
      ? businessDaysAfter(d.deadline, today, new Set(holidays.map((h) => isoDay(h.date))))
      : 0,
    decision: d.outcome
      ? {
          outcome: d.outcome,
          creditAmount: d.creditAmount,
          rootCause: d.rootCause,
          explanation: d.resolutionNote,
          decidedBy: d.decidedBy,
          decidedAt: d.decidedAt,
          approvedBy: d.approvedBy,
          approvedAt: d.approvedAt,
        }
      : null,
    can: disputeCan(actor, d),
    history: events.map((e) => ({
      id: String(e.id),
      at: e.at,
      action: e.action,
      facts: e.facts,
      after: e.after,
    })),
  };
}
