import type { SessionMeta } from "./checkout.ts";
import { invalidRequest } from "./errors.ts";
import { listOf } from "./lists.ts";
import type { Sandbox } from "./sandbox.ts";

const MAX_DEPTH = 4;

/** A response copy of a stored object, with the live fields filled in (e.g. `pending_webhooks`). */
export function render(o: unknown, pendingWebhooks: (eventId: string) => number): unknown {
  const copy = structuredClone(o) as Record<string, unknown>;
  if (copy && copy.object === "event") copy.pending_webhooks = pendingWebhooks(copy.id as string);
  return copy;
}

/**
 * Applies `expand[]`: each dotted path replaces an id with the object it names (recursively,
 * through lists' `data`), or fails like Stripe for a property that cannot be expanded.
 */
export function applyExpand(
  sb: Sandbox,
  value: unknown,
  paths: string[] | undefined,
  pendingWebhooks: (eventId: string) => number,
): unknown {
  if (!paths || paths.length === 0) return value;
  for (const path of paths) {
    const parts = path.split(".");
    if (parts.length > MAX_DEPTH) {
      throw invalidRequest(
        `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`,
        { param: "expand" },
      );
    }
    expandPath(sb, value, parts, path, pendingWebhooks);
  }
  return value;
}

function expandPath(
  sb: Sandbox,
  node: unknown,
  parts: string[],
  full: string,
  pendingWebhooks: (eventId: string) => number,
): void {
  if (parts.length === 0 || node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  const [head, ...rest] = parts as [string, ...string[]];
  if (record.object === "list" && head === "data") {
    for (const item of record.data as unknown[]) expandPath(sb, item, rest, full, pendingWebhooks);
    return;
  }
  if (record.object === "checkout.session" && head === "line_items") {
    const meta = sb.meta<SessionMeta>(record.id as string);
    record.line_items = listOf(
      structuredClone(meta?.lineItems ?? []),
      `/v1/checkout/sessions/${record.id as string}/line_items`,
    );
    expandPath(sb, record.line_items, rest, full, pendingWebhooks);
    return;
  }
  if (!(head in record)) throw cannotExpand(full, head);
  let field = record[head];
  if (typeof field === "string") {
    const target = sb.find(field);
    if (!target) throw cannotExpand(full, head);
    field = render(target, pendingWebhooks);
    record[head] = field;
  } else if (
    field !== null &&
    (typeof field !== "object" || (!("id" in (field as object)) && rest.length === 0))
  ) {
    throw cannotExpand(full, head);
  }
  expandPath(sb, field, rest, full, pendingWebhooks);
}

function cannotExpand(full: string, head: string) {
  const message =
    full === head
      ? `This property cannot be expanded (${head}).`
      : `This property cannot be expanded (${head}). Path: ${full}`;
  return invalidRequest(message, { param: "expand" });
}
