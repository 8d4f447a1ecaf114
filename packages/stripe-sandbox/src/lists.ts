import { invalidRequest, resourceMissing } from "./errors.ts";
import type { Params } from "./params.ts";
import type { Sandbox, StripeObject } from "./sandbox.ts";

export interface StripeList<T = unknown> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Stripe's cursor pagination over one object type, newest first: `limit` (1–100, default 10),
 * `starting_after` / `ending_before` (object ids), plus a filter the caller builds from its params.
 */
export function listObjects<T extends StripeObject>(
  sb: Sandbox,
  type: string,
  url: string,
  p: Params,
  filter: (o: T) => boolean = () => true,
): StripeList<T> {
  const limit = p.int("limit", { min: 1, max: 100 }) ?? 10;
  const startingAfter = p.string("starting_after");
  const endingBefore = p.string("ending_before");
  p.done();
  if (startingAfter && endingBefore) {
    throw invalidRequest("You may only specify one of these parameters: starting_after, ending_before.", {
      param: "ending_before",
    });
  }
  const ids = sb.store.idsOfType(type);
  const cursorIndex = (id: string, param: string) => {
    const pos = sb.store.positionOf(id);
    if (pos === undefined || ids[pos] !== id) throw resourceMissing(type, id, param);
    return pos;
  };
  const out: T[] = [];
  let hasMore = false;
  if (endingBefore) {
    // Objects newer than the cursor, the `limit` closest to it, still returned newest first.
    for (let i = cursorIndex(endingBefore, "ending_before") + 1; i < ids.length; i++) {
      const o = sb.find<T>(ids[i]!)!;
      if (!filter(o)) continue;
      if (out.length === limit) {
        hasMore = true;
        break;
      }
      out.push(o);
    }
    out.reverse();
  } else {
    const start = startingAfter ? cursorIndex(startingAfter, "starting_after") - 1 : ids.length - 1;
    for (let i = start; i >= 0; i--) {
      const o = sb.find<T>(ids[i]!)!;
      if (!filter(o)) continue;
      if (out.length === limit) {
        hasMore = true;
        break;
      }
      out.push(o);
    }
  }
  return { object: "list", data: out, has_more: hasMore, url };
}

export function listOf<T>(data: T[], url: string): StripeList<T> {
  return { object: "list", data, has_more: false, url };
}
