import { describe, expect, it } from "vitest";
import {
  expectedFirstRun,
  type MissedSteps,
  PLAN_SLICES,
  type PlanPolicyDays,
  type SliceTemplate,
  sliceCounts,
  sliceTemplates,
  totalPlans,
} from "./plan-job-shape.ts";

const DAY = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const addMonths = (d: Date, n: number) => {
  const r = new Date(d);
  const day = r.getUTCDate();
  r.setUTCDate(1);
  r.setUTCMonth(r.getUTCMonth() + n);
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(day, last));
  return r;
};

interface Instalment {
  due: Date;
  missed: Date | null;
  reminded: Date | null;
  broken: Date | null;
}

/** A plan of `count` instalments shaped by `t` with the anchor `offset` days from `today`. */
function plan(t: SliceTemplate, offset: number, count: number, today: Date): Instalment[] {
  const anchorDue = addDays(today, offset);
  return Array.from({ length: count }, (_, i) => {
    const sequence = i + 1;
    const due = addMonths(anchorDue, sequence - t.anchorSequence);
    const steps: MissedSteps | null =
      sequence < t.anchorSequence ? t.earlier : sequence === t.anchorSequence ? t.anchor : null;
    return {
      due,
      missed: steps ? addDays(due, steps.missed) : null,
      reminded: steps ? addDays(due, steps.reminded) : null,
      broken: steps?.broken != null ? addDays(due, steps.broken) : null,
    };
  });
}

/** The plan job's rules for unpaid instalments (run-payment-plans.ts, charge-plan-instalments.ts). */
function job(t: SliceTemplate, instalments: Instalment[], policy: PlanPolicyDays, today: Date) {
  const out = { reminded: 0, broken: 0, defaulted: 0, charged: 0 };
  let misses = t.misses;
  for (const i of instalments) {
    if (i.broken || i.due >= today) continue;
    if (!i.missed) {
      if (addDays(i.due, policy.graceDays) >= today) continue;
      out.reminded++;
      continue;
    }
    if (!i.reminded || addDays(i.reminded, policy.reminderDays) > today) continue;
    out.broken++;
    misses++;
    if (misses >= policy.missesToDefault) {
      out.defaulted++;
      break;
    }
  }
  if (t.payBy === "AUTOPAY" && !out.defaulted && instalments.some((i) => i.due <= today)) out.charged = 1;
  return out;
}

const DEFAULTS: PlanPolicyDays = { graceDays: 5, reminderDays: 7, missesToDefault: 2 };
const expected: Record<string, { reminded: number; broken: number; defaulted: number; charged: number }> = {
  reminder: { reminded: 1, broken: 0, defaulted: 0, charged: 0 },
  broken: { reminded: 0, broken: 1, defaulted: 0, charged: 0 },
  default: { reminded: 0, broken: 1, defaulted: 1, charged: 0 },
  "autopay-due": { reminded: 0, broken: 0, defaulted: 0, charged: 1 },
};
const nothing = { reminded: 0, broken: 0, defaulted: 0, charged: 0 };

describe("plan job data shape", () => {
  it("gives every slice its share of 10,000 plans, quiet ones the rest", () => {
    const counts = sliceCounts(10_000, 50_000, 5_000);
    expect(totalPlans(counts)).toBe(10_000);
    expect(counts).toMatchObject({
      reminder: 500,
      broken: 140,
      default: 60,
      complete: 100,
      "autopay-due": 200,
    });
    expect(counts.quiet).toBe(10_000 - 500 - 140 - 60 - 100 - 200 - 500 - 300 - 200 - 800);
    expect(expectedFirstRun(counts)).toEqual({
      reminded: 500,
      broken: 200,
      defaulted: 60,
      completed: 100,
      charged: 200,
    });
  });

  it("makes fewer plans when the data set has fewer open or paid invoices, and says so in its counts", () => {
    const small = sliceCounts(10_000, 1_000, 3);
    expect(small.complete).toBe(3);
    expect(totalPlans(small)).toBe(1_003);
    expect(small.reminder).toBe(50);
    expect(totalPlans(sliceCounts(10_000, 0, 0))).toBe(0);
    // Paid invoices serve completed plans only.
    const tiny = sliceCounts(10_000, 40, 40);
    expect(tiny.complete).toBe(0);
    expect(totalPlans(tiny)).toBe(40);
    expect(PLAN_SLICES.every((s) => tiny[s] >= 0)).toBe(true);
  });

  for (const policy of [
    DEFAULTS,
    { graceDays: 0, reminderDays: 1, missesToDefault: 3 },
    { graceDays: 10, reminderDays: 14, missesToDefault: 4 },
  ]) {
    it(`shapes each slice so that the job does exactly its step (grace ${policy.graceDays}, reminder ${policy.reminderDays}, default at ${policy.missesToDefault})`, () => {
      // Around month ends and a February, where a month is shortest.
      for (const day of ["2026-12-07", "2027-01-31", "2027-02-28", "2027-03-01", "2027-03-30"]) {
        const today = new Date(`${day}T00:00:00Z`);
        const templates = sliceTemplates(policy);
        expect(templates.map((t) => t.slice).sort()).toEqual([...PLAN_SLICES].sort());
        for (const t of templates) {
          expect(t.anchorOffsets.length).toBeGreaterThan(0);
          for (const offset of t.anchorOffsets) {
            for (let count = t.minInstalments; count <= 6; count++) {
              const instalments = plan(t, offset, count, today);
              const what = `${t.slice} ${offset} days, ${count} instalments, ${day}`;
              expect(job(t, instalments, policy, today), what).toEqual(expected[t.slice] ?? nothing);
              // Steps already taken were taken before today.
              for (const i of instalments) {
                for (const d of [i.missed, i.reminded, i.broken])
                  if (d) expect(d.getTime(), what).toBeLessThan(today.getTime());
              }
            }
          }
        }
      }
    });
  }

  it("shapes broken-a-while-ago plans like quiet ones under a policy that defaults at the first miss", () => {
    const t = sliceTemplates({ graceDays: 5, reminderDays: 7, missesToDefault: 1 });
    expect(t.find((x) => x.slice === "quiet-broken")).toMatchObject({ anchor: null, misses: 0 });
    expect(t.find((x) => x.slice === "default")).toMatchObject({
      anchorSequence: 1,
      misses: 0,
      earlier: null,
    });
  });
});
