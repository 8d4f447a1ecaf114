/**
 * The plan job case's checks of its two runs (cases/plan-job.ts), pure: what a second run on the
 * same day must not do, and how the first run's counts compare with what the data was shaped for.
 */
import type { PlanRunResult } from "@settle/domain/plans/run-payment-plans";
import type { ExpectedRun } from "./plan-job-shape.ts";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** What the job writes, counted (whole tables), and digests of the case's plans and instalments. */
export interface RunState {
  outbox: number;
  charges: number;
  attempts: number;
  tasks: number;
  audit: number;
  instalments: string;
  plans: string;
}

/** Everything a second run on the same day did (it must do nothing). */
export function secondRunProblems(result: PlanRunResult, before: RunState, after: RunState): string[] {
  const problems: string[] = [];
  const did = Object.entries(result).filter(([, n]) => n !== 0);
  if (did.length) problems.push(`second run did ${did.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  const counted: [Exclude<keyof RunState, "instalments" | "plans">, string][] = [
    ["charges", "plan charges"],
    ["attempts", "payment attempts"],
    ["outbox", "e-mails queued"],
    ["tasks", "collector tasks"],
    ["audit", "audit events"],
  ];
  for (const [key, what] of counted) {
    if (after[key] !== before[key])
      problems.push(`second run: ${what} ${fmt(before[key])} → ${fmt(after[key])}`);
  }
  if (after.instalments !== before.instalments) problems.push("second run changed instalments");
  if (after.plans !== before.plans) problems.push("second run changed plans");
  return problems;
}

/** Differences between the first run's counts and what the data was shaped for. */
export function firstRunDifferences(result: PlanRunResult, expected: ExpectedRun): string[] {
  const got: ExpectedRun = {
    reminded: result.reminded,
    broken: result.broken,
    defaulted: result.defaulted,
    completed: result.completed,
    charged: result.succeeded,
  };
  return (Object.keys(expected) as (keyof ExpectedRun)[])
    .filter((k) => got[k] !== expected[k])
    .map((k) => `${k} ${fmt(got[k])}, expected ${fmt(expected[k])}`);
}
