import { z } from "zod";
import { type Actor, canReadCustomer, requireStaff } from "../actor.ts";
import { likeLiteral, SearchText } from "../base/search-text.ts";
import { ledgerToday } from "../customers/account-balances.ts";
import { getDb, type Prisma } from "../db/client.ts";
import type { DisputeReason, DisputeStatus } from "../db/generated/enums.ts";
import { DomainError } from "../errors.ts";
import { businessDaysAfter, isoDay } from "./business-days.ts";
import { DEPARTMENT_NAME_SELECT, namedDepartment } from "./department-names.ts";
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

export const DISPUTE_QUEUE_SORTS = ["deadline", "created", "amount", "customer", "number"] as const;
export type DisputeQueueSort = (typeof DISPUTE_QUEUE_SORTS)[number];

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
  /** Customer name or account number, a dispute number ("D-12") or an invoice number. */
  q: SearchText(100),
  /** Nearest deadline first by default; an unknown sort falls back to it. */
  sort: z.enum(DISPUTE_QUEUE_SORTS).default("deadline").catch("deadline"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
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
  /** Business days of the legal entity past the deadline (0 when not overdue). */
  overdueBusinessDays: number;
  escalatedAt: Date | null;
  createdAt: Date;
}

export interface DisputeQueuePage {
  rows: DisputeQueueRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Disputes per status under the other filters (the status tabs' counts). */
  byStatus: Record<DisputeStatus, number>;
  sort: DisputeQueueSort;
  dir: "asc" | "desc";
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
  legalEntityId: true,
  customer: { select: { id: true, name: true, accountNumber: true } },
  invoice: { select: { id: true, number: true } },
  owner: { select: { id: true, name: true } },
  department: { select: DEPARTMENT_NAME_SELECT },
} satisfies Prisma.DisputeSelect;

/** A search text as the queue reads it: "D-12" is a dispute number, anything else a name or number. */
function searchWhere(q: string): Prisma.DisputeWhereInput {
  const label = /^d-?(\d{1,9})$/i.exec(q);
  return {
    OR: [
      ...(label ? [{ number: Number(label[1]) }] : []),
      { customer: { name: { contains: likeLiteral(q), mode: "insensitive" } } },
      { customer: { accountNumber: { contains: likeLiteral(q), mode: "insensitive" } } },
      { invoice: { number: { contains: likeLiteral(q), mode: "insensitive" } } },
    ],
  };
}

function orderBy(sort: DisputeQueueSort, dir: "asc" | "desc"): Prisma.DisputeOrderByWithRelationInput[] {
  const first: Prisma.DisputeOrderByWithRelationInput = {
    deadline: { deadline: dir },
    created: { createdAt: dir },
    amount: { amount: dir },
    customer: { customer: { name: dir } },
    number: { number: dir },
  }[sort];
  return [first, { deadline: "asc" }, { createdAt: "asc" }, { id: "asc" }];
}

/**
 * The back office's dispute queue: filter by status (default open), reason, owner, department,
 * customer (id or search text) and "overdue against the deadline"; sorted (nearest deadline
 * first by default) and paged, with the count per status under the other filters for tabs.
 */
export async function listDisputes(
  rawInput: ListDisputesInput,
  actor: Actor,
  options: { now?: Date; locale?: string } = {},
): Promise<DisputeQueuePage> {
  requireStaff(actor);
  const input = ListDisputesSchema.parse(rawInput);
  const today = ledgerToday(options.now);
  const statuses = input.overdue ? [...OPEN_DISPUTE_STATUSES] : (input.status ?? [...OPEN_DISPUTE_STATUSES]);
  const byStatus = Object.fromEntries(DISPUTE_STATUSES.map((s) => [s, 0])) as Record<DisputeStatus, number>;
  const empty = (): DisputeQueuePage => ({
    rows: [],
    total: 0,
    page: input.page,
    pageSize: DISPUTE_QUEUE_PAGE_SIZE,
    pageCount: 1,
    byStatus,
    sort: input.sort,
    dir: input.dir,
  });
  // A malformed id in a filter matches nothing (it is not an error: the query string is the user's).
  if ([input.ownerId, input.departmentId, input.customerId].includes("invalid")) return empty();
  const others: Prisma.DisputeWhereInput = {
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    ...(input.departmentId ? { departmentId: input.departmentId } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
    ...(input.overdue ? { deadline: { lt: today } } : {}),
    ...(input.q ? searchWhere(input.q) : {}),
  };
  const where: Prisma.DisputeWhereInput = {
    ...others,
    status: {
      in: input.overdue && input.status ? statuses.filter((s) => input.status?.includes(s)) : statuses,
    },
  };
  const db = getDb();
  const [rows, total, counts] = await Promise.all([
    db.dispute.findMany({
      where,
      orderBy: orderBy(input.sort, input.dir),
      skip: (input.page - 1) * DISPUTE_QUEUE_PAGE_SIZE,
      take: DISPUTE_QUEUE_PAGE_SIZE,
      select: rowSelect,
    }),
    db.dispute.count({ where }),
    db.dispute.groupBy({
      by: ["status"],
      where: { ...others, ...(input.overdue ? { status: { in: [...OPEN_DISPUTE_STATUSES] } } : {}) },
      _count: { _all: true },
    }),
  ]);
  for (const c of counts) byStatus[c.status] = c._count._all;
  const isOverdue = (r: (typeof rows)[number]) =>
    (OPEN_DISPUTE_STATUSES as readonly string[]).includes(r.status) && r.deadline < today;
  const late = rows.filter(isOverdue);
  const holidays = new Map<string, Set<string>>();
  if (late.length > 0) {
    const earliest = new Date(Math.min(...late.map((r) => r.deadline.getTime())));
    const found = await db.holiday.findMany({
      where: {
        legalEntityId: { in: [...new Set(late.map((r) => r.legalEntityId))] },
        date: { gt: earliest, lte: today },
      },
      select: { legalEntityId: true, date: true },
    });
    for (const h of found) {
      const set = holidays.get(h.legalEntityId) ?? new Set<string>();
      set.add(isoDay(h.date));
      holidays.set(h.legalEntityId, set);
    }
  }
  return {
    rows: rows.map(({ legalEntityId, ...r }) => {
      const overdue = isOverdue({ ...r, legalEntityId });
      return {
        ...r,
        department: namedDepartment(r.department, options.locale),
        label: disputeLabel(r.number),
        currency: r.currency.trim(),
        overdue,
        overdueBusinessDays: overdue
          ? businessDaysAfter(r.deadline, today, holidays.get(legalEntityId) ?? new Set())
          : 0,
      };
    }),
    total,
    page: input.page,
    pageSize: DISPUTE_QUEUE_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / DISPUTE_QUEUE_PAGE_SIZE)),
    byStatus,
    sort: input.sort,
    dir: input.dir,
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
