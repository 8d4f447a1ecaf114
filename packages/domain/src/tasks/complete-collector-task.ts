import { type Actor, hasStaffRole, requireStaffRole } from "../actor.ts";
import { appendAudit } from "../audit/append-audit.ts";
import { inTransaction, type Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import { planLabel } from "../plans/plan-forms.ts";
import {
  ALL_TASKS_ROLES,
  type CollectorTaskKind,
  type CompleteCollectorTaskInput,
  CompleteCollectorTaskSchema,
  TASK_ROLES,
} from "./task-forms.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CompletedTask {
  id: string;
  kind: CollectorTaskKind;
  customerId: string;
  doneAt: Date;
  /** True when the task was done already: nothing changed. */
  replayed: boolean;
}

/**
 * Marks a collector task done (OPEN → DONE, once): its collector may, and AR managers and
 * administrators for anyone; another collector's task is refused. Under the task's row lock, so
 * two clicks finish it once; done twice, the second changes nothing. Audited.
 */
export async function completeCollectorTask(
  rawInput: CompleteCollectorTaskInput,
  actor: Actor,
  options: { now?: Date; tx?: Tx } = {},
): Promise<CompletedTask> {
  requireStaffRole(actor, TASK_ROLES);
  const input = CompleteCollectorTaskSchema.parse(rawInput);
  if (!UUID_RE.test(input.taskId)) throw new DomainError("NOT_FOUND", "Task not found.");
  const id = input.taskId.toLowerCase();
  return inTransaction(options.tx, async (t) => {
    await t.$queryRaw`SELECT id FROM collector_task WHERE id = ${id}::uuid FOR UPDATE`;
    const task = await t.collectorTask.findUnique({
      where: { id },
      select: {
        id: true,
        kind: true,
        status: true,
        customerId: true,
        assigneeId: true,
        doneAt: true,
        plan: { select: { number: true } },
      },
    });
    if (!task) throw new DomainError("NOT_FOUND", "Task not found.");
    const own = actor.kind === "staff" && task.assigneeId === actor.userId;
    if (!own && !hasStaffRole(actor, ALL_TASKS_ROLES)) {
      throw new DomainError("FORBIDDEN", "This task is another collector's.", { reason: "task-not-yours" });
    }
    const result = { id: task.id, kind: task.kind, customerId: task.customerId };
    const doneAt = options.now ?? new Date();
    if (task.status === "DONE") return { ...result, doneAt: task.doneAt ?? doneAt, replayed: true };
    await t.collectorTask.update({
      where: { id },
      data: { status: "DONE", doneAt, doneById: actor.kind === "staff" ? actor.userId : null },
    });
    await appendAudit(t, actor, {
      action: "collector-task.complete",
      entityType: "collector_task",
      entityId: id,
      customerId: task.customerId,
      before: { status: "OPEN" },
      after: { status: "DONE", kind: task.kind, ...(task.plan ? { plan: planLabel(task.plan.number) } : {}) },
    });
    return { ...result, doneAt, replayed: false };
  });
}
