import { randomUUID } from "node:crypto";
import { isoDate } from "../base/dates.ts";
import type { Tx } from "../db/client.ts";
import { DomainError } from "../errors.ts";
import type { CollectorTaskKind } from "./task-forms.ts";

export type RaiseCollectorTaskInput =
  | { kind: "PLAN_BROKEN"; customerId: string; planId: string; instalmentId: string; dueOn: Date }
  | { kind: "PLAN_DEFAULTED" | "PLAN_REQUEST"; customerId: string; planId: string; dueOn: Date };

/**
 * What makes a task the same task: a broken instalment once per instalment, a default or a request
 * once per plan.
 */
export function collectorTaskKey(input: RaiseCollectorTaskInput): string {
  const prefix: Record<CollectorTaskKind, string> = {
    PLAN_BROKEN: "plan-broken",
    PLAN_DEFAULTED: "plan-defaulted",
    PLAN_REQUEST: "plan-request",
  };
  return `${prefix[input.kind]}:${input.kind === "PLAN_BROKEN" ? input.instalmentId : input.planId}`;
}

/**
 * Raises a task for the account's collector (the team's queue when the account has none), in the
 * caller's transaction, at most once per key (collectorTaskKey): a second raise of the same task,
 * even from a racing transaction, leaves the first. For the plan job and the customer's plan
 * request; the caller audits what raised it. `created` is false when the task existed.
 */
export async function raiseCollectorTask(
  tx: Tx,
  input: RaiseCollectorTaskInput,
): Promise<{ id: string; created: boolean }> {
  const key = collectorTaskKey(input);
  const instalmentId = input.kind === "PLAN_BROKEN" ? input.instalmentId : null;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO collector_task (id, kind, customer_id, assignee_id, plan_id, instalment_id, due_on, dedupe_key)
    SELECT ${randomUUID()}::uuid, ${input.kind}::collector_task_kind, c.id, c.collector_id,
           ${input.planId}::uuid, ${instalmentId}::uuid, ${isoDate(input.dueOn)}::date, ${key}
      FROM customer c
     WHERE c.id = ${input.customerId}::uuid
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await tx.collectorTask.findUnique({ where: { dedupeKey: key }, select: { id: true } });
  if (!existing) throw new DomainError("NOT_FOUND", "Customer not found.");
  return { id: existing.id, created: false };
}
