import { describe, expect, it } from "vitest";
import { createStripeConnection, SANDBOX_WEBHOOK_SECRET } from "./stripe-client.ts";

describe("createStripeConnection", () => {
  it("points the SDK at the sandbox over plain HTTP without a secret key", () => {
    const c = createStripeConnection({ sandboxUrl: "http://127.0.0.1:45678" });
    expect(c.sandbox).toBe(true);
    expect(c.webhookSecret).toBe(SANDBOX_WEBHOOK_SECRET);
    // The SDK keeps its settings here; checked so a Stripe upgrade that moves them is noticed.
    const settings = (c.stripe as unknown as { _api: Record<string, unknown> })._api;
    expect(settings).toMatchObject({ host: "127.0.0.1", port: 45678, protocol: "http" });
  });

  it("trusts no webhook signature when told there is no secret (not even the sandbox's)", () => {
    const a = createStripeConnection({ webhookSecret: null });
    const b = createStripeConnection({ webhookSecret: null });
    expect(a.webhookSecret).not.toBe(SANDBOX_WEBHOOK_SECRET);
    expect(a.webhookSecret).not.toBe(b.webhookSecret);
    const payload = JSON.stringify({
      id: "evt_1",
      object: "event",
      type: "charge.refunded",
      data: { object: {} },
    });
    const header = a.stripe.webhooks.generateTestHeaderString({ payload, secret: SANDBOX_WEBHOOK_SECRET });
    expect(() => a.stripe.webhooks.constructEvent(payload, header, a.webhookSecret)).toThrow();
  });

  it("talks to Stripe itself with a secret key, and then needs the endpoint's signing secret", () => {
    expect(() => createStripeConnection({ secretKey: "sk_test_x" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    const c = createStripeConnection({ secretKey: "sk_test_x", webhookSecret: "whsec_y" });
    expect(c.sandbox).toBe(false);
    expect((c.stripe as unknown as { _api: Record<string, unknown> })._api).toMatchObject({
      host: "api.stripe.com",
    });
  });
});
