import type { Target } from "./cases/types.ts";
import { type Measurement, median } from "./load.ts";

export interface CaseSummary {
  name: string;
  floor?: string;
  target?: Target;
  runs: Measurement[];
  /** Why the case failed (wrong status, errors under load, a crash); undefined when it passed. */
  failure?: string;
  median?: {
    rps: number;
    p50: number;
    p95: number;
    p99: number;
    /** CPU ms per request (app process, database backends), when every run measured it. */
    cpu?: { app: number; postgres: number };
    /** A fixed-work run's wall time, seconds, when every run has it. */
    seconds?: number;
  };
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const times = (n: number) => `${n >= 10 ? n.toFixed(0) : n.toFixed(1)}×`;

/** Medians over a case's runs (CPU only when every run has it). */
export function summarize(runs: readonly Measurement[]): CaseSummary["median"] {
  if (runs.length === 0) return undefined;
  const cpus = runs.flatMap((r) => (r.cpu ? [r.cpu] : []));
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    cpu:
      cpus.length === runs.length
        ? { app: median(cpus.map((c) => c.app)), postgres: median(cpus.map((c) => c.postgres)) }
        : undefined,
    seconds: runs.every((r) => r.seconds !== undefined)
      ? median(runs.map((r) => r.seconds as number))
      : undefined,
  };
}

/** Throughput of a case as a share of its floor's, both medians of the same run. */
export function floorRatio(summary: CaseSummary, all: readonly CaseSummary[]): number | undefined {
  if (!summary.floor || !summary.median) return undefined;
  const floor = all.find((s) => s.name === summary.floor)?.median;
  return floor && floor.rps > 0 ? summary.median.rps / floor.rps : undefined;
}

const cpuTotal = (s: CaseSummary | undefined) =>
  s?.median?.cpu ? s.median.cpu.app + s.median.cpu.postgres : undefined;

/** App + PostgreSQL CPU per request as a multiple of another case's (by default the floor's). */
export function cpuRatio(
  summary: CaseSummary,
  all: readonly CaseSummary[],
  of: string | undefined = summary.floor,
): number | undefined {
  const mine = cpuTotal(summary);
  const theirs = cpuTotal(all.find((s) => s.name === of));
  return mine !== undefined && theirs ? mine / theirs : undefined;
}

/** A Markdown table (readable in a terminal, pasteable into docs/benchmarks.md). */
export function resultsTable(summaries: readonly CaseSummary[]): string {
  const header = [
    "case",
    "req/s",
    "req/s range",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "app CPU ms",
    "PG CPU ms",
    "CPU vs floor",
    "throughput vs floor",
  ];
  const rows = summaries.map((s) => {
    if (!s.median) return [s.name, "FAILED", "", "", "", "", "", "", "", s.failure ?? ""];
    const rps = s.runs.map((r) => r.rps);
    const ratio = floorRatio(s, summaries);
    const cpu = cpuRatio(s, summaries);
    const vsFloor = !s.floor
      ? "(floor)"
      : ratio === undefined
        ? "floor failed"
        : `${(ratio * 100).toFixed(1)}% of ${s.floor}`;
    return [
      s.failure ? `${s.name} (FAILED)` : s.name,
      int(s.median.rps),
      rps.length > 1 ? `${int(Math.min(...rps))}–${int(Math.max(...rps))}` : "",
      ms(s.median.p50),
      ms(s.median.p95),
      ms(s.median.p99),
      s.median.cpu ? ms(s.median.cpu.app) : "",
      s.median.cpu ? ms(s.median.cpu.postgres) : "",
      !s.floor ? "" : cpu === undefined ? "" : times(cpu),
      s.failure ? `${vsFloor}; ${s.failure}` : vsFloor,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** "met" or "missed" for each part of a case's target, e.g. "p95 < 100 ms: missed (1,109 ms)". */
export function targetVerdicts(summary: CaseSummary, all: readonly CaseSummary[]): string[] {
  const target = summary.target;
  if (!target || !summary.median) return [];
  const verdicts: string[] = [];
  if (target.p95Ms !== undefined) {
    const met = summary.median.p95 < target.p95Ms;
    verdicts.push(`p95 < ${int(target.p95Ms)} ms: ${met ? "met" : "missed"} (${ms(summary.median.p95)} ms)`);
  }
  if (target.minPerSecond !== undefined) {
    const met = summary.median.rps >= target.minPerSecond;
    verdicts.push(
      `≥ ${int(target.minPerSecond)}/s: ${met ? "met" : "missed"} (${int(summary.median.rps)}/s)`,
    );
  }
  if (target.maxSeconds !== undefined) {
    const seconds = summary.median.seconds;
    const limit = `run < ${int(target.maxSeconds)} s`;
    verdicts.push(
      seconds === undefined
        ? `${limit}: not measured`
        : `${limit}: ${seconds < target.maxSeconds ? "met" : "missed"} (${seconds.toFixed(1)} s)`,
    );
  }
  if (target.minFloorShare !== undefined) {
    const ratio = floorRatio(summary, all);
    const share = `${Math.round(target.minFloorShare * 100)}% of ${summary.floor}`;
    verdicts.push(
      ratio === undefined
        ? `throughput ≥ ${share}: not measured`
        : `throughput ≥ ${share}: ${ratio >= target.minFloorShare ? "met" : "missed"} (${(ratio * 100).toFixed(1)}%)`,
    );
  }
  if (target.maxCpuVsFloor !== undefined) {
    const ratio = cpuRatio(summary, all);
    const limit = `CPU ≤ ${times(target.maxCpuVsFloor)} ${summary.floor}'s`;
    verdicts.push(
      ratio === undefined
        ? `${limit}: not measured`
        : `${limit}: ${ratio <= target.maxCpuVsFloor ? "met" : "missed"} (${times(ratio)})`,
    );
  }
  if (target.cpuAtMostOf !== undefined) {
    const ratio = cpuRatio(summary, all, target.cpuAtMostOf);
    const limit = `CPU ≤ ${target.cpuAtMostOf}'s`;
    verdicts.push(
      ratio === undefined
        ? `${limit}: not measured`
        : `${limit}: ${ratio <= 1 ? "met" : "missed"} (${times(ratio)})`,
    );
  }
  return verdicts;
}
