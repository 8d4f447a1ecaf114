import { beforeAll, describe, expect, it, vi } from "vitest";

const DATABASE_URL = "postgresql://settle:settle@127.0.0.1:5432/settle_unit";
let parseEnv: typeof import("./env.server.ts").parseEnv;

beforeAll(async () => {
  // The module reads the process environment once on import; give it a valid one.
  vi.stubEnv("DATABASE_URL", DATABASE_URL);
  ({ parseEnv } = await import("./env.server.ts"));
});

describe("parseEnv", () => {
  it("defaults for development, with a development-only secret", () => {
    const env = parseEnv({ DATABASE_URL });
    expect(env).toMatchObject({
      nodeEnv: "development",
      isProduction: false,
      port: 3001,
      trustProxy: false,
      secureCookies: false,
    });
    expect(env.csrfSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(env.cookieSecret).not.toBe(env.csrfSecret);
  });

  it("refuses production without SESSION_SECRET, and with a short or blank one", () => {
    expect(() => parseEnv({ DATABASE_URL, NODE_ENV: "production" })).toThrow(/SESSION_SECRET is required/);
    expect(() => parseEnv({ DATABASE_URL, NODE_ENV: "production", SESSION_SECRET: "" })).toThrow(
      /SESSION_SECRET/,
    );
    expect(() => parseEnv({ DATABASE_URL, NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(
      /at least 32/,
    );
  });

  it("derives different keys from different secrets and never echoes values", () => {
    const secret = "s".repeat(40);
    const env = parseEnv({
      DATABASE_URL,
      NODE_ENV: "production",
      SESSION_SECRET: secret,
      TRUST_PROXY: "1",
      PORT: "8080",
    });
    expect(env).toMatchObject({ isProduction: true, secureCookies: true, trustProxy: true, port: 8080 });
    expect(env.cookieSecret).not.toBe(parseEnv({ DATABASE_URL }).cookieSecret);
    expect(() => parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/x" })).toThrow(/postgresql/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://root:hunter2@db/x" })).not.toThrow(/hunter2/);
  });

  it("reads the database pool size and the Stripe settings refunds are sent with", () => {
    expect(parseEnv({ DATABASE_URL }).databasePoolSize).toBeUndefined();
    expect(parseEnv({ DATABASE_URL, DATABASE_POOL_SIZE: "" }).databasePoolSize).toBeUndefined();
    expect(parseEnv({ DATABASE_URL, DATABASE_POOL_SIZE: "25" }).databasePoolSize).toBe(25);
    expect(() => parseEnv({ DATABASE_URL, DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ DATABASE_URL, DATABASE_POOL_SIZE: "many" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(parseEnv({ DATABASE_URL }).stripe).toEqual({
      secretKey: undefined,
      sandboxUrl: "http://127.0.0.1:12111",
      webhookSecret: undefined,
    });
    expect(
      parseEnv({ DATABASE_URL, STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abcdef" })
        .stripe,
    ).toMatchObject({ secretKey: "sk_test_abc", webhookSecret: "whsec_abcdef" });
    expect(() => parseEnv({ DATABASE_URL, STRIPE_SECRET_KEY: "pk_test_abc" })).toThrow(/STRIPE_SECRET_KEY/);
  });
});
