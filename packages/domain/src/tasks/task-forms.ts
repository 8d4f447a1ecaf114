import { z } from "zod";
import type { StaffRole } from "../actor.ts";

/**
 * The collector task list's values and forms. A module of constants and schemas only (no database
 * code), so back-office pages can use them without pulling the domain's server code into the
 * browser bundle.
 */

export const COLLECTOR_TASK_KINDS = ["PLAN_BROKEN", "PLAN_DEFAULTED", "PLAN_REQUEST"] as const;
export type CollectorTaskKind = (typeof COLLECTOR_TASK_KINDS)[number];
export const COLLECTOR_TASK_STATUSES = ["OPEN", "DONE"] as const;
export type CollectorTaskStatus = (typeof COLLECTOR_TASK_STATUSES)[number];

export const COLLECTOR_TASKS_PAGE_SIZE = 50;

/** Who works tasks: collectors their own, AR managers (and administrators) everyone's. */
export const TASK_ROLES: readonly StaffRole[] = ["COLLECTOR", "AR_MANAGER"];
/** Who sees and works every task, not only their own. */
export const ALL_TASKS_ROLES: readonly StaffRole[] = ["AR_MANAGER"];

// URL values a person may edit by hand: nonsense falls back to the default.
export const ListCollectorTasksSchema = z.object({
  status: z.string().optional().pipe(z.enum(COLLECTOR_TASK_STATUSES).optional().catch(undefined)),
  kind: z.string().optional().pipe(z.enum(COLLECTOR_TASK_KINDS).optional().catch(undefined)),
  /** One account's tasks; a malformed id lists nothing. */
  customerId: z.string().trim().max(100).optional(),
  /** Only the tasks assigned to the reader (a collector only ever sees those). */
  mine: z.boolean().default(false),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
});
export type ListCollectorTasksInput = z.input<typeof ListCollectorTasksSchema>;

/** "Done" on a task; the id stays a plain string: a malformed one is NOT_FOUND like an unknown one. */
export const CompleteCollectorTaskSchema = z.object({
  intent: z.literal("complete-task"),
  taskId: z.string().trim().min(1).max(100),
});
export type CompleteCollectorTaskInput = z.input<typeof CompleteCollectorTaskSchema>;
