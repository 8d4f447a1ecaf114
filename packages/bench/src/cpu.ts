/**
 * CPU time of the processes a case keeps busy, read from /proc (Linux; elsewhere undefined): on a
 * machine shared with other work, CPU milliseconds per operation say what an operation costs
 * while throughput mostly says how busy the machine was.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process in milliseconds (fields 14 and 15 of /proc/<pid>/stat). */
export function parseProcStatCpuMs(stat: string): number {
  // The command may contain spaces and parentheses: the fields start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime))
    throw new Error("Unexpected /proc/<pid>/stat format.");
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

function readCpuMs(pid: number): number | undefined {
  try {
    return parseProcStatCpuMs(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}

/** CPU time of each process whose command line matches, by pid. */
function snapshot(match: (cmdline: string) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (!match(cmdline)) continue;
      const ms = readCpuMs(Number(entry));
      if (ms !== undefined) out.set(Number(entry), ms);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface CpuMeter {
  /** CPU milliseconds used since the meter started, per label; undefined where /proc is missing. */
  stop(): Record<string, number> | undefined;
}

/**
 * Starts measuring the CPU of app processes and of the PostgreSQL backends serving `database`
 * (processes that start meanwhile count from zero; ones that end meanwhile are missed).
 */
export function startCpuMeter(
  apps: { label: string; pid: number } | readonly { label: string; pid: number }[],
  database: string,
): CpuMeter {
  if (!existsSync("/proc/self/stat")) return { stop: () => undefined };
  const list = Array.isArray(apps) ? apps : [apps as { label: string; pid: number }];
  const isBackend = (cmdline: string) =>
    cmdline.startsWith("postgres: ") && cmdline.includes(` ${database} `);
  const appsBefore = list.map((app) => readCpuMs(app.pid));
  const pgBefore = snapshot(isBackend);
  const selfBefore = process.cpuUsage();
  return {
    stop() {
      const appsAfter = list.map((app) => readCpuMs(app.pid));
      const pgAfter = snapshot(isBackend);
      const self = process.cpuUsage(selfBefore);
      let postgres = 0;
      for (const [pid, ms] of pgAfter) postgres += ms - (pgBefore.get(pid) ?? 0);
      const used: Record<string, number> = {};
      for (const [i, app] of list.entries()) {
        const before = appsBefore[i];
        const after = appsAfter[i];
        if (before === undefined || after === undefined) return undefined;
        used[app.label] = after - before;
      }
      return {
        ...used,
        postgres,
        bench: (self.user + self.system) / 1000,
      };
    },
  };
}
