import type { PlanRunResult } from "@settle/domain/plans/run-payment-plans";
import { describe, expect, it } from "vitest";
import { firstRunDifferences, type RunState, secondRunProblems } from "./plan-job-checks.ts";

const idle = Object.fromEntries(
  "expired instalments activated completed reminded broken defaulted charged succeeded failed deferred"
    .split(" ")
    .map((k) => [k, 0]),
) as unknown as PlanRunResult;
const state: RunState = {
  outbox: 1_200,
  charges: 200,
  attempts: 8_200,
  tasks: 260,
  audit: 2_000,
  instalments: "a1",
  plans: "b2",
};

describe("plan job checks", () => {
  it("passes a second run that did nothing and left everything as it was", () => {
    expect(secondRunProblems(idle, state, { ...state })).toEqual([]);
  });

  it("fails a second run that charged, queued an e-mail, raised a task or changed a plan or instalment", () => {
    expect(secondRunProblems({ ...idle, charged: 1, failed: 1 }, state, state)).toEqual([
      "second run did charged 1, failed 1",
    ]);
    expect(
      secondRunProblems(idle, state, {
        ...state,
        outbox: 1_201,
        charges: 201,
        attempts: 8_201,
        tasks: 261,
        audit: 2_003,
        instalments: "a2",
        plans: "b3",
      }),
    ).toEqual([
      "second run: plan charges 200 → 201",
      "second run: payment attempts 8,200 → 8,201",
      "second run: e-mails queued 1,200 → 1,201",
      "second run: collector tasks 260 → 261",
      "second run: audit events 2,000 → 2,003",
      "second run changed instalments",
      "second run changed plans",
    ]);
  });

  it("compares the first run's steps with what the data was shaped for", () => {
    const expected = { reminded: 500, broken: 200, defaulted: 60, completed: 100, charged: 200 };
    const first = {
      ...idle,
      reminded: 500,
      broken: 200,
      defaulted: 60,
      completed: 100,
      charged: 200,
      succeeded: 200,
    };
    expect(firstRunDifferences(first, expected)).toEqual([]);
    expect(firstRunDifferences({ ...first, succeeded: 150, failed: 50, reminded: 1_500 }, expected)).toEqual([
      "reminded 1,500, expected 500",
      "charged 150, expected 200",
    ]);
  });
});
