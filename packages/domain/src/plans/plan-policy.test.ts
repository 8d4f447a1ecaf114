import { describe, expect, it } from "vitest";
import { type PlanPolicy, selfServiceBreach } from "./plan-policy.ts";
import { planFee, SELF_SERVICE_MAX_FIRST_DAYS, type SelfServiceAsk } from "./plan-policy-forms.ts";

const policy: PlanPolicy = {
  legalEntityId: "00000000-0000-4000-8000-000000000001",
  currency: "EUR",
  feeBps: 150,
  graceDays: 5,
  reminderDays: 7,
  missesToDefault: 2,
  selfServiceEnabled: true,
  selfServiceMaxTotal: 10_000_00n,
  selfServiceMaxInstalments: 6,
  selfServiceMinDownBps: 1000,
  selfServiceRiskClasses: ["LOW", "MEDIUM"],
  updatedAt: null,
};

/** A request just within every rule: 10 % down, the largest total, the most instalments. */
const within: SelfServiceAsk = {
  currency: "EUR",
  covered: 9_000_00n,
  downPayment: 900_00n,
  total: 10_000_00n,
  instalments: 6,
  riskClass: "MEDIUM",
  firstDateDays: 14,
  defaultedRecently: false,
};

describe("the self-service policy", () => {
  it("lets a request on every boundary through", () => {
    expect(selfServiceBreach(policy, within)).toBeNull();
    expect(
      selfServiceBreach({ ...policy, selfServiceMinDownBps: 0 }, { ...within, downPayment: 0n }),
    ).toBeNull();
  });

  it("names each rule a request breaks, one minor unit or one step past the boundary", () => {
    expect(selfServiceBreach({ ...policy, selfServiceEnabled: false }, within)).toBe("disabled");
    expect(selfServiceBreach(policy, { ...within, currency: "USD" })).toBe("currency");
    expect(selfServiceBreach(policy, { ...within, total: 10_000_01n })).toBe("max-total");
    expect(selfServiceBreach(policy, { ...within, instalments: 7 })).toBe("max-instalments");
    expect(selfServiceBreach(policy, { ...within, downPayment: 899_99n })).toBe("min-down");
    expect(selfServiceBreach(policy, { ...within, riskClass: "HIGH" })).toBe("risk-class");
    expect(selfServiceBreach(policy, { ...within, riskClass: "LOW" })).toBeNull();
    expect(selfServiceBreach(policy, { ...within, defaultedRecently: true })).toBe("recent-default");
    // A first payment at most SELF_SERVICE_MAX_FIRST_DAYS out: later ones go to the collector.
    expect(selfServiceBreach(policy, { ...within, firstDateDays: SELF_SERVICE_MAX_FIRST_DAYS })).toBeNull();
    expect(selfServiceBreach(policy, { ...within, firstDateDays: SELF_SERVICE_MAX_FIRST_DAYS + 1 })).toBe(
      "first-date",
    );
  });

  it("compares the down payment's share exactly, without rounding", () => {
    // 10 % of 1.01 is 0.101: 0.10 is short of it, 0.11 is enough.
    const small = { ...within, covered: 1_01n, total: 1_01n };
    expect(selfServiceBreach(policy, { ...small, downPayment: 10n })).toBe("min-down");
    expect(selfServiceBreach(policy, { ...small, downPayment: 11n })).toBeNull();
  });

  it("names the first rule broken when several are", () => {
    const everything = { ...within, currency: "USD", instalments: 12, riskClass: "CRITICAL" as const };
    expect(selfServiceBreach(policy, everything)).toBe("currency");
    expect(selfServiceBreach({ ...policy, selfServiceEnabled: false }, everything)).toBe("disabled");
  });
});

describe("the plan fee", () => {
  it("is the policy's share of what is financed, rounded half up to the minor unit", () => {
    expect(planFee(1_000_00n, 150)).toBe(15_00n);
    // 1.5 % of 0.33 is 0.00495 → 0.00; of 0.34 is 0.0051 → 0.01; of 1.00 is 0.015 → 0.02 (half up).
    expect(planFee(33n, 150)).toBe(0n);
    expect(planFee(34n, 150)).toBe(1n);
    expect(planFee(100n, 150)).toBe(2n);
    expect(planFee(1_000_00n, 0)).toBe(0n);
    expect(planFee(0n, 150)).toBe(0n);
  });
});
