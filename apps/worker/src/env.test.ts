import { describe, expect, it } from "vitest";
import { loadEnv, WORKER_JOBS } from "./env.ts";

const base = { DATABASE_URL: "postgresql://settle:settle@127.0.0.1:5432/settle" };

describe("the worker's environment", () => {
  it("runs every job unless WORKER_JOBS names some", () => {
    expect(loadEnv(base).WORKER_JOBS).toEqual([...WORKER_JOBS]);
    expect(loadEnv({ ...base, WORKER_JOBS: "" }).WORKER_JOBS).toEqual([...WORKER_JOBS]);
    expect(loadEnv({ ...base, WORKER_JOBS: " stripe-inbox , emails" }).WORKER_JOBS).toEqual([
      "stripe-inbox",
      "emails",
    ]);
  });

  it("refuses a job it does not know, naming the variable", () => {
    expect(() => loadEnv({ ...base, WORKER_JOBS: "stripe-inbox,dunning" })).toThrow(/WORKER_JOBS/);
  });

  it("reads SETTLE_CARD_PAYMENTS as on or off (default on)", () => {
    expect(loadEnv(base).SETTLE_CARD_PAYMENTS).toBe("on");
    expect(loadEnv({ ...base, SETTLE_CARD_PAYMENTS: "" }).SETTLE_CARD_PAYMENTS).toBe("on");
    expect(loadEnv({ ...base, SETTLE_CARD_PAYMENTS: "off" }).SETTLE_CARD_PAYMENTS).toBe("off");
    expect(() => loadEnv({ ...base, SETTLE_CARD_PAYMENTS: "maybe" })).toThrow(/SETTLE_CARD_PAYMENTS/);
  });

  it("reads DATABASE_POOL_SIZE as a positive whole number (unset: the domain's default)", () => {
    expect(loadEnv(base).DATABASE_POOL_SIZE).toBeUndefined();
    expect(loadEnv({ ...base, DATABASE_POOL_SIZE: "4" }).DATABASE_POOL_SIZE).toBe(4);
    expect(() => loadEnv({ ...base, DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("refuses a database URL that is not PostgreSQL, without echoing it", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://secret@db/x" })).toThrow(/DATABASE_URL/);
    expect(() => loadEnv({ DATABASE_URL: "mysql://secret@db/x" })).not.toThrow(/secret/);
  });
});
