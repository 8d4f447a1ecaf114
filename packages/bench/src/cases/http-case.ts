import type { AppName } from "../apps.ts";
import { loadTest } from "../load.ts";
import type { BenchCase, BenchContext, Target } from "./types.ts";

export interface HttpCaseSpec {
  name: string;
  description: string;
  app: AppName;
  path(ctx: BenchContext): string;
  /** Send the app's session cookie. */
  signedIn: boolean;
  floor?: string;
  target?: Target;
  /** Text the page must contain (proves it rendered the right data, not an error page). */
  expect?(ctx: BenchContext): string[];
}

/**
 * The portal's statement and invoice list for a customer with 5,000 open items (issue 3): p95
 * under 100 ms at 20 connections and at least 40% of the portal's bare route.
 */
export const PORTAL_PAGE_TARGET: Target = { p95Ms: 100, minFloorShare: 0.4 };

/** A GET of one URL of one app under load; every response must be a 2xx. */
export function httpCase(spec: HttpCaseSpec): BenchCase {
  const target = (ctx: BenchContext) => {
    const url = `${ctx.apps[spec.app].baseUrl}${spec.path(ctx)}`;
    const headers: Record<string, string> = spec.signedIn ? { cookie: ctx.cookies[spec.app] } : {};
    return { url, headers };
  };
  return {
    name: spec.name,
    description: spec.description,
    floor: spec.floor,
    target: spec.target,
    async check(ctx) {
      const { url, headers } = target(ctx);
      const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      if (response.status !== 200) {
        const where = response.headers.get("location");
        throw new Error(
          `GET ${spec.path(ctx)} answered ${response.status}${where ? ` (redirect to ${where})` : ""}, expected 200.` +
            (where?.includes("/login")
              ? " The session cookie was refused: see packages/bench/src/apps.ts."
              : ""),
        );
      }
      for (const text of spec.expect?.(ctx) ?? []) {
        if (!body.includes(text))
          throw new Error(`GET ${spec.path(ctx)} is 200 but does not show "${text}".`);
      }
    },
    run(ctx, load) {
      const { url, headers } = target(ctx);
      return loadTest(url, headers, load);
    },
  };
}
