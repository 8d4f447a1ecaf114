/**
 * The shape of the plan job case's data (cases/plan-job.ts), pure: how many plans fall into each
 * slice (what the job's first run has to do for them) and, per slice, where the plan's schedule
 * stands relative to the run's day under an entity's plan policy. The case writes the plans with
 * SQL from these templates; the tests check each slice against the job's rules.
 *
 * Each plan covers invoices at their open amount, so nothing has been paid toward it yet: its
 * instalments are DUE, or MISSED where the job already took a step (reminder, broken-plan task).
 * Instalment `s` falls due `s - anchorSequence` months after the anchor, the instalment the slice
 * is about, which falls due `anchorOffsets[v]` days from the run's day (v picked per plan).
 */

export const PLAN_SLICES = [
  "quiet",
  "quiet-in-grace",
  "quiet-reminded",
  "quiet-broken",
  "autopay-quiet",
  "reminder",
  "broken",
  "default",
  "complete",
  "autopay-due",
] as const;
export type PlanSlice = (typeof PLAN_SLICES)[number];

/** Shares of the plans; "quiet" takes the rest. */
export const SLICE_SHARES: Readonly<Record<Exclude<PlanSlice, "quiet">, number>> = {
  "quiet-in-grace": 0.05,
  "quiet-reminded": 0.03,
  "quiet-broken": 0.02,
  "autopay-quiet": 0.08,
  /** An instalment newly past grace: missed, the reminder e-mailed. */
  reminder: 0.05,
  /** Reminded the policy's reminder days ago and still unpaid: a broken-plan task. */
  broken: 0.014,
  /** The same, and it is the miss that defaults the plan. */
  default: 0.006,
  /** Its invoices were paid: every instalment paid, the plan completed. */
  complete: 0.01,
  /** Autopay with an instalment due today: charged to the saved card. */
  "autopay-due": 0.02,
};

export type SliceCounts = Record<PlanSlice, number>;

/**
 * Plans per slice for `target` plans when the data set has `openAvailable` plans' worth of open
 * invoices and `paidAvailable` paid invoices (for completed plans). Fewer plans when the data set
 * holds fewer; every slice its share of what there is (at least one where there are 200 or more
 * plans), "quiet" the rest.
 */
export function sliceCounts(target: number, openAvailable: number, paidAvailable: number): SliceCounts {
  const share = (slice: Exclude<PlanSlice, "quiet">, total: number) =>
    Math.max(total >= 200 ? 1 : 0, Math.round(total * SLICE_SHARES[slice]));
  let total = Math.max(0, Math.min(target, openAvailable + paidAvailable));
  let complete = Math.min(share("complete", total), paidAvailable);
  if (total - complete > openAvailable) {
    total = openAvailable + complete;
    complete = Math.min(share("complete", total), paidAvailable);
    total = openAvailable + complete;
  }
  const counts = { complete } as SliceCounts;
  let rest = total - complete;
  for (const slice of PLAN_SLICES) {
    if (slice === "quiet" || slice === "complete") continue;
    counts[slice] = Math.min(rest, share(slice, total));
    rest -= counts[slice];
  }
  counts.quiet = rest;
  return counts;
}

export const totalPlans = (counts: SliceCounts) => PLAN_SLICES.reduce((sum, s) => sum + counts[s], 0);

export interface PlanPolicyDays {
  graceDays: number;
  reminderDays: number;
  missesToDefault: number;
}

/** A missed instalment's steps, in days after its due date (null: not taken). */
export interface MissedSteps {
  missed: number;
  reminded: number;
  broken: number | null;
}

/**
 * What the job's first run does for each slice's plans under a policy that defaults at the second
 * miss or later (the defaults; under one that defaults at the first, "broken" plans default too).
 */
export interface ExpectedRun {
  reminded: number;
  broken: number;
  defaulted: number;
  completed: number;
  charged: number;
}

