import { describe, expect, it } from "vitest";
import { parseProcStatCpuMs, startCpuMeter } from "./cpu.ts";

describe("parseProcStatCpuMs", () => {
  it("adds user and system ticks, whatever the command name holds", () => {
    const stat = "4242 (node (a) b) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0 123 456 789";
    expect(parseProcStatCpuMs(stat)).toBe(3_250);
    expect(() => parseProcStatCpuMs("1 (x) S")).toThrow(/format/);
  });

  it("measures this process on Linux", () => {
    const meter = startCpuMeter({ label: "self", pid: process.pid }, "no_such_database");
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i % 7;
    const used = meter.stop();
    if (used === undefined) return; // no /proc here
    expect(x).toBeGreaterThan(0);
    expect(used.self).toBeGreaterThan(0);
    expect(used.bench).toBeGreaterThan(0);
    expect(used.postgres).toBe(0);
  });
});
