import { type Actor, actorId } from "../actor.ts";
import type { Prisma, Tx } from "../db/client.ts";

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  customerId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON has no bigint: amounts are written as decimal strings of minor units. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

function auditRow(actor: Actor, input: AuditInput) {
  return {
    actorType: actor.kind,
    actorId: actorId(actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    customerId: input.customerId ?? null,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: actor.requestId ?? null,
  };
}

/** Appends one audit event in the caller's transaction (the table rejects updates and deletes). */
export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(actor, input) });
}

/** Appends several audit events in one statement, in the given order (batch commands). */
export async function appendAudits(tx: Tx, actor: Actor, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const json = (value: unknown) =>
    value === undefined || value === null
      ? null
      : JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  // Raw: one statement whatever the batch's size, without building a query per row.
  await tx.$executeRaw`
    INSERT INTO audit_event (actor_type, actor_id, action, entity_type, entity_id, customer_id, before, after, request_id)
    SELECT ${actor.kind}, ${actorId(actor)}, e.action, e.entity_type, e.entity_id, e.customer_id, e.before, e.after,
           ${actor.requestId ?? null}
      FROM unnest(${inputs.map((i) => i.action)}::text[], ${inputs.map((i) => i.entityType)}::text[],
                  ${inputs.map((i) => i.entityId)}::text[], ${inputs.map((i) => i.customerId ?? null)}::uuid[],
                  ${inputs.map((i) => json(i.before))}::jsonb[], ${inputs.map((i) => json(i.after))}::jsonb[])
           WITH ORDINALITY AS e(action, entity_type, entity_id, customer_id, before, after, n)
     ORDER BY e.n`;
}
