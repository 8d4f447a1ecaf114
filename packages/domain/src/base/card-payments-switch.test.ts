import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  cardPaymentsOff,
  configureCardPayments,
  decideCardPayments,
  requireCardPayments,
} from "./card-payments-switch.ts";

afterEach(() => configureCardPayments(null));

describe("whether card payments are on", () => {
  it.each([
    ["development", undefined, "on", null],
    ["test", undefined, "on", null],
    ["production", undefined, "on", "no-stripe-key"],
    ["production", "sk_live_x", "on", null],
    ["production", "sk_live_x", "off", "switched-off"],
    ["development", undefined, "off", "switched-off"],
  ] as const)("%s, key %s, setting %s: %s", (nodeEnv, secretKey, setting, expected) => {
    expect(decideCardPayments({ nodeEnv, secretKey, setting })).toBe(expected);
  });

  it("refuses with a reason the portal words while off, and is on until configured", () => {
    expect(cardPaymentsOff()).toBeNull();
    expect(() => requireCardPayments()).not.toThrow();
    configureCardPayments("switched-off");
    expect(cardPaymentsOff()).toBe("switched-off");
    let refused: unknown;
    try {
      requireCardPayments();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "INVALID_STATE", details: { reason: "card-payments-off" } });
  });
});
