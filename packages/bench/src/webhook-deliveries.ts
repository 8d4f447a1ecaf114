/**
 * The webhook ingestion case's deliveries, as pure functions: which events are delivered twice,
 * in what order (seeded, so every run and every machine sends the same sequence), and the
 * `Stripe-Signature` header each one carries.
 */
import type { Stripe } from "@settle/domain/payments/stripe-client";

/** A deterministic pseudo-random number generator (mulberry32): numbers in [0, 1) from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A shuffled copy (Fisher–Yates); the input is left as it was. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `count` distinct whole numbers in [0, n), in ascending order. */
export function pickDistinct(n: number, count: number, random: () => number): number[] {
  if (!Number.isInteger(count) || count < 0 || count > n)
    throw new Error(`Cannot pick ${count} distinct numbers out of ${n}.`);
  // The first `count` of a partial Fisher–Yates shuffle of 0..n-1.
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

/**
 * The order of deliveries: every event once, plus `duplicates` distinct events a second time
 * (an exact copy: Stripe retrying, or delivering twice), all shuffled. Returns indices into the
 * events.
 */
export function deliveryOrder(events: number, duplicates: number, seed: number): number[] {
  const random = seededRandom(seed);
  const again = pickDistinct(events, duplicates, random);
  return shuffled([...Array.from({ length: events }, (_, i) => i), ...again], random);
}

/**
 * Signed deliveries in `order`: each body with a `Stripe-Signature` header built by the SDK's own
 * generateTestHeaderString (`t=<unix seconds>,v1=<HMAC-SHA256 of "t.payload">`, what Stripe sends
 * and constructEvent verifies). One timestamp for all, so a duplicate is byte for byte the
 * delivery it repeats; constructEvent accepts them for five minutes from `timestampSec`.
 */
export function signDeliveries(
  webhooks: Pick<Stripe["webhooks"], "generateTestHeaderString">,
  bodies: readonly string[],
  order: readonly number[],
  secret: string,
  timestampSec: number,
): { body: string; signature: string }[] {
  const timestamp = Math.floor(timestampSec);
  const signatures = new Map<number, string>();
  return order.map((i) => {
    const body = bodies[i];
    if (body === undefined) throw new Error(`No event ${i} to deliver.`);
    let signature = signatures.get(i);
    if (!signature) {
      signature = webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
      signatures.set(i, signature);
    }
    return { body, signature };
  });
}
