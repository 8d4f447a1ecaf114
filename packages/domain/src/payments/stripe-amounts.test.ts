import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  fromStripeAmount,
  stripeAmountProblem,
  stripeDigits,
  stripeStep,
  toStripeAmount,
} from "./stripe-amounts.ts";

describe("Stripe amounts", () => {
  // [currency, Settle's minor units, Stripe's API amount]: exact both ways.
  it.each([
    ["USD", 12_345n, 12_345], // two decimals on both sides
    ["EUR", 1n, 1],
    ["BRL", 99_999_999n, 99_999_999],
    ["JPY", 500n, 500], // zero-decimal on both sides: whole yen
    ["KRW", 15_000n, 15_000],
    ["VND", 250_000n, 250_000],
    ["CLP", 9_990n, 9_990],
    ["UGX", 37_000n, 37_000],
    ["XOF", 5_000n, 5_000],
    ["KWD", 5_120n, 5_120], // three decimals, last digit 0
    ["BHD", 10n, 10],
    ["JOD", 1_000n, 1_000],
    ["OMR", 2_550n, 2_550],
    ["TND", 990n, 990],
    ["ISK", 5n, 500], // whole krónur in Settle, two decimals in Stripe's API
    ["HUF", 1_750n, 175_000], // whole forints in Settle, two decimals in Stripe's API
    ["TWD", 10_050n, 10_050], // two decimals on both sides; Stripe charges TWD cents
  ] as const)("%s %s ↔ Stripe %s", (currency, settle, stripe) => {
    expect(toStripeAmount(settle, currency)).toBe(stripe);
    expect(fromStripeAmount(stripe, currency)).toBe(settle);
    expect(fromStripeAmount(stripe, currency.toLowerCase())).toBe(settle);
    expect(stripeAmountProblem(settle, currency)).toBeNull();
  });

  it.each([
    ["KWD", 5_124n, "0.010 KWD"],
    ["BHD", 1n, "0.010 BHD"],
    ["JOD", 999n, "0.010 JOD"],
    ["OMR", 1_005n, "0.010 OMR"],
    ["TND", 3n, "0.010 TND"],
  ] as const)("refuses %s %s: Stripe needs a multiple of %s", (currency, settle, step) => {
    expect(stripeAmountProblem(settle, currency)).toContain(step);
    let refused: unknown;
    try {
      toStripeAmount(settle, currency);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: "VALIDATION",
      details: { reason: "amount-not-chargeable", currency, step: step.split(" ")[0] },
    });
  });

  it("knows each currency's step and Stripe digits", () => {
    expect(["USD", "JPY", "KWD", "ISK", "HUF", "TWD", "UGX"].map(stripeDigits)).toEqual([
      2, 0, 3, 2, 2, 2, 0,
    ]);
    expect(["USD", "JPY", "KWD", "ISK", "HUF", "TWD"].map(stripeStep)).toEqual([1n, 1n, 10n, 1n, 1n, 1n]);
  });

  it("refuses what cannot cross exactly, and never rounds", () => {
    expect(() => toStripeAmount(0n, "USD")).toThrow(DomainError);
    expect(() => toStripeAmount(-100n, "USD")).toThrow(DomainError);
    expect(() => toStripeAmount(2n ** 60n, "USD")).toThrow(DomainError);
    // HUF is multiplied by 100 on the way: a large forint amount overflows a JSON number sooner.
    expect(() => toStripeAmount(BigInt(Number.MAX_SAFE_INTEGER), "HUF")).toThrow(DomainError);
    expect(() => fromStripeAmount(1.5, "USD")).toThrow();
    expect(() => fromStripeAmount(-1, "USD")).toThrow();
    // 10.50 HUF or 5.50 ISK from Stripe (a refund made elsewhere): Settle keeps whole units only.
    expect(() => fromStripeAmount(1_050, "HUF")).toThrow(/fraction/);
    expect(() => fromStripeAmount(550, "ISK")).toThrow(/fraction/);
  });
});
