import { writeToAccount } from "../account-writes.ts";
import type { AppName } from "../apps.ts";
import { startCpuMeter } from "../cpu.ts";
import { loadTest, type Measurement } from "../load.ts";
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
  /**
   * Write to the big customer's account before every measurement (account-writes.ts), and check
   * first that an answer after a write differs from the answer before it: each round reads the
   * ledger as it is then, never an answer kept from an earlier round.
   */
  writes?: boolean;
  /**
   * Finds the record the page shows (e.g. the invoice the writes are at): before the check's
   * first request (the check asks for the same page again after its write) and after the write
   * before every round.
   */
  prepare?(ctx: BenchContext): Promise<void>;
}

/**
 * Issue 11's target for the invoice list, the invoice page and the account pages: app +
 * PostgreSQL CPU per render at most 4× the bare route's per request.
 */
export const PAGE_TARGET: Target = { maxCpuVsFloor: 4 };

/** A GET of one URL of one app under load; every response must be a 2xx. */
export function httpCase(spec: HttpCaseSpec): BenchCase {
  const target = (ctx: BenchContext) => {
    const url = `${ctx.apps[spec.app].baseUrl}${spec.path(ctx)}`;
    const headers: Record<string, string> = spec.signedIn ? { cookie: ctx.cookies[spec.app] } : {};
    return { url, headers };
  };
  const get = async (ctx: BenchContext) => {
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
    return body;
  };
  return {
    name: spec.name,
    description: spec.description,
    floor: spec.floor,
    target: spec.target,
    async check(ctx) {
      await spec.prepare?.(ctx);
      const body = await get(ctx);
      for (const text of spec.expect?.(ctx) ?? []) {
        if (!body.includes(text))
          throw new Error(`GET ${spec.path(ctx)} is 200 but does not show "${text}".`);
      }
      if (spec.writes) {
        await writeToAccount(ctx.databaseUrl, ctx.dataset);
        const after = await get(ctx);
        if (withoutNonces(after) === withoutNonces(body))
          throw new Error(
            `GET ${spec.path(ctx)} answered the same after a write to the account as before it.`,
          );
      }
    },
    async run(ctx, load) {
      if (spec.writes) await writeToAccount(ctx.databaseUrl, ctx.dataset);
      await spec.prepare?.(ctx);
      const { url, headers } = target(ctx);
      return measureCpu(ctx, spec.app, () => loadTest(url, headers, load));
    },
  };
}

/** A document's CSP nonce is new on every answer; everything else must come from the ledger. */
const withoutNonces = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

/**
 * Runs one measurement while reading the CPU time of the app process and of the PostgreSQL
 * backends of the bench database from /proc, and adds both per request to the measurement.
 */
export async function measureCpu(
  ctx: BenchContext,
  app: AppName,
  measure: () => Promise<Measurement>,
): Promise<Measurement> {
  const database = new URL(ctx.databaseUrl).pathname.slice(1);
  const meter = startCpuMeter({ label: "app", pid: ctx.apps[app].pid }, database);
  const m = await measure();
  const used = meter.stop();
  if (!used || m.requests === 0) return m;
  return { ...m, cpu: { app: (used.app ?? 0) / m.requests, postgres: (used.postgres ?? 0) / m.requests } };
}

export interface PageCaseSpec extends Omit<HttpCaseSpec, "writes"> {
  /** The route module whose loader a client navigation to this page runs (`routes/statement`). */
  routeId: string;
  /** The target of the document; its client navigation must cost no more than the document. */
  target?: Target;
}

/**
 * A page measured the two ways a user opens it, each with a write to the account before every
 * round: as a document (a first visit: every loader, rendered to HTML) and as a client navigation
 * from another page of the account (`.data` with `_routes`: React Router asks only for the new
 * page's loader, whose data it gets as turbo-stream), held to at most the document's CPU.
 */
export function pageCases(spec: PageCaseSpec): [BenchCase, BenchCase] {
  const dataPath = (ctx: BenchContext) => {
    const url = new URL(spec.path(ctx), "http://bench");
    url.pathname = `${url.pathname.replace(/\/$/, "")}.data`;
    url.searchParams.set("_routes", spec.routeId);
    return `${url.pathname}${url.search}`;
  };
  return [
    httpCase({ ...spec, description: `${spec.description} Document (a first visit).`, writes: true }),
    httpCase({
      ...spec,
      name: `${spec.name} (.data)`,
      description: `${spec.description} Client navigation (${spec.routeId} loader, turbo-stream).`,
      path: dataPath,
      writes: true,
      target: { cpuAtMostOf: spec.name },
    }),
  ];
}
