import { beforeAll, describe, expect, it, vi } from "vitest";

const DATABASE_URL = "postgresql://settle:settle@127.0.0.1:5432/settle";
const SECRET = "0123456789abcdef0123456789abcdef";
let parseEnv: typeof import("./env.server").parseEnv;

beforeAll(async () => {
  // The module validates the process environment when it is imported: give it a valid one.
  vi.stubEnv("DATABASE_URL", DATABASE_URL);
  ({ parseEnv } = await import("./env.server"));
});

describe("parseEnv", () => {
  it("has development defaults", () => {
    const env = parseEnv({ DATABASE_URL });
    expect(env).toMatchObject({ isProduction: false, port: 3000, trustProxy: false, secureCookies: false });
    expect(env.portalUrl.href).toBe("http://localhost:3000/");
  });

  it("reads the database pool size (unset: the domain's default)", () => {
    expect(parseEnv({ DATABASE_URL }).databasePoolSize).toBeUndefined();
    expect(parseEnv({ DATABASE_URL, DATABASE_POOL_SIZE: "30" }).databasePoolSize).toBe(30);
    expect(() => parseEnv({ DATABASE_URL, DATABASE_POOL_SIZE: "-1" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("refuses production without a secret, and names the variable but not values", () => {
    expect(() => parseEnv({ DATABASE_URL, NODE_ENV: "production", PORTAL_SESSION_SECRET: "" })).toThrow(
      /PORTAL_SESSION_SECRET is required in production/,
    );
    expect(() => parseEnv({ DATABASE_URL, PORTAL_SESSION_SECRET: "short" })).toThrow(
      /at least 32 characters/,
    );
    const wrongUrl = () => parseEnv({ DATABASE_URL: "mysql://user:hunter2@db.internal/x" });
    expect(wrongUrl).toThrow(/DATABASE_URL must be a postgresql/);
    expect(wrongUrl).not.toThrow(/hunter2/);
  });

  it("derives separate keys per purpose, and a 64-hex-character TOTP key", () => {
    const env = parseEnv({ DATABASE_URL, NODE_ENV: "production", PORTAL_SESSION_SECRET: SECRET });
    expect(env.totpSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([env.totpSecret, env.csrfSecret, env.cookieSecret, SECRET]).size).toBe(4);
  });

  it("talks to the Stripe sandbox without a key, and wants the webhook secret with one", () => {
    expect(parseEnv({ DATABASE_URL }).stripe).toMatchObject({
      secretKey: undefined,
      sandboxUrl: "http://127.0.0.1:12111",
      webhookSecret: undefined,
    });
    expect(() => parseEnv({ DATABASE_URL, STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(
      /STRIPE_WEBHOOK_SECRET is required/,
    );
    expect(() => parseEnv({ DATABASE_URL, STRIPE_SECRET_KEY: "pk_test_123" })).toThrow(/secret key/);
    const real = parseEnv({
      DATABASE_URL,
      STRIPE_SECRET_KEY: "sk_test_123",
      STRIPE_WEBHOOK_SECRET: "whsec_abcdefgh",
    });
    expect(real.stripe.secretKey).toBe("sk_test_123");
  });

  it("takes card payments in development and test (the sandbox), not in production without a key, never when switched off", () => {
    expect(parseEnv({ DATABASE_URL }).cardPaymentsOff).toBeNull();
    expect(parseEnv({ DATABASE_URL, NODE_ENV: "test", SETTLE_CARD_PAYMENTS: "" }).cardPaymentsOff).toBeNull();
    const production = { DATABASE_URL, NODE_ENV: "production", PORTAL_SESSION_SECRET: SECRET };
    expect(parseEnv(production).cardPaymentsOff).toBe("no-stripe-key");
    // Nothing to verify webhooks with: the sandbox's published secret is not trusted in production.
    expect(parseEnv(production).stripe.webhookSecret).toBeNull();
    expect(parseEnv({ DATABASE_URL }).stripe.webhookSecret).toBeUndefined();
    const withKey = {
      ...production,
      STRIPE_SECRET_KEY: "sk_live_123",
      STRIPE_WEBHOOK_SECRET: "whsec_abcdefgh",
    };
    expect(parseEnv(withKey).cardPaymentsOff).toBeNull();
    expect(parseEnv({ ...withKey, SETTLE_CARD_PAYMENTS: "off" }).cardPaymentsOff).toBe("switched-off");
    expect(parseEnv({ DATABASE_URL, SETTLE_CARD_PAYMENTS: "off" }).cardPaymentsOff).toBe("switched-off");
    expect(() => parseEnv({ DATABASE_URL, SETTLE_CARD_PAYMENTS: "no" })).toThrow(
      /SETTLE_CARD_PAYMENTS must be on or off/,
    );
  });

  it("uses Secure cookies when the portal is served over https", () => {
    const env = parseEnv({ DATABASE_URL, PORTAL_URL: "https://portal.example.com", TRUST_PROXY: "1" });
    expect(env).toMatchObject({ secureCookies: true, trustProxy: true });
  });
});
