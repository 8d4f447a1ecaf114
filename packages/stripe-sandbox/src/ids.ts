import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A random base62 string; Stripe ids are a type prefix plus such a tail. */
export function randomTail(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i]!;
    // Reject the top of the byte range so every character is equally likely.
    if (b < 248) out += ALPHABET[b % 62];
  }
  while (out.length < length) out += ALPHABET[randomBytes(1)[0]! % 62];
  return out;
}

/** `newId("pi")` → `pi_3Px…` (24 characters after the prefix, like Stripe's). */
export function newId(prefix: string, length = 24): string {
  return `${prefix}_${randomTail(length)}`;
}

/** Checkout Session ids are long in test mode: `cs_test_a1…` */
export function newCheckoutSessionId(): string {
  return `cs_test_${randomTail(58)}`;
}

export function newSecret(id: string): string {
  return `${id}_secret_${randomTail(25)}`;
}
