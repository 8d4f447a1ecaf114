import { describe, expect, it } from "vitest";
import type { Measurement } from "./load.ts";
import { type CaseSummary, floorRatio, resultsTable, targetVerdicts } from "./report.ts";

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
      "≥ 4% of app /healthz: met (5.0%)",
    ]);
    const strict = { ...page, target: { p95Ms: 1, minFloorShare: 0.4 } };
    expect(targetVerdicts(strict, [floor, strict])).toEqual([
      "p95 < 1 ms: missed (2.00 ms)",
      "≥ 40% of app /healthz: missed (5.0%)",
    ]);
    expect(targetVerdicts(page, [floor, page])).toEqual([]);
  });

  it("judges an absolute throughput target on the median", () => {
    const events = { ...page, target: { minPerSecond: 50, minFloorShare: 0.04 } };
    expect(targetVerdicts(events, [floor, events])).toEqual([
      "≥ 50/s: met (50/s)",
      "≥ 4% of app /healthz: met (5.0%)",
    ]);
    const fast = { ...page, target: { minPerSecond: 1_500 } };
    expect(targetVerdicts(fast, [floor, fast])).toEqual(["≥ 1,500/s: missed (50/s)"]);
    expect(targetVerdicts({ ...broken, target: { minPerSecond: 1 } }, [floor, broken])).toEqual([]);
  });
});
