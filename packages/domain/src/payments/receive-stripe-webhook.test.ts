import { describe, expect, it } from "vitest";
import { signedInTheFuture } from "./receive-stripe-webhook.ts";

describe("signature timestamps", () => {
  const now = 1_800_000_000;
  it("refuses one dated more than five minutes ahead, and only that", () => {
    expect(signedInTheFuture(`t=${now + 301},v1=abc`, now)).toBe(true);
    expect(signedInTheFuture(`v1=abc,t=${now + 3600}`, now)).toBe(true);
    expect(signedInTheFuture(`t=${now + 300},v1=abc`, now)).toBe(false);
    expect(signedInTheFuture(`t=${now - 3600},v1=abc`, now)).toBe(false);
    // Malformed headers are the SDK's to refuse.
    expect(signedInTheFuture("v1=abc", now)).toBe(false);
    expect(signedInTheFuture("t=soon,v1=abc", now)).toBe(false);
  });
});