export function expectedFirstRun(counts: SliceCounts): ExpectedRun {
  return {
    reminded: counts.reminder,
    broken: counts.broken + counts.default,
    defaulted: counts.default,
    completed: counts.complete,
    charged: counts["autopay-due"],
  };
}

export interface SliceTemplate {
  slice: PlanSlice;
  payBy: "PORTAL" | "AUTOPAY";
  /** The plan's misses so far (broken instalments). */
  misses: number;
  anchorSequence: number;
  /** Days from the run's day to the anchor's due date, one picked per plan. */
  anchorOffsets: number[];
  /** The anchor's steps taken already; null: DUE. */
  anchor: MissedSteps | null;
  /** The steps of the instalments before the anchor (all broken); null when there are none. */
  earlier: MissedSteps | null;
  /** At least this many instalments (a default needs its misses and one more). */
  minInstalments: number;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Where each slice's schedule stands on the run's day (day 0) under `policy`: the job takes a step
 * for an instalment whose grace ended (due + graceDays < day 0) and for a reminded one whose
 * reminder days are over (reminded + reminderDays <= day 0). Quiet slices sit just short of those.
 */
export function sliceTemplates(policy: PlanPolicyDays): SliceTemplate[] {
  const g = policy.graceDays;
  const r = policy.reminderDays;
  const m = Math.max(1, policy.missesToDefault);
  // The job's steps as they were taken: the day after grace, missed and reminded at once.
  const reminded: MissedSteps = { missed: g + 1, reminded: g + 1, broken: null };
  const broken: MissedSteps = { ...reminded, broken: g + 1 + r };
  const base = { payBy: "PORTAL" as const, misses: 0, anchorSequence: 1, earlier: null, minInstalments: 3 };
  // Reminded 0 to 2 days more than the reminder days ago (the due date grace + 1 days before).
  const remindedLongEnough = range(0, 2).map((d) => -(r + d) - (g + 1));
  const templates: SliceTemplate[] = [
    { ...base, slice: "quiet", anchorOffsets: range(1, 30), anchor: null },
    { ...base, slice: "autopay-quiet", payBy: "AUTOPAY", anchorOffsets: range(1, 30), anchor: null },
    { ...base, slice: "quiet-in-grace", anchorOffsets: range(-g, 0), anchor: null },
    // Reminded 1 to reminderDays - 1 days ago (with a single reminder day, shaped like "quiet").
    r > 1
      ? {
          ...base,
          slice: "quiet-reminded",
          anchorOffsets: range(-(r - 1), -1).map((d) => d - (g + 1)),
          anchor: reminded,
        }
      : { ...base, slice: "quiet-reminded", anchorOffsets: range(1, 30), anchor: null },
    { ...base, slice: "reminder", anchorOffsets: [-(g + 1)], anchor: null },
    { ...base, slice: "broken", anchorOffsets: remindedLongEnough, anchor: reminded },
    { ...base, slice: "complete", anchorOffsets: range(1, 30), anchor: null },
    { ...base, slice: "autopay-due", payBy: "AUTOPAY", anchorOffsets: [0], anchor: null },
    {
      ...base,
      slice: "default",
      misses: m - 1,
      anchorSequence: m,
      anchorOffsets: remindedLongEnough,
      anchor: reminded,
      earlier: m > 1 ? broken : null,
      minInstalments: Math.max(3, m + 1),
    },
  ];
  // Broken a while ago, the next instalment not yet due: broken on day -1 at the latest, and
  // the next due date (about 28 or more days after this one) still in grace.
  const latest = -(g + 1 + r) - 1;
  const earliest = Math.max(-28 + 1, latest - 14);
  // (Under a policy that defaults at the first miss, or whose grace and reminder days leave no
  // room, there is no such plan: the slice is shaped like "quiet".)
  templates.push(
    m > 1 && earliest <= latest
      ? { ...base, slice: "quiet-broken", misses: 1, anchorOffsets: range(earliest, latest), anchor: broken }
      : { ...base, slice: "quiet-broken", anchorOffsets: range(1, 30), anchor: null },
  );
  return templates;
}
