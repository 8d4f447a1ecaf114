import { describe, expect, it } from "vitest";
import type { Measurement } from "./load.ts";
import { type CaseSummary, cpuRatio, floorRatio, resultsTable, summarize, targetVerdicts } from "./report.ts";

const run = (rps: number): Measurement => ({ rps, p50: 1, p95: 2, p99: 3, requests: rps, problems: [] });
const withMedian = (s: CaseSummary): CaseSummary => ({
  ...s,
  median: { rps: s.runs[1]?.rps ?? 0, p50: 1, p95: 2, p99: 3 },
});

describe("report", () => {
  const floor = withMedian({ name: "app /healthz", runs: [run(900), run(1000), run(1100)] });
  const page = withMedian({ name: "app page", floor: "app /healthz", runs: [run(40), run(50), run(60)] });
  const broken: CaseSummary = { name: "app other", floor: "app /healthz", runs: [], failure: "3 × HTTP 500" };

  it("reports throughput as a share of the floor", () => {
    expect(floorRatio(page, [floor, page])).toBeCloseTo(0.05);
    expect(floorRatio(floor, [floor, page])).toBeUndefined();
  });

  it("prints medians, spreads, ratios and failures", () => {
    const table = resultsTable([floor, page, broken]);
    expect(table).toContain("(floor)");
    expect(table).toContain("5.0% of app /healthz");
    expect(table).toContain("900–1,100");
    expect(table).toMatch(/app other.*FAILED.*3 × HTTP 500/);
  });

  it("judges targets as met or missed", () => {
    const targeted = { ...page, target: { p95Ms: 100, minFloorShare: 0.04 } };
    expect(targetVerdicts(targeted, [floor, targeted])).toEqual([
      "p95 < 100 ms: met (2.00 ms)",
      "throughput ≥ 4% of app /healthz: met (5.0%)",
    ]);
    const strict = { ...page, target: { p95Ms: 1, minFloorShare: 0.4 } };
    expect(targetVerdicts(strict, [floor, strict])).toEqual([
      "p95 < 1 ms: missed (2.00 ms)",
      "throughput ≥ 40% of app /healthz: missed (5.0%)",
    ]);
    expect(targetVerdicts(page, [floor, page])).toEqual([]);
  });

  it("judges an absolute throughput target on the median", () => {
    const events = { ...page, target: { minPerSecond: 50, minFloorShare: 0.04 } };
    expect(targetVerdicts(events, [floor, events])).toEqual([
      "≥ 50/s: met (50/s)",
      "throughput ≥ 4% of app /healthz: met (5.0%)",
    ]);
    const fast = { ...page, target: { minPerSecond: 1_500 } };
    expect(targetVerdicts(fast, [floor, fast])).toEqual(["≥ 1,500/s: missed (50/s)"]);
    expect(targetVerdicts({ ...broken, target: { minPerSecond: 1 } }, [floor, broken])).toEqual([]);
  });

  it("judges a fixed piece of work's time on the median run, and not without every run's time", () => {
    const timed = (seconds: number): Measurement => ({ ...run(10_000 / seconds), seconds });
    const job: CaseSummary = {
      name: "job",
      target: { maxSeconds: 30 },
      runs: [timed(12), timed(40), timed(20)],
    };
    job.median = summarize(job.runs);
    expect(job.median?.seconds).toBe(20);
    expect(targetVerdicts(job, [job])).toEqual(["run < 30 s: met (20.0 s)"]);
    const slow = { ...job, runs: [timed(31), timed(45)] };
    slow.median = summarize(slow.runs);
    expect(targetVerdicts(slow, [slow])).toEqual(["run < 30 s: missed (38.0 s)"]);
    const untimed = { ...job, runs: [timed(12), run(5)] };
    untimed.median = summarize(untimed.runs);
    expect(untimed.median?.seconds).toBeUndefined();
    expect(targetVerdicts(untimed, [untimed])).toEqual(["run < 30 s: not measured"]);
  });

  it("reports CPU per request beside throughput, as a multiple of the floor's and of another case's", () => {
    const cpu = (app: number, postgres: number, rps = 100): Measurement => ({
      ...run(rps),
      cpu: { app, postgres },
    });
    const bare: CaseSummary = {
      name: "app /healthz",
      runs: [cpu(0.5, 0, 1000), cpu(0.4, 0, 1000), cpu(0.6, 0, 1000)],
    };
    bare.median = summarize(bare.runs);
    const doc: CaseSummary = {
      name: "app page",
      floor: "app /healthz",
      runs: [cpu(4, 2), cpu(3, 1), cpu(5, 3)],
    };
    doc.median = summarize(doc.runs);
    const nav: CaseSummary = {
      name: "app page (.data)",
      floor: "app /healthz",
      target: { cpuAtMostOf: "app page" },
      runs: [cpu(1, 1), cpu(1, 1), cpu(1, 1)],
    };
    nav.median = summarize(nav.runs);
    const all = [bare, doc, nav];
    expect(doc.median?.cpu).toEqual({ app: 4, postgres: 2 });
    expect(cpuRatio(doc, all)).toBeCloseTo(12);
    expect(cpuRatio(nav, all, "app page")).toBeCloseTo(1 / 3);
    expect(resultsTable(all)).toMatch(/app page +\| .* 4\.00 \| +2\.00 \| +12× \|/);
    expect(targetVerdicts({ ...doc, target: { maxCpuVsFloor: 6 } }, all)).toEqual([
      "CPU ≤ 6.0× app /healthz's: missed (12×)",
    ]);
    expect(targetVerdicts({ ...doc, target: { maxCpuVsFloor: 20 } }, all)).toEqual([
      "CPU ≤ 20× app /healthz's: met (12×)",
    ]);
    expect(targetVerdicts(nav, all)).toEqual(["CPU ≤ app page's: met (0.3×)"]);
    // A run without /proc has no CPU: the median has none and targets on it are not measured.
    const blind = { ...doc, runs: [run(5), cpu(1, 1)], target: { maxCpuVsFloor: 6 } };
    blind.median = summarize(blind.runs);
    expect(blind.median?.cpu).toBeUndefined();
    expect(targetVerdicts(blind, all)).toEqual(["CPU ≤ 6.0× app /healthz's: not measured"]);
  });
});
