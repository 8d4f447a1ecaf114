/**
 * One bounded load measurement with autocannon against a loopback URL, with exact latency
 * percentiles (every response time is kept; a few tens of thousands of numbers per run) and a
 * count of every response that was not a 2xx.
 */
import autocannon from "autocannon";

export interface LoadOptions {
  connections: number;
  /** Seconds of load. */
  durationSec: number;
}

export interface Measurement {
  /** Completed requests (or operations) per second. */
  rps: number;
  /** Latency percentiles, milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  /** Wall time of a fixed-work run (cases with `work`), seconds. */
  seconds?: number;
  /**
   * CPU milliseconds per request of the app process and of the database's backends, read from
   * /proc around the measurement (cases/http-case.ts); absent where /proc is not available.
   */
  cpu?: { app: number; postgres: number };
  /** Everything that went wrong (non-2xx statuses, socket errors, timeouts); empty when clean. */
  problems: string[];
}

export const NO_RESPONSES = "no responses at all";

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function loadTest(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<Measurement> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url))
    throw new Error(`Load goes to the loopback interface only, not ${url}.`);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance: autocannon.Instance = autocannon(
      { url, headers, connections: options.connections, duration: options.durationSec, timeout: 10 },
      (error: unknown, res: autocannon.Result) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    // Belt and braces: autocannon stops itself after `duration`; this bounds a hung run too.
    const guard = setTimeout(() => instance.stop(), (options.durationSec + 15) * 1000);
    guard.unref();
  });
  latencies.sort((a, b) => a - b);
  const problems: string[] = [];
  for (const [status, count] of statuses) problems.push(`${count} × HTTP ${status}`);
  if (result.non2xx && statuses.size === 0) problems.push(`${result.non2xx} non-2xx responses`);
  if (result.errors) problems.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (latencies.length === 0) problems.push(NO_RESPONSES);
  return {
    rps: latencies.length / (result.duration || options.durationSec),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    problems,
  };
}
