import { describe, expect, it } from "vitest";
import { getDb } from "./client.ts";

describe("database connections", () => {
  it("plan every statement for its own parameters, however often a named statement runs", async () => {
    // Named statements would otherwise switch to a generic plan after five runs: one made for a
    // typical account, ruinous for an account a hundred times its size.
    for (let run = 0; run < 7; run++) {
      const [row] = await getDb().$queryRaw<{ plan_cache_mode: string }[]>`SHOW plan_cache_mode`;
      expect(row?.plan_cache_mode).toBe("force_custom_plan");
    }
  });

  it("run the same statement by name on its connection (parsed once)", async () => {
    const db = getDb();
    await db.$transaction(async (tx) => {
      for (let run = 0; run < 3; run++) await tx.$queryRaw`SELECT ${run}::int AS run`;
      const prepared = await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int AS run%'`;
      expect(prepared).toHaveLength(1);
      expect(prepared[0]?.name).toMatch(/^settle_/);
    });
  });
});
