import { z } from "zod";
import { type Actor, canReadCustomer, requireStaff } from "../actor.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb, type Prisma } from "../db/client.ts";
import type { DisputeReason, DisputeStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import {
  customerDisputeStatus,
  DISPUTE_REASONS,
  DISPUTE_STATUSES,
  disputeLabel,
  OPEN_DISPUTE_STATUSES,
  UUID_RE,
} from "./dispute-forms.ts";

export const DISPUTE_QUEUE_PAGE_SIZE = 50;

const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v && UUID_RE.test(v) ? v.toLowerCase() : v ? "invalid" : undefined));

/** The queue's filters, as a search form or query string sends them. */
export const ListDisputesSchema = z.object({
  /** Statuses to show; default: the open ones. */
  status: z.array(z.enum(DISPUTE_STATUSES)).max(7).optional(),
  reason: z.enum(DISPUTE_REASONS).optional(),
  ownerId: optionalId,
  departmentId: optionalId,
  customerId: optionalId,
  /** Only open disputes past their deadline. */
  overdue: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ListDisputesInput = z.input<typeof ListDisputesSchema>;

export interface DisputeQueueRow {
  id: string;
  number: number;
  label: string;
  status: DisputeStatus;
  reason: DisputeReason;
  customer: { id: string; name: string; accountNumber: string };
  invoice: { id: string; number: string };
  currency: string;
  amount: bigint;
  owner: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  deadline: Date;
  overdue: boolean;
  escalatedAt: Date | null;
  createdAt: Date;
}

const rowSelect = {
  id: true,
  number: true,
  status: true,
  reason: true,
  currency: true,
  amount: true,
  deadline: true,
  escalatedAt: true,
  createdAt: true,
  customer: { select: { id: true, name: true, accountNumber: true } },
  invoice: { select: { id: true, number: true } },
  owner: { select: { id: true, name: true } },
  department: { select: { id: true, name: true } },
} satisfies Prisma.DisputeSelect;

/**
 * The back office's dispute queue: filter by status (default open), reason, owner, department,
 * customer and "overdue against the deadline"; the nearest deadline first, then oldest.
 */
export async function listDisputes(
  rawInput: ListDisputesInput,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<{ rows: DisputeQueueRow[]; total: number; page: number; pageSize: number }> {
  requireStaff(actor);
  const input = ListDisputesSchema.parse(rawInput);
  const today = ledgerToday(options.now);
  const statuses = input.overdue ? [...OPEN_DISPUTE_STATUSES] : (input.status ?? [...OPEN_DISPUTE_STATUSES]);
  // A malformed id in a filter matches nothing (it is not an error: the query string is the user's).
  if ([input.ownerId, input.departmentId, input.customerId].includes("invalid")) {
    return { rows: [], total: 0, page: input.page, pageSize: DISPUTE_QUEUE_PAGE_SIZE };
  }
  const where: Prisma.DisputeWhereInput = {
    status: {
      in: input.overdue && input.status ? statuses.filter((s) => input.status?.includes(s)) : statuses,
    },
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    ...(input.departmentId ? { departmentId: input.departmentId } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    ...(input.overdue ? { deadline: { lt: today } } : {}),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.dispute.findMany({
      where,
      orderBy: [{ deadline: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * DISPUTE_QUEUE_PAGE_SIZE,
      take: DISPUTE_QUEUE_PAGE_SIZE,
      select: rowSelect,
    }),
    db.dispute.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      label: disputeLabel(r.number),
      currency: r.currency.trim(),
      overdue: (OPEN_DISPUTE_STATUSES as readonly string[]).includes(r.status) && r.deadline < today,
    })),
    total,
    page: input.page,
    pageSize: DISPUTE_QUEUE_PAGE_SIZE,
  };
}

export const ListCustomerDisputesSchema = z.object({
  customerId: z.string().max(100),
  /** Only open ones (for badges and the account page) or all, newest first. */
  openOnly: z.coerce.boolean().default(false),
});
export type ListCustomerDisputesInput = z.input<typeof ListCustomerDisputesSchema>;

export interface CustomerDisputeRow {
  id: string;
  number: number;
  label: string;
  /** As the customer sees it (PENDING_APPROVAL shows as UNDER_REVIEW). */
  status: Exclude<DisputeStatus, "PENDING_APPROVAL">;
  reason: DisputeReason;
  invoice: { id: string; number: string };
  currency: string;
  amount: bigint;
  deadline: Date;
  createdAt: Date;
  closedAt: Date | null;
}

/** A customer account's disputes (portal list, back office account page), newest first, at most 200. */
export async function listCustomerDisputes(
  rawInput: ListCustomerDisputesInput,
  actor: Actor,
): Promise<CustomerDisputeRow[]> {
  const input = ListCustomerDisputesSchema.parse(rawInput);
  const customerId = input.customerId.toLowerCase();
  if (!UUID_RE.test(customerId) || !canReadCustomer(actor, customerId)) {
    throw new DomainError("NOT_FOUND", "Customer not found.");
  }
  const rows = await getDb().dispute.findMany({
    where: { customerId, ...(input.openOnly ? { status: { in: [...OPEN_DISPUTE_STATUSES] } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      number: true,
      status: true,
      reason: true,
      currency: true,
      amount: true,
      deadline: true,
      createdAt: true,
      closedAt: true,
      invoice: { select: { id: true, number: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    label: disputeLabel(r.number),
    status: customerDisputeStatus(r.status),
    currency: r.currency.trim(),
  }));
}
