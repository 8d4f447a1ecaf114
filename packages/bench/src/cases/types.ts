import type { AppName, RunningApp, RunningWorker } from "../apps.ts";
import type { BenchDataset } from "../generate.ts";
import type { LoadOptions, Measurement } from "../load.ts";
import type { BenchStripe } from "../stripe.ts";

/** What a case gets: the data set, the running apps and a signed-in session cookie for each. */
export interface BenchContext {
  dataset: BenchDataset;
  /** The bench database (cases that prepare or check data of their own). */
  databaseUrl: string;
  /** The in-process Stripe sandbox the apps use; started when a selected case `usesStripe`. */
  stripe?: BenchStripe;
  apps: Record<AppName, RunningApp>;
  /** The worker (Stripe webhook inbox and job schedules); started with the Stripe sandbox. */
  worker?: RunningWorker;
  /** Cookie header values: the bench staff user (back office) and portal user (portal). */
  cookies: Record<AppName, string>;
}

/**
 * One benchmark. `run` performs one bounded measurement; the runner warms it up, repeats it and
 * reports medians. `floor` names the case whose throughput this one is compared with (measured
 * in the same run, on the same machine: ratios travel between machines, absolute numbers don't).
 */
export interface BenchCase {
  name: string;
  /** One line for the docs and the table legend. */
  description: string;
  floor?: string;
  /** What the case should reach (from the issue that asked for it); reported as met or missed. */
  target?: Target;
  /**
   * What one `run` does when it is a fixed amount of work rather than `--duration` seconds of
   * load (e.g. "10,000 deliveries"); shown in the run's header.
   */
  work?: string;
  /** Needs the Stripe sandbox: the runner starts one and points the apps at it. */
  usesStripe?: boolean;
  /** A single request before any load: fails loudly on a wrong status or page. */
  check?(ctx: BenchContext): Promise<void>;
  /**
   * Replaces the runner's warm-up rounds (`run` until 300 requests), for a case whose `run` is a
   * fixed, long piece of work rather than a timed one.
   */
  warmup?(ctx: BenchContext, load: LoadOptions): Promise<void>;
  run(ctx: BenchContext, load: LoadOptions): Promise<Measurement>;
  /** Extra findings printed under the table (e.g. memory), measured once after the rounds. */
  notes?(ctx: BenchContext): Promise<string[]>;
}

export interface Target {
  /** Median p95 latency at the run's connections, in milliseconds, below this. */
  p95Ms?: number;
  /** Throughput at least this share (0–1) of the floor's. */
  minFloorShare?: number;
  /**
   * Median throughput at least this many completed operations (requests, events, documents) per
   * second: an absolute target, for issues that ask for one ("300 events per second").
   */
  minPerSecond?: number;
  /**
   * App + PostgreSQL CPU per request at most this many times the floor's (both from /proc, medians
   * of the same run): what a request costs, whatever else the machine was doing.
   */
  maxCpuVsFloor?: number;
  /** App + PostgreSQL CPU per request at most that of the named case (e.g. its document). */
  cpuAtMostOf?: string;
  /**
   * A fixed-work run (median over the runs) in less than this many seconds: for issues that ask
   * for a piece of work done in time ("10,000 plans in under 30 s").
   */
  maxSeconds?: number;
}
