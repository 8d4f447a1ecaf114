import { PAGE_CACHE_STATUS_HEADER } from "@settle/web/page-cache.server";
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
  /** Extra request headers (e.g. `Cache-Control: no-cache`, a browser's hard reload). */
  headers?: Record<string, string>;
  /**
   * What the portal's page cache (ADR 019) must answer to a repeated request, checked before the
   * load: `hit` for a page measured as a repeat view, `bypass` for one rendered every time.
   */
  pageCache?: "hit" | "bypass";
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
    const headers: Record<string, string> = {
      ...(spec.signedIn ? { cookie: ctx.cookies[spec.app] } : {}),
      ...spec.headers,
    };
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
      if (spec.pageCache) {
        const again = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        const againBody = await again.text();
        const answer = again.headers.get(PAGE_CACHE_STATUS_HEADER);
        if (answer !== spec.pageCache)
          throw new Error(
            `GET ${spec.path(ctx)} a second time: the page cache answered ${answer ?? "nothing"}, expected ${spec.pageCache}.`,
          );
        if (againBody.length < body.length / 2)
          throw new Error(`GET ${spec.path(ctx)} a second time returned a much shorter page.`);
      }
    },
    run(ctx, load) {
      const { url, headers } = target(ctx);
      return loadTest(url, headers, load);
    },
  };
}

/**
 * A portal page measured two ways: as a repeat view, which the page cache answers (ADR 019), and
 * rendered on every request (`Cache-Control: no-cache`, as a hard reload sends): the cost of a
 * first visit, or of the first view after the account changed.
 */
export function portalPageCases(spec: HttpCaseSpec): [BenchCase, BenchCase] {
  return [
    httpCase({ ...spec, description: `${spec.description} Repeat view (page cache).`, pageCache: "hit" }),
    httpCase({
      ...spec,
      name: `${spec.name}, rendered`,
      description: `${spec.description} Rendered on every request (Cache-Control: no-cache).`,
      headers: { "cache-control": "no-cache" },
      pageCache: "bypass",
      target: undefined,
    }),
  ];
}
