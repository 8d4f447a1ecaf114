import { createStripeConnection } from "@settle/domain/payments/stripe-client";
import { describe, expect, it } from "vitest";
import { deliveryOrder, pickDistinct, seededRandom, shuffled, signDeliveries } from "./webhook-deliveries.ts";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
    // Roughly uniform: each tenth of the range gets about a tenth of the numbers.
    const deciles = new Array(10).fill(0);
    for (const x of first) deciles[Math.floor(x * 10)]++;
    expect(Math.min(...deciles)).toBeGreaterThan(60);
  });
});

describe("shuffled", () => {
  it("permutes a copy, deterministically for a seed", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffled(items, seededRandom(7));
    expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(shuffled(items, seededRandom(7))).toEqual(once);
    expect(shuffled(items, seededRandom(8))).not.toEqual(once);
  });
});

describe("pickDistinct", () => {
  it("picks distinct numbers in range, sorted", () => {
    const picked = pickDistinct(100, 30, seededRandom(1));
    expect(picked).toHaveLength(30);
    expect(new Set(picked).size).toBe(30);
    expect(picked.every((n) => n >= 0 && n < 100)).toBe(true);
    expect(picked).toEqual([...picked].sort((a, b) => a - b));
    expect(pickDistinct(5, 5, seededRandom(1))).toEqual([0, 1, 2, 3, 4]);
    expect(pickDistinct(5, 0, seededRandom(1))).toEqual([]);
    expect(() => pickDistinct(5, 6, seededRandom(1))).toThrow(/Cannot pick/);
  });
});

describe("deliveryOrder", () => {
  it("delivers every event once and the chosen duplicates exactly twice, shuffled", () => {
    const order = deliveryOrder(8_000, 2_000, 2026);
    expect(order).toHaveLength(10_000);
    const times = new Map<number, number>();
    for (const i of order) times.set(i, (times.get(i) ?? 0) + 1);
    expect(times.size).toBe(8_000);
    expect([...times.values()].filter((n) => n === 2)).toHaveLength(2_000);
    expect([...times.values()].every((n) => n === 1 || n === 2)).toBe(true);
    // Random order: neither sorted nor the duplicates bunched at the end.
    expect(order.slice(0, 100)).not.toEqual([...order.slice(0, 100)].sort((a, b) => a - b));
    const secondHalf = new Set(order.slice(5_000));
    expect(order.slice(0, 5_000).filter((i) => secondHalf.has(i)).length).toBeGreaterThan(300);
    expect(deliveryOrder(8_000, 2_000, 2026)).toEqual(order);
  });
});

describe("signDeliveries", () => {
  const { stripe } = createStripeConnection({ sandboxUrl: "http://127.0.0.1:9", maxNetworkRetries: 0 });
  const secret = "whsec_bench_test_secret";
  const bodies = ["a", "b", "c"].map((id) =>
    JSON.stringify({
      id: `evt_${id}`,
      object: "event",
      type: "payment_intent.succeeded",
      data: { object: {} },
    }),
  );

  it("signs each body so that the SDK verifies it, duplicates byte for byte", () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = signDeliveries(stripe.webhooks, bodies, [2, 0, 2, 1], secret, now);
    expect(signed.map((d) => d.body)).toEqual([bodies[2], bodies[0], bodies[2], bodies[1]]);
    expect(signed[0]).toEqual(signed[2]);
    for (const d of signed) {
      expect(d.signature).toMatch(new RegExp(`^t=${now},v1=[0-9a-f]{64}$`));
      expect(stripe.webhooks.constructEvent(d.body, d.signature, secret).id).toBe(JSON.parse(d.body).id);
    }
    expect(() => stripe.webhooks.constructEvent(bodies[1] as string, signed[0]!.signature, secret)).toThrow();
    expect(() =>
      stripe.webhooks.constructEvent(bodies[2] as string, signed[0]!.signature, "whsec_other"),
    ).toThrow();
  });

  it("is refused once older than Stripe's five-minute tolerance", () => {
    const stale = signDeliveries(stripe.webhooks, bodies, [0], secret, Date.now() / 1000 - 301)[0]!;
    expect(() => stripe.webhooks.constructEvent(stale.body, stale.signature, secret)).toThrow(/tolerance/i);
    expect(() => signDeliveries(stripe.webhooks, bodies, [3], secret, 0)).toThrow(/No event 3/);
  });
});
