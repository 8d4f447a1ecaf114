import { type Actor, hasStaffRole, requireStaffRole } from "../actor.ts";
import { getDb, type Prisma } from "../db/client.ts";
import { planLabel } from "../plans/plan-forms.ts";
import {
  ALL_TASKS_ROLES,
  COLLECTOR_TASKS_PAGE_SIZE,
  type CollectorTaskKind,
  type CollectorTaskStatus,
  type ListCollectorTasksInput,
  ListCollectorTasksSchema,
  TASK_ROLES,
} from "./task-forms.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CollectorTaskRow {
  id: string;
  kind: CollectorTaskKind;
  status: CollectorTaskStatus;
  dueOn: Date;
  createdAt: Date;
  doneAt: Date | null;
  customer: { id: string; name: string; accountNumber: string };
  plan: { id: string; label: string } | null;
  /** The broken instalment (PLAN_BROKEN): its place in the schedule and due date. */
  instalment: { sequence: number; dueDate: Date } | null;
  /** Null: the team's queue (the account has no collector). */
  assignee: { id: string; name: string } | null;
}

export interface CollectorTaskList {
  status: CollectorTaskStatus | undefined;
  kind: CollectorTaskKind | undefined;
  page: number;
  pageCount: number;
  total: number;
  rows: CollectorTaskRow[];
  /** Whether the reader sees everyone's tasks (AR managers, administrators) or their own. */
  scope: "all" | "mine";
}

/**
 * Collector tasks, the latest due first: a collector sees the tasks assigned to them, AR managers
 * and administrators everyone's (or, with `mine`, theirs and the team's queue: tasks of accounts
 * without a collector). Filters by status, kind and account;
 * paged. Other staff and portal users are refused.
 */
export async function listCollectorTasks(
  rawInput: ListCollectorTasksInput,
  actor: Actor,
): Promise<CollectorTaskList> {
  requireStaffRole(actor, TASK_ROLES);
  const input = ListCollectorTasksSchema.parse(rawInput);
  const everyone = hasStaffRole(actor, ALL_TASKS_ROLES) && !input.mine;
  const filters: Prisma.CollectorTaskWhereInput[] = [];
  if (!everyone) {
    const me = actor.kind === "staff" ? actor.userId : null;
    // The team's queue (accounts without a collector) is a manager's own work too.
    filters.push(
      hasStaffRole(actor, ALL_TASKS_ROLES)
        ? { OR: [{ assigneeId: me }, { assigneeId: null }] }
        : { assigneeId: me },
    );
  }
  if (input.status) filters.push({ status: input.status });
  if (input.kind) filters.push({ kind: input.kind });
  if (input.customerId !== undefined) {
    if (!UUID_RE.test(input.customerId)) return emptyList(input, everyone);
    filters.push({ customerId: input.customerId.toLowerCase() });
  }
  const where: Prisma.CollectorTaskWhereInput = { AND: filters };
  const db = getDb();
  const total = await db.collectorTask.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / COLLECTOR_TASKS_PAGE_SIZE));
  const rows = await db.collectorTask.findMany({
    where,
    orderBy: [{ dueOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    skip: (input.page - 1) * COLLECTOR_TASKS_PAGE_SIZE,
    take: COLLECTOR_TASKS_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      status: true,
      dueOn: true,
      createdAt: true,
      doneAt: true,
      customer: { select: { id: true, name: true, accountNumber: true } },
      plan: { select: { id: true, number: true } },
      instalment: { select: { sequence: true, dueDate: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
  return {
    status: input.status,
    kind: input.kind,
    page: input.page,
    pageCount,
    total,
    scope: everyone ? "all" : "mine",
    rows: rows.map((r) => ({
      ...r,
      plan: r.plan ? { id: r.plan.id, label: planLabel(r.plan.number) } : null,
    })),
  };
}

function emptyList(
  input: { status?: CollectorTaskStatus; kind?: CollectorTaskKind; page: number },
  everyone: boolean,
): CollectorTaskList {
  return {
    status: input.status,
    kind: input.kind,
    page: input.page,
    pageCount: 1,
    total: 0,
    rows: [],
    scope: everyone ? "all" : "mine",
  };
}
